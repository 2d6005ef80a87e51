// Housekeeping that runs on a schedule in worker processes: expired sessions and stale sign-in
// failure counters are removed so the tables stay small.
import type { Db } from '../store/db.ts';
import { purgeStaleFailures } from '../store/login-failures.ts';
import { purgeExpiredSessions } from '../store/sessions.ts';
import type { Queue } from './queue.ts';

export const PURGE_QUEUE = 'maintenance.purge-expired';

export async function purgeExpired(db: Db): Promise<{ sessions: number }> {
  const sessions = await purgeExpiredSessions(db);
  await purgeStaleFailures(db, 24 * 3600_000);
  return { sessions };
}

export async function startMaintenance(db: Db, queue: Queue): Promise<void> {
  await queue.boss.createQueue(PURGE_QUEUE);
  await queue.boss.schedule(PURGE_QUEUE, '17 * * * *');
  await queue.work(PURGE_QUEUE, {}, async () => {
    await purgeExpired(db);
  });
}
