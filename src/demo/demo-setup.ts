// The demo's setup, done the way a vendor and a partner would do it: every step is a call to the
// hub's own HTTP API. The operator creates a source key; the vendor platform pushes a partner, its
// plans and customers; the operator invites the partner's owner; the owner connects the three PSAs,
// sets ticket settings from each PSA's pick lists, maps plans to products and links the customers
// to the companies auto-match finds.
import { randomBytes } from 'node:crypto';
import type { RunningSimulator, SimKind } from '../simulators/index.ts';
import {
  demoOrganizations,
  demoOwner,
  demoPartner,
  demoPlans,
  planOf,
  type DemoOrganization,
} from './demo-data.ts';
import { HubClient } from './hub-client.ts';
import { ticketSettingsFor } from './demo-ticket-settings.ts';

export interface DemoSetup {
  sourceApiKey: string;
  login: { user: string; password: string };
  partnerId: string;
  connections: { kind: SimKind; id: string }[];
  organizations: (DemoOrganization & { id: string; companyId: string })[];
}

interface Suggestion {
  companyId: string;
  companyName: string;
  safeToLink: boolean;
}

/** A password that passes the hub's rules and is typed easily enough from a terminal. */
const newPassword = () => `demo-${randomBytes(12).toString('base64url')}`;

export async function setUpDemo(
  hubUrl: string,
  bootstrap: { email: string; password: string },
  simulators: RunningSimulator[],
): Promise<DemoSetup> {
  const operator = new HubClient(hubUrl);
  await operator.signInFirstTime(bootstrap.email, bootstrap.password, newPassword());
  const { token: sourceApiKey } = await operator.post<{ token: string }>('/api/v1/source-keys', {
    name: 'demo backup platform',
  });

  const source = new HubClient(hubUrl, { bearer: sourceApiKey });
  const { partnerId, organizationIds } = await pushVendorData(source);

  const invited = await operator.post<{ oneTimePassword: string }>('/api/v1/users', {
    ...demoOwner,
    partnerId,
    role: 'owner',
  });
  const password = newPassword();
  const owner = new HubClient(hubUrl);
  await owner.signInFirstTime(demoOwner.email, invited.oneTimePassword, password);

  // Connections one after another, the first (ConnectWise) made the partner's default, where an
  // unlinked organization's tickets go; then each PSA's settings and mapping side by side: they are
  // independent, and each PSA paces its own calls.
  const connections: DemoSetup['connections'] = [];
  for (const sim of simulators)
    connections.push({ kind: sim.kind, id: await connect(owner, partnerId, sim) });
  await owner.post(`/api/v1/connections/${connections[0]!.id}/default`, {}, 200);
  const linked = await Promise.all(
    connections.map(async ({ kind, id }) => {
      await owner.put(`/api/v1/connections/${id}/ticket-settings`, {
        fields: await ticketSettingsFor(owner, kind, id),
      });
      await mapPlans(owner, id);
      const orgs = demoOrganizations
        .filter((o) => o.psa === kind)
        .map((o) => ({ ...o, id: organizationIds.get(o.externalId)! }));
      return linkOrganizations(owner, id, orgs);
    }),
  );
  const organizations = linked.flat();
  return { sourceApiKey, login: { user: demoOwner.email, password }, partnerId, connections, organizations };
}

