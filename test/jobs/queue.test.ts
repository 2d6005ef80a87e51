import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../src/jobs/maintenance.ts';
import { startQueue, type Queue } from '../../src/jobs/queue.ts';
import { migrate } from '../../src/store/migrate.ts';
import { createSession } from '../../src/store/sessions.ts';
import { createUser } from '../../src/store/users.ts';
import { freshDb, type TestDb } from '../support/db.ts';

let t: TestDb;
let queue: Queue;
const QUEUE = 'test.transactional';

beforeAll(async () => {
  t = await freshDb();
  await migrate(t.db);
  queue = await startQueue(t.db, { supervise: false });
  await queue.boss.createQueue(QUEUE);
});
afterAll(async () => {
  await queue?.boss.stop({ graceful: false });
  await t?.drop();
});

describe('queue on the same database', () => {
  it('is ready', async () => {
    expect(await queue.isReady()).toBe(true);
  });

  it('sends a job only when the transaction that enqueued it commits', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await queue.enqueue(tx, QUEUE, { n: 1 });
        throw new Error('change rolled back');
      }),
    ).rejects.toThrow('change rolled back');
    expect(await queue.boss.fetch(QUEUE)).toEqual([]);

    await t.db.transaction(async (tx) => {
      await queue.enqueue(tx, QUEUE, { n: 2 });
    });
    const jobs = await queue.boss.fetch<{ n: number }>(QUEUE);
    expect(jobs.map((j) => j.data)).toEqual([{ n: 2 }]);
  });

  it('coalesces jobs with the same singleton key while one waits', async () => {
    const q = 'test.singleton';
    await queue.boss.createQueue(q, { policy: 'singleton' });
    for (let i = 0; i < 5; i++) {
      await t.db.transaction((tx) => queue.enqueue(tx, q, { i }, { singletonKey: 'alert-1' }));
    }
    const jobs = await queue.boss.fetch(q, { batchSize: 10 });
    expect(jobs).toHaveLength(1);
  });

  it('purges expired sessions in the maintenance job', async () => {
    const user = await createUser(t.db, {
      email: 'purge@example.com',
      name: 'P',
      partnerId: null,
      role: 'operator',
      passwordHash: 'x',
      mustChangePassword: false,
    });
    await createSession(t.db, user.id, -1000);
    await createSession(t.db, user.id, 60_000);
    expect((await purgeExpired(t.db)).sessions).toBe(1);
    expect(await t.db.query('SELECT 1 FROM sessions WHERE user_id = $1', [user.id])).toHaveLength(1);
  });
});
