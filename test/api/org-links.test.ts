// Organization mapping over the Partner API against the simulators: one PSA at a time, plans first,
// billing records from the company's real records, history, skip, bulk confirm, automatic exact
// links, link health found in the PSA, the catch-all company, and bad input changing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketDestination } from '../../src/jobs/ticket-destination.ts';
import { startSimulator, type RunningSimulator } from '../../src/simulators/index.ts';
import type { Client } from '../support/client.ts';
import { cwApi as cwApiOf } from '../support/connectwise-api.ts';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
let admin: Client;
let cw: RunningSimulator;
let halo: RunningSimulator;
const conn: Record<string, string> = {};
let planA: string;

type Row = Record<string, unknown>;
const planId = async (ext: string) =>
  (await t.hub.db.query<{ id: string }>('SELECT id FROM plans WHERE external_id = $1', [ext]))[0]!.id;
const linkRows = () => t.hub.db.query('SELECT * FROM org_links ORDER BY linked_at, id');
const billingRows = () => t.hub.db.query('SELECT * FROM org_link_billing ORDER BY link_id, plan_id');

const cwApi = (method: string, path: string, body?: unknown) => cwApiOf(cw, method, path, body);

async function records(sim: RunningSimulator, table: string): Promise<Row[]> {
  return (await (await fetch(`${sim.url}/_sim/records/${table}`)).json()) as Row[];
}

async function connect(c: Client, kind: string, sim: RunningSimulator, partnerId: string) {
  const res = await c.post('/api/v1/connections', {
    partnerId,
    kind,
    name: `${kind} of A`,
    siteUrl: sim.url,
    credentials: sim.credentials,
  });
  if (res.status !== 201) throw new Error(res.text);
  return res.body.connection.id as string;
}

/** An organization of reseller A using `plans`, created through the Source API. */
async function newOrg(name: string, plans: string[] = []): Promise<string> {
  const ext = `${tree.ext('org')}-${Math.random().toString(36).slice(2, 8)}`;
  const res = await t.source.put(`/api/v1/source/organizations/${ext}`, {
    name,
    partnerExternalId: tree.ext('resA'),
    planExternalIds: plans,
  });
  if (res.status !== 201) throw new Error(res.text);
  return res.body.id;
}

/** The nth live company of the ConnectWise seed with a plain name. */
async function liveCompany(n: number): Promise<string> {
  const live = (await records(cw, 'companies')).filter(
    (c) => c.deletedFlag !== true && /^[A-Za-z][A-Za-z ]+$/.test(String(c.name)),
  );
  return String(live[n]!.id);
}

/** Company 2 ("Smith & Jones Ltd") and its agreement additions, as the hub lists them. */
async function company2Targets() {
  const res = await admin.get(`/api/v1/connections/${conn.cw}/billing-targets?companyId=2`);
  expect(res.status, res.text).toBe(200);
  return res.body as { targets: Row[]; parents: Row[] };
}

beforeAll(async () => {
  t = await startTestHub();
  tree = await seedTree(t.source);
  admin = await t.userClient(tree.partners.resA, 'admin');
  [cw, halo] = await Promise.all([
    startSimulator('connectwise', { port: 0 }),
    startSimulator('halopsa', { port: 0 }),
  ]);
  conn.cw = await connect(admin, 'connectwise', cw, tree.partners.resA);
  conn.halo = await connect(admin, 'halopsa', halo, tree.partners.resA);
  planA = await planId(tree.ext('planA'));
});
afterAll(async () => {
  await Promise.all([cw?.stop(), halo?.stop()]);
  await t?.stop();
});

