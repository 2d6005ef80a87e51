// What the ticket reconciler gets from effectiveTicketSettings: the levels resolved against a real
// database and a Halo simulator's pick lists, an organization's overrides only while it is linked.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectiveTicketSettings } from '../../src/jobs/ticket-settings.ts';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import { createConnection, type Connection } from '../../src/store/connections.ts';
import { migrate } from '../../src/store/migrate.ts';
import { upsertOrganization } from '../../src/store/organizations.ts';
import { createPartner } from '../../src/store/partners.ts';
import { createSecretBox } from '../../src/store/secret-box.ts';
import { setTicketSettings } from '../../src/store/ticket-settings.ts';
import { freshDb, type TestDb } from '../support/db.ts';

let testDb: TestDb;
let sim: RunningSimulator;
let connection: Connection;
let orgId: string;
const secrets = createSecretBox(randomBytes(32));
const deps = () => ({ db: testDb.db, secrets, allowPrivatePsaHosts: true });

beforeAll(async () => {
  testDb = await freshDb();
  await migrate(testDb.db);
  sim = await startSimulator('halopsa', { port: 0 });
  const dist = await createPartner(testDb.db, { name: 'Dist', kind: 'distributor', parentId: null });
  const res = await createPartner(testDb.db, { name: 'Res', kind: 'direct_reseller', parentId: dist.id });
  connection = await createConnection(testDb.db, secrets, {
    partnerId: res.id,
    kind: 'halopsa',
    name: 'Halo',
    siteUrl: sim.url,
    credentials: sim.credentials,
    credentialHints: {},
  });
  orgId = (
    await upsertOrganization(testDb.db, 'org-1', {
      name: 'Org 1',
      partnerId: res.id,
      domains: [],
      active: true,
    })
  ).organization.id;
  await setTicketSettings(
    testDb.db,
    { scope: 'partner', partnerId: dist.id, kind: 'halopsa' },
    {
      ticketTypeId: 'alert',
      slaId: 'Premium 24x7',
      'priority.critical': 'P1 - Critical',
      repeatNoteMinutes: 15,
    },
    null,
  );
  await setTicketSettings(
    testDb.db,
    { scope: 'connection', connectionId: connection.id },
    {
      teamId: '4',
      'status.new': '1',
      'status.resolved': '9',
      conditions: { 'backup.email': { teamId: '1' } },
    },
    null,
  );
  await setTicketSettings(
    testDb.db,
    { scope: 'organization', organizationId: orgId, connectionId: connection.id },
    { technicianClosed: 'reopen' },
    null,
  );
});
afterAll(async () => {
  await sim?.stop();
  await testDb?.drop();
});

describe('effectiveTicketSettings', () => {
  it('resolves every level into the reconciler’s settings', async () => {
    const s = await effectiveTicketSettings(deps(), { connection });
    expect(s).toEqual({
      placement: { ticketTypeId: '5', slaId: '2', teamId: '4' },
      status: { new: '1', resolved: '9', cancelled: null },
      priority: { informational: null, low: null, medium: null, high: null, critical: '1', default: null },
      notesInternal: true,
      autoResolve: true,
      reopenWindowMinutes: 1440,
      repeatNoteMinutes: 15,
      technicianClosed: 'new_ticket',
      // Only critical alerts would find a priority: the others' fallback is missing, and said so.
      problems: [
        {
          field: 'priority.default',
          problem:
            'Priority when the alert has no severity is required: set it on the connection or as a partner default',
        },
      ],
    });
  });

  it('applies a condition’s overrides and an organization’s only while it is linked', async () => {
    const forCondition = await effectiveTicketSettings(deps(), { connection, condition: 'backup.email' });
    expect(forCondition.placement.teamId).toBe('1');
    const unlinked = await effectiveTicketSettings(deps(), { connection, organizationId: orgId });
    expect(unlinked.technicianClosed).toBe('new_ticket');
    await testDb.db.query(
      `INSERT INTO org_links (organization_id, connection_id, company_id, company_name, method)
       VALUES ($1, $2, '12', 'Org 1', 'manual')`,
      [orgId, connection.id],
    );
    const linked = await effectiveTicketSettings(deps(), { connection, organizationId: orgId });
    expect(linked.technicianClosed).toBe('reopen');
  });
});
