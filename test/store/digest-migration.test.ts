// Migration 0013 moves each digest's alert_ids array into digest_alerts rows: the order kept, the
// alerts the ticket already named (`listed`) marked as noted, the first as the digest's opener.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMigrations, migrate } from '../../src/store/migrate.ts';
import { unnotedJoins } from '../../src/store/digests.ts';
import { freshDb, onPostgres, type TestDb } from '../support/db.ts';

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(async () => t?.drop());

/** Apply the migrations before `version` the way migrate() does. */
async function migrateBefore(version: string) {
  await t.db.exec(`CREATE TABLE schema_migrations (
    version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  for (const file of (await listMigrations()).filter((f) => f < version)) {
    await t.db.exec(await readFile(new URL(`../../src/store/migrations/${file}`, import.meta.url), 'utf8'));
    await t.db.query('INSERT INTO schema_migrations (version) VALUES ($1)', [file.replace(/\.sql$/, '')]);
  }
}

describe(`digest joins migrated forward on ${onPostgres ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('turns alert_ids into rows, in order, the listed ones noted', async () => {
    await migrateBefore('0013');
    const [p] = await t.db.query<{ id: string }>(
      `INSERT INTO partners (name, kind, path) VALUES ('P', 'direct_reseller', '/p/') RETURNING id`,
    );
    const [c] = await t.db.query<{ id: string }>(
      `INSERT INTO connections (partner_id, kind, name, site_url, credentials_sealed)
       VALUES ($1, 'connectwise', 'CW', 'https://cw.example.com', 'x') RETURNING id`,
      [p!.id],
    );
    const [o] = await t.db.query<{ id: string }>(
      `INSERT INTO organizations (external_id, partner_id, name) VALUES ('o', $1, 'O') RETURNING id`,
      [p!.id],
    );
    const alerts: string[] = [];
    for (const key of ['k3', 'k1', 'k2']) {
      const [a] = await t.db.query<{ id: string }>(
        `INSERT INTO alerts (key, organization_id, condition, status, state)
         VALUES ($1, $2, 'backup.email', 'failing', '{}') RETURNING id`,
        [key, o!.id],
      );
      alerts.push(a!.id);
    }
    const [d] = await t.db.query<{ id: string }>(
      `INSERT INTO digests (kind, connection_id, company_id, key, ticket_id, alert_ids, listed)
       VALUES ('incident', $1, '2', 'cannot_connect', '77', $2::uuid[], 2) RETURNING id`,
      [c!.id, alerts],
    );

    expect((await migrate(t.db)).applied[0]).toBe('0013_digest_alerts');
    const rows = await t.db.query<{ alert_id: string; noted: boolean }>(
      'SELECT alert_id, noted_at IS NOT NULL AS noted FROM digest_alerts WHERE digest_id = $1 ORDER BY seq',
      [d!.id],
    );
    expect(rows).toEqual([
      { alert_id: alerts[0], noted: true },
      { alert_id: alerts[1], noted: true },
      { alert_id: alerts[2], noted: false },
    ]);
    expect(await unnotedJoins(t.db, d!.id)).toEqual([alerts[2]]);
    const [digest] = await t.db.query<Record<string, unknown>>('SELECT * FROM digests WHERE id = $1', [
      d!.id,
    ]);
    expect(digest!.opened_by).toBe(alerts[0]);
    expect(digest).not.toHaveProperty('alert_ids');
  });
});
