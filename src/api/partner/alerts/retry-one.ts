// Retry of one alert, whether named by itself or by a delivery of the event log.
import { AppError } from '../../../core/errors.ts';
import { retryAlerts } from '../../../jobs/retry-alerts.ts';
import type { AlertView } from '../../../store/alert-views.ts';
import type { AppDeps } from '../../deps.ts';
import type { RouteContext } from '../../route.ts';

export async function retryAlert(
  deps: AppDeps,
  audit: RouteContext['audit'],
  alert: AlertView,
  details: Record<string, unknown> = {},
): Promise<{ queued: number }> {
  if (alert.wants.length === 0) {
    throw new AppError(
      'conflict',
      `Alert ${alert.id} has nothing left to write to the PSA (its ticket is up to date); nothing to retry`,
    );
  }
  return deps.db.transaction(async (tx) => {
    const queued = await retryAlerts(deps.queue, tx, [alert.id]);
    if (queued.length === 0) throw new AppError('conflict', `Alert ${alert.id} has nothing left to retry`);
    await audit(tx, {
      targetType: 'alert',
      targetId: alert.id,
      partnerId: alert.partnerId,
      details: { ...details, wasDead: alert.deadAt !== null, pendingWrites: alert.wants.length },
    });
    return { queued: queued.length };
  });
}