/** The vendor platform's side: the reseller, the plans it sells, and its customers. */
async function pushVendorData(
  source: HubClient,
): Promise<{ partnerId: string; organizationIds: Map<string, string> }> {
  const partner = await source.put<{ id: string }>(
    `/api/v1/source/partners/${demoPartner.externalId}`,
    { name: demoPartner.name, kind: demoPartner.kind },
    201,
  );
  await source.post(
    '/api/v1/source/plans/batch',
    { items: demoPlans.map((p) => ({ externalId: p.externalId, name: p.name, unit: p.unit })) },
    200,
  );
  await source.put(
    `/api/v1/source/partners/${demoPartner.externalId}/plans`,
    { planExternalIds: demoPlans.map((p) => p.externalId) },
    201,
  );
  const orgs = await source.post<{
    counts: { rejected: number };
    results: { key: string | null; id?: string }[];
  }>(
    '/api/v1/source/organizations/batch',
    {
      items: demoOrganizations.map((o) => ({
        externalId: o.externalId,
        name: o.name,
        partnerExternalId: demoPartner.externalId,
        planExternalIds: [planOf(o.workspace).externalId],
      })),
    },
    200,
  );
  if (orgs.counts.rejected > 0)
    throw new Error(`the hub refused demo organizations: ${JSON.stringify(orgs)}`);
  return {
    partnerId: partner.id,
    organizationIds: new Map(orgs.results.map((r) => [r.key ?? '', r.id ?? ''])),
  };
}

/** Connect one simulator with the credentials it reports, as a partner types them in. */
async function connect(owner: HubClient, partnerId: string, sim: RunningSimulator): Promise<string> {
  const created = await owner.post<{ connection: { id: string } }>('/api/v1/connections', {
    partnerId,
    kind: sim.kind,
    name: `${demoPartner.name} ${labels[sim.kind]}`,
    siteUrl: sim.url,
    credentials: sim.credentials,
  });
  return created.connection.id;
}

const labels: Record<SimKind, string> = {
  connectwise: 'ConnectWise PSA',
  autotask: 'Autotask',
  halopsa: 'HaloPSA',
};

/**
 * Each plan to the PSA product whose name looks most like it (a backup product when there is one). For
 * Autotask the catalog holds Services only, so a relink may add the plan to a Recurring Service contract.
 */
async function mapPlans(owner: HubClient, connectionId: string): Promise<void> {
  const { items } = await owner.get<{ items: { id: string; name: string; inactive: boolean }[] }>(
    `/api/v1/connections/${connectionId}/products`,
  );
  const active = items.filter((p) => !p.inactive);
  if (active.length === 0)
    throw new Error(`connection ${connectionId} has no active product to map plans to`);
  const plans = await owner.get<{ items: { plan: { id: string; externalId: string } }[] }>(
    `/api/v1/connections/${connectionId}/plan-links`,
  );
  for (const { plan } of plans.items) {
    const demo = demoPlans.find((p) => p.externalId === plan.externalId);
    const words = (demo?.name ?? '').toLowerCase().split(' ');
    const score = (name: string) => words.filter((w) => name.toLowerCase().includes(w)).length;
    const best = active.reduce((a, b) => (score(b.name) > score(a.name) ? b : a));
    await owner.put(`/api/v1/connections/${connectionId}/plan-links/${plan.id}`, { productId: best.id });
  }
}

/** Link each organization to the company auto-match finds for it, when it is a safe, exact match. */
async function linkOrganizations(
  owner: HubClient,
  connectionId: string,
  orgs: (DemoOrganization & { id: string })[],
): Promise<DemoSetup['organizations']> {
  const chosen: DemoSetup['organizations'] = [];
  for (const org of orgs) {
    const { items } = await owner.get<{ items: { suggestions: Suggestion[] }[] }>(
      `/api/v1/connections/${connectionId}/company-suggestions?organizationId=${org.id}`,
    );
    const best = items[0]?.suggestions.find((s) => s.safeToLink);
    if (!best) {
      throw new Error(
        `auto-match found no safe company for "${org.name}" on ${org.psa}: has the seed changed?`,
      );
    }
    chosen.push({ ...org, companyId: best.companyId });
  }
  const confirmed = await owner.post<{
    results: { organizationId: string; status: string; message: string | null }[];
  }>(
    `/api/v1/connections/${connectionId}/org-links/confirm`,
    { links: chosen.map((o) => ({ organizationId: o.id, companyId: o.companyId })) },
    200,
  );
  const refused = confirmed.results.filter((r) => r.status !== 'linked');
  if (refused.length > 0) throw new Error(`the hub refused demo links: ${JSON.stringify(refused)}`);
  return chosen;
}