describe('plans an organization uses (Source API)', () => {
  it('stores them, and refuses an unknown plan or one not assigned to the partner, writing nothing', async () => {
    const org = await newOrg('Plans Org', [tree.ext('planA')]);
    const link = await admin.get(`/api/v1/organizations/${org}/link`);
    expect(link.body.plans).toEqual([expect.objectContaining({ id: planA, productId: null })]);
    const ext = tree.ext('plans-bad');
    const unknown = await t.source.put(`/api/v1/source/organizations/${ext}`, {
      name: 'X',
      partnerExternalId: tree.ext('resA'),
      planExternalIds: ['no-such-plan'],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toContain('"no-such-plan"');
    const foreign = await t.source.put(`/api/v1/source/organizations/${ext}`, {
      name: 'X',
      partnerExternalId: tree.ext('resA'),
      planExternalIds: [tree.ext('planB')],
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.message).toContain('not assigned to partner');
    expect(await t.hub.db.query('SELECT 1 FROM organizations WHERE external_id = $1', [ext])).toEqual([]);
  });
});

describe('linking an organization', () => {
  let org: string;
  let target: Row;

  beforeAll(async () => {
    org = await newOrg('Smith and Jones (hub)', [tree.ext('planA')]);
  });

  it('refuses while a plan the organization uses is unmapped, naming the plan', async () => {
    const res = await admin.put(`/api/v1/organizations/${org}/link`, {
      connectionId: conn.cw,
      companyId: '2',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain(`Plan planA ${tree.tag}`);
    expect(res.body.error.message).toMatch(/Map these plans/);
    expect(await linkRows()).toEqual([]);
  });

  it('links to the company with the billing record chosen from its real records', async () => {
    const { targets, parents } = await company2Targets();
    expect(targets.length).toBeGreaterThan(0);
    expect(parents.length).toBeGreaterThan(0);
    target = targets[0]!;
    const mapped = await admin.put(`/api/v1/connections/${conn.cw}/plan-links/${planA}`, {
      productId: target.productId,
    });
    expect(mapped.status, mapped.text).toBe(200);
    const res = await admin.put(`/api/v1/organizations/${org}/link`, {
      connectionId: conn.cw,
      companyId: '2',
      billing: [{ planId: planA, targetId: target.id }],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.link).toMatchObject({
      connectionId: conn.cw,
      companyId: '2',
      companyName: 'Smith & Jones Ltd',
      method: 'manual',
      health: 'ok',
      billing: [{ planId: planA, targetId: target.id, targetLabel: target.label, createdByHub: false }],
    });
    expect(res.body.plans).toEqual([expect.objectContaining({ id: planA, productId: target.productId })]);
    const listed = await admin.get(`/api/v1/connections/${conn.cw}/organizations?state=linked`);
    expect(listed.body.items.map((i: { organization: Row }) => i.organization.id)).toContain(org);
  });

  it('refuses a second PSA while linked, saying to unlink the first', async () => {
    const res = await admin.put(`/api/v1/organizations/${org}/link`, {
      connectionId: conn.halo,
      companyId: '174',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(
      /linked to "Smith & Jones Ltd" on connectwise of A .*unlink it there first/,
    );
    const onHalo = await admin.get(`/api/v1/connections/${conn.halo}/organizations?state=elsewhere`);
    expect(onHalo.body.items.map((i: { organization: Row }) => i.organization.id)).toContain(org);
  });

  it('answers bad input with a 4xx naming the field, and writes nothing', async () => {
    const before = [await linkRows(), await billingRows()];
    const cases: [unknown, number, RegExp][] = [
      [{ connectionId: conn.cw, companyId: '999999' }, 422, /no company 999999/],
      [
        { connectionId: conn.cw, companyId: '2', billing: [{ planId: planA, targetId: 'nope' }] },
        422,
        /nope is not a billing record/,
      ],
      [
        {
          connectionId: conn.cw,
          companyId: '2',
          billing: [{ planId: await planId(tree.ext('planB')), targetId: null }],
        },
        422,
        /not a plan this organization uses/,
      ],
      [
        { connectionId: conn.cw, companyId: '2', billing: [{ planId: planA, createOn: '1' }] },
        422,
        /does not let the hub create billing lines/,
      ],
      [{ connectionId: conn.cw, companyId: '2', extra: 1 }, 400, /extra/],
      [{ connectionId: '00000000-0000-4000-8000-000000000000', companyId: '2' }, 404, /connection/],
    ];
    for (const [body, status, message] of cases) {
      const res = await admin.put(`/api/v1/organizations/${org}/link`, body);
      expect(res.status, res.text).toBe(status);
      expect(res.body.error.message + JSON.stringify(res.body.error.details)).toMatch(message);
    }
    const deleted = (await records(cw, 'companies')).find((c) => c.deletedFlag === true)!;
    const gone = await admin.put(`/api/v1/organizations/${org}/link`, {
      connectionId: conn.cw,
      companyId: String(deleted.id),
    });
    expect(gone.status).toBe(422);
    expect(gone.body.error.details[0].path).toBe('body/companyId');
    expect([await linkRows(), await billingRows()]).toEqual(before);
  });

  it('answers a company id that is no id of the PSA with a 4xx, on HaloPSA too', async () => {
    for (const id of [conn.halo, conn.cw]) {
      const res = await admin.get(`/api/v1/connections/${id}/billing-targets?companyId=not-a-number`);
      expect(res.status, res.text).toBe(422);
      expect(res.body.error.message).toMatch(/not-a-number/);
    }
  });

  it('refuses a billing record another organization already bills into', async () => {
    const other = await newOrg('Second Smith', [tree.ext('planA')]);
    const res = await admin.put(`/api/v1/organizations/${other}/link`, {
      connectionId: conn.cw,
      companyId: '2',
      billing: [{ planId: planA, targetId: target.id }],
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('Smith and Jones (hub)');
  });

  it('links a second organization to a company another already uses, with a warning the link shows', async () => {
    const other = await newOrg('Second Smith', [tree.ext('planA')]);
    const res = await admin.put(`/api/v1/organizations/${other}/link`, {
      connectionId: conn.cw,
      companyId: '2',
      billing: [{ planId: planA, targetId: null }],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.link.sharedWith).toEqual([
      { organizationId: org, organizationName: 'Smith and Jones (hub)' },
    ]);
    expect(res.body.link.warning).toMatch(
      /^Organization "Smith and Jones \(hub\)" is also linked to ".+" on this connection: their tickets and billing go to the same company$/,
    );
    // Both links show it, in the organization's link and in the connection's organization list.
    expect((await admin.get(`/api/v1/organizations/${org}/link`)).body.link.warning).toMatch(
      /"Second Smith"/,
    );
    const listed = await admin.get(`/api/v1/connections/${conn.cw}/organizations?q=smith`);
    expect(listed.status, listed.text).toBe(200);
    const warnings = Object.fromEntries(
      listed.body.items.map((i: { organization: { id: string }; link: Row | null }) => [
        i.organization.id,
        i.link?.warning,
      ]),
    );
    expect(warnings[org]).toMatch(/"Second Smith"/);
    expect(warnings[other]).toMatch(/"Smith and Jones \(hub\)"/);
    // Bulk confirm links a third (no plans, so no billing record to share), its `message` the warning.
    const third = await newOrg('Third Smith');
    const bulk = await admin.post(`/api/v1/connections/${conn.cw}/org-links/confirm`, {
      links: [{ organizationId: third, companyId: '2' }],
    });
    expect(bulk.status, bulk.text).toBe(200);
    expect(bulk.body.results[0]).toMatchObject({
      status: 'linked',
      message:
        'Organizations "Second Smith", "Smith and Jones (hub)" are also linked to "Smith & Jones Ltd" on this connection: their tickets and billing go to the same company',
    });
    // Unlinked again: the warning goes with them.
    for (const o of [other, third])
      expect((await admin.delete(`/api/v1/organizations/${o}/link`)).status).toBe(200);
    expect((await admin.get(`/api/v1/organizations/${org}/link`)).body.link).toMatchObject({
      sharedWith: [],
      warning: null,
    });
  });

  it('relinks on the same connection and unlinks, keeping the history', async () => {
    const other = await liveCompany(40);
    const relinked = await admin.put(`/api/v1/organizations/${org}/link`, {
      connectionId: conn.cw,
      companyId: other,
      billing: [{ planId: planA, targetId: null }],
    });
    expect(relinked.status, relinked.text).toBe(200);
    expect(relinked.body.link).toMatchObject({ companyId: other, billing: [] });
    expect(relinked.body.history).toEqual([
      expect.objectContaining({ companyId: '2', unlinkReason: expect.stringMatching(/^relinked to/) }),
    ]);
    const unlinked = await admin.delete(`/api/v1/organizations/${org}/link`);
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.link).toBeNull();
    expect(unlinked.body.history.map((l: Row) => l.companyId)).toEqual([other, '2']);
    expect((await admin.delete(`/api/v1/organizations/${org}/link`)).status).toBe(404);
    // Now free to go to the other PSA once its plans are mapped there.
    const onHalo = await admin.put(`/api/v1/organizations/${org}/link`, {
      connectionId: conn.halo,
      companyId: '174',
    });
    expect(onHalo.status).toBe(409);
    expect(onHalo.body.error.message).toMatch(/Map these plans on halopsa of A/);
  });
});

describe('skip, catch-all and where tickets go', () => {
  it('skips and unskips an organization; a skipped one gets no tickets and no suggestions', async () => {
    const org = await newOrg('Skipper Ltd');
    const skipped = await admin.put(`/api/v1/organizations/${org}/skip`);
    expect(skipped.status).toBe(200);
    expect(skipped.body.skippedAt).not.toBeNull();
    const list = await admin.get(`/api/v1/connections/${conn.cw}/organizations?state=skipped`);
    expect(list.body.items.map((i: { organization: Row }) => i.organization.id)).toContain(org);
    const suggestions = await admin.get(`/api/v1/connections/${conn.cw}/company-suggestions?limit=500`);
    expect(suggestions.body.items.map((i: { organization: Row }) => i.organization.id)).not.toContain(org);
    expect(await ticketDestination(t.hub.db, org)).toEqual({
      ok: false,
      reason: 'The partner turned the integration off for this organization',
    });
    expect((await admin.delete(`/api/v1/organizations/${org}/skip`)).body.skippedAt).toBeNull();
  });

  it('sets a catch-all company checked in the PSA; unlinked organizations of the default connection go there', async () => {
    const org = await newOrg('Nobody Linked Me');
    expect(await ticketDestination(t.hub.db, org)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not linked/),
    });
    const bad = await admin.put(`/api/v1/connections/${conn.cw}/mapping-settings`, {
      catchAllCompanyId: '999999',
      autoLinkExact: false,
      createMissingBillingTargets: false,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].path).toBe('body/catchAllCompanyId');
    expect((await admin.get(`/api/v1/connections/${conn.cw}/mapping-settings`)).body.catchAll).toBeNull();
    const ok = await admin.put(`/api/v1/connections/${conn.cw}/mapping-settings`, {
      catchAllCompanyId: '2',
      autoLinkExact: false,
      createMissingBillingTargets: false,
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.catchAll).toEqual({ companyId: '2', companyName: 'Smith & Jones Ltd' });
    expect((await admin.post(`/api/v1/connections/${conn.cw}/default`)).status).toBe(200);
    expect(await ticketDestination(t.hub.db, org)).toMatchObject({
      ok: true,
      companyId: '2',
      via: 'catch_all',
    });
  });

  it('creates a missing billing line only when the connection allows it, and only once', async () => {
    // A plan whose product (7, MANAGED-WS) is on none of company 2's agreements yet.
    const planC = tree.ext('planC');
    await t.source.put(`/api/v1/source/plans/${planC}`, { name: `Plan C ${tree.tag}`, unit: 'seat' });
    await t.source.put(`/api/v1/source/partners/${tree.ext('resA')}/plans`, {
      planExternalIds: [tree.ext('planA'), planC],
    });
    const planCId = await planId(planC);
    expect(
      (await admin.put(`/api/v1/connections/${conn.cw}/plan-links/${planCId}`, { productId: '7' })).status,
    ).toBe(200);
    const org = await newOrg('Line Maker', [planC]);
    const { parents, targets } = await company2Targets();
    expect(targets.some((x) => x.productId === '7')).toBe(false);
    const body = {
      connectionId: conn.cw,
      companyId: '2',
      billing: [{ planId: planCId, createOn: parents[0]!.id }],
    };
    const refused = await admin.put(`/api/v1/organizations/${org}/link`, body);
    expect(refused.status).toBe(422);
    await admin.put(`/api/v1/connections/${conn.cw}/mapping-settings`, {
      catchAllCompanyId: null,
      autoLinkExact: false,
      createMissingBillingTargets: true,
    });
    const before = (await records(cw, 'additions')).length;
    const res = await admin.put(`/api/v1/organizations/${org}/link`, body);
    expect(res.status, res.text).toBe(200);
    expect(res.body.link.billing).toEqual([expect.objectContaining({ planId: planCId, createdByHub: true })]);
    const again = await admin.put(`/api/v1/organizations/${org}/link`, body);
    expect(again.status, again.text).toBe(200);
    expect(again.body.link.billing[0].targetId).toBe(res.body.link.billing[0].targetId);
    expect((await records(cw, 'additions')).length).toBe(before + 1);
    const now = (await company2Targets()).targets.find((x) => x.id === res.body.link.billing[0].targetId);
    expect(now).toMatchObject({ productId: '7' });
    await admin.put(`/api/v1/connections/${conn.cw}/mapping-settings`, {
      catchAllCompanyId: null,
      autoLinkExact: false,
      createMissingBillingTargets: false,
    });
  });
});

describe('suggestions confirmed in bulk, and exact matches linked automatically', () => {
  let exact: { org: string; company: Row }[] = [];

  beforeAll(async () => {
    // Organizations named exactly like active customer companies of the PSA.
    const companies = (await records(cw, 'companies'))
      .filter((c) => c.deletedFlag !== true && /^[A-Za-z][A-Za-z ]+$/.test(String(c.name)))
      .slice(0, 12);
    exact = [];
    for (const company of companies) exact.push({ org: await newOrg(String(company.name)), company });
  });

  it('confirms many at once, each linked or refused with its reason', async () => {
    const [first, second] = exact;
    const res = await admin.post(`/api/v1/connections/${conn.cw}/org-links/confirm`, {
      links: [
        { organizationId: first!.org, companyId: String(first!.company.id) },
        { organizationId: second!.org, companyId: '999999' },
        { organizationId: tree.orgs.orgB, companyId: '2' },
      ],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.counts).toEqual({ linked: 1, refused: 2 });
    expect(res.body.results[0]).toMatchObject({ status: 'linked', message: null });
    expect(res.body.results[1].message).toMatch(/no company 999999/);
    expect(res.body.results[2].message).toMatch(/not yours to see/);
    const view = await admin.get(`/api/v1/organizations/${first!.org}/link`);
    expect(view.body.link).toMatchObject({ method: 'suggestion', companyId: String(first!.company.id) });
  });

  it('lists unambiguous exact matches in a dry run and links them when turned on, never the ambiguous', async () => {
    const suggestions = await admin.get(`/api/v1/connections/${conn.cw}/company-suggestions?limit=500`);
    const safe = new Set(
      suggestions.body.items
        .filter((i: { suggestions: Row[] }) => i.suggestions[0]?.safeToLink)
        .map((i: { organization: Row }) => i.organization.id),
    );
    expect(safe.size).toBeGreaterThan(0);
    const dry = await admin.post(`/api/v1/connections/${conn.cw}/org-links/auto-link?dryRun=true`);
    expect(dry.status, dry.text).toBe(200);
    expect(new Set(dry.body.wouldLink.map((w: Row) => w.organizationId))).toEqual(safe);
    expect(await t.hub.db.query(`SELECT 1 FROM org_links WHERE method = 'auto_exact'`)).toEqual([]);

    const on = await admin.put(`/api/v1/connections/${conn.cw}/mapping-settings`, {
      catchAllCompanyId: null,
      autoLinkExact: true,
      createMissingBillingTargets: false,
    });
    expect(on.status).toBe(200);
    let linked: { organization_id: string }[] = [];
    for (let i = 0; i < 100 && linked.length < safe.size; i++) {
      await new Promise((r) => setTimeout(r, 100));
      linked = await t.hub.db.query(
        `SELECT organization_id FROM org_links WHERE method = 'auto_exact' AND unlinked_at IS NULL`,
      );
    }
    expect(new Set(linked.map((l) => l.organization_id))).toEqual(safe);
    const audit = await t.hub.db.query(`SELECT 1 FROM audit_log WHERE action = 'org_link.auto_linked'`);
    expect(audit.length).toBe(safe.size);
  });

  it('links a new organization from the Source API by itself while the setting is on', async () => {
    const company = exact.at(-1)!.company;
    const twin = (await records(cw, 'companies')).find(
      (c) =>
        c.deletedFlag !== true &&
        c.id !== company.id &&
        /^[A-Za-z][A-Za-z ]+$/.test(String(c.name)) &&
        !exact.some((e) => e.company.id === c.id),
    )!;
    const org = await newOrg(String(twin.name));
    const dry = await admin.post(`/api/v1/connections/${conn.cw}/org-links/auto-link?dryRun=true`);
    const expected = dry.body.wouldLink.some((w: Row) => w.organizationId === org);
    let state = 'unlinked';
    for (let i = 0; i < 100 && expected && state !== 'linked'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = (await admin.get(`/api/v1/organizations/${org}/link`)).body.link ? 'linked' : 'unlinked';
    }
    expect(state).toBe(expected ? 'linked' : 'unlinked');
  });
});

describe('link health', () => {
  it('finds renamed and missing companies and gone billing records, and sends broken links to the catch-all', async () => {
    const { targets } = await company2Targets();
    const carrying = targets.find((x) => x.productId === targets[0]!.productId)!;
    const companies = await records(cw, 'companies');
    const agreements = await records(cw, 'agreements');
    const busy = new Set([
      ...agreements.map((a) => (a.company as Row).id),
      ...(await records(cw, 'tickets')).map((x) => (x.company as Row).id),
    ]);
    const [renameMe, deleteMe] = companies
      .filter((c) => c.deletedFlag !== true && !busy.has(c.id) && /^[A-Za-z][A-Za-z ]+$/.test(String(c.name)))
      .slice(20);
    const orgs = {
      renamed: await newOrg('Rename Co'),
      missing: await newOrg('Delete Co'),
      invalid: await newOrg('Bill Co', [tree.ext('planA')]),
    };
    await t.hub.db.query(
      `UPDATE org_links SET unlinked_at = now() WHERE unlinked_at IS NULL AND company_id = '2'`,
    );
    for (const [org, companyId, billing] of [
      [orgs.renamed, String(renameMe!.id), undefined],
      [orgs.missing, String(deleteMe!.id), undefined],
      [orgs.invalid, '2', [{ planId: planA, targetId: carrying.id }]],
    ] as const) {
      const res = await admin.put(`/api/v1/organizations/${org}/link`, {
        connectionId: conn.cw,
        companyId,
        ...(billing ? { billing } : {}),
      });
      expect(res.status, res.text).toBe(200);
    }
    await cwApi('PATCH', `company/companies/${renameMe!.id}`, [
      { op: 'replace', path: 'name', value: 'Renamed In PSA' },
    ]);
    await cwApi('DELETE', `company/companies/${deleteMe!.id}`);
    const [agreementId, additionId] = String(carrying.id).split(':');
    const additionPath = `finance/agreements/${agreementId}/additions/${additionId}`;
    const effective = Date.parse(String((await cwApi('GET', additionPath)).effectiveDate));
    await cwApi('PATCH', additionPath, [
      {
        op: 'replace',
        path: 'cancelledDate',
        value: new Date(effective + 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z'),
      },
    ]);

    const queued = await admin.post(`/api/v1/connections/${conn.cw}/org-links/check`);
    expect(queued.status).toBe(202);
    const health = async (org: string) => (await admin.get(`/api/v1/organizations/${org}/link`)).body.link;
    let seen: Row = {};
    for (let i = 0; i < 150 && seen.health !== 'missing'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      seen = await health(orgs.missing);
    }
    expect(seen).toMatchObject({
      health: 'missing',
      healthDetail: expect.stringMatching(/deleted|no longer exists/),
    });
    expect(await health(orgs.renamed)).toMatchObject({
      health: 'renamed',
      healthDetail: expect.stringContaining('"Renamed In PSA"'),
    });
    expect(await health(orgs.invalid)).toMatchObject({
      health: 'invalid',
      healthDetail: expect.stringContaining(String(carrying.label)),
    });
    const broken = await admin.get(`/api/v1/connections/${conn.cw}/organizations?state=broken`);
    expect(broken.body.items.map((i: { organization: Row }) => i.organization.id)).toEqual(
      expect.arrayContaining(Object.values(orgs)),
    );

    // Tickets: a renamed company still gets them; a missing one waits (no catch-all) or goes to it.
    expect(await ticketDestination(t.hub.db, orgs.renamed)).toMatchObject({ ok: true, via: 'link' });
    await admin.put(`/api/v1/connections/${conn.cw}/mapping-settings`, {
      catchAllCompanyId: null,
      autoLinkExact: false,
      createMissingBillingTargets: false,
    });
    expect(await ticketDestination(t.hub.db, orgs.missing)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no catch-all company/),
    });
    await admin.put(`/api/v1/connections/${conn.cw}/mapping-settings`, {
      catchAllCompanyId: '2',
      autoLinkExact: false,
      createMissingBillingTargets: false,
    });
    expect(await ticketDestination(t.hub.db, orgs.missing)).toMatchObject({
      ok: true,
      companyId: '2',
      via: 'catch_all',
    });
  });
});

describe('links released', () => {
  it('when the organization moves to another partner, and when the connection is revoked', async () => {
    const org = await newOrg('Mover Ltd');
    const ext = (
      await t.hub.db.query<{ external_id: string }>('SELECT external_id FROM organizations WHERE id = $1', [
        org,
      ])
    )[0]!.external_id;
    expect(
      (
        await admin.put(`/api/v1/organizations/${org}/link`, {
          connectionId: conn.cw,
          companyId: await liveCompany(41),
        })
      ).status,
    ).toBe(200);
    const moved = await t.source.put(`/api/v1/source/organizations/${ext}`, {
      name: 'Mover Ltd',
      partnerExternalId: tree.ext('resB'),
    });
    expect(moved.status).toBe(200);
    const [closed] = await t.hub.db.query<{ unlink_reason: string }>(
      'SELECT unlink_reason FROM org_links WHERE organization_id = $1',
      [org],
    );
    expect(closed!.unlink_reason).toMatch(/moved to partner "Reseller B/);

    const open = await t.hub.db.query(
      `SELECT 1 FROM org_links WHERE connection_id = $1 AND unlinked_at IS NULL`,
      [conn.cw],
    );
    expect(open.length).toBeGreaterThan(0);
    expect((await admin.post(`/api/v1/connections/${conn.cw}/revoke`)).status).toBe(200);
    const left = await t.hub.db.query(
      `SELECT unlink_reason FROM org_links WHERE connection_id = $1 AND unlinked_at IS NULL`,
      [conn.cw],
    );
    expect(left).toEqual([]);
    const reasons = await t.hub.db.query<{ unlink_reason: string }>(
      `SELECT DISTINCT unlink_reason FROM org_links WHERE connection_id = $1`,
      [conn.cw],
    );
    expect(reasons.map((r) => r.unlink_reason)).toContain('connection revoked');
  });
});
