// Alerts: the list, one with its events, tickets and deliveries, and retrying one or a selection.
import type { RouteDef } from '../../route.ts';
import { getAlertRoute } from './get-alert.ts';
import { listAlertsRoute } from './list-alerts.ts';
import { reprocessAlertsRoute } from './reprocess-alerts.ts';
import { retryAlertRoute } from './retry-alert.ts';

export const alertRoutes: RouteDef[] = [
  listAlertsRoute,
  reprocessAlertsRoute,
  getAlertRoute,
  retryAlertRoute,
] as unknown as RouteDef[];
