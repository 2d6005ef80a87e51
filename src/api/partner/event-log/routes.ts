// The event log: every PSA write, filtered, paged, exported as CSV, and retried.
import type { RouteDef } from '../../route.ts';
import { exportDeliveriesRoute } from './export-deliveries.ts';
import { getDeliveryRoute } from './get-delivery.ts';
import { listDeliveriesRoute } from './list-deliveries.ts';
import { retryDeliveryRoute } from './retry-delivery.ts';

export const eventLogRoutes: RouteDef[] = [
  listDeliveriesRoute,
  exportDeliveriesRoute,
  getDeliveryRoute,
  retryDeliveryRoute,
] as unknown as RouteDef[];
