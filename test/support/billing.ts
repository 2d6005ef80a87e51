// Helpers for billing tests: organizations linked to PSA companies that carry billing records,
// usage pushed through the Source API, and runs waited for through the Partner API.
import { expect } from 'vitest';
import type { Client } from './client.ts';
import { until } from './alerts.ts';

/** `count` companies with billing records in a simulator (its `/_sim/billing-companies`). */
export async function billingCompanies(simUrl: string, count: number): Promise<{ companyId: string }[]> {
  const res = await fetch(`${simUrl}/_sim/billing-companies`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ count }),
  });
  if (!res.ok) throw new Error(`billing-companies: ${res.status} ${await res.text()}`);
  // Halo calls its companies clients.
  const body = (await res.json()) as { companies: { companyId?: number; clientId?: number }[] };
  return body.companies.map((c) => ({ companyId: String(c.companyId ?? c.clientId) }));
}

/** The company's billing targets, as the hub lists them. */
export async function targetsOf(admin: Client, connectionId: string, companyId: string) {
  const res = await admin.get(`/api/v1/connections/${connectionId}/billing-targets?companyId=${companyId}`);
  expect(res.status, res.text).toBe(200);
  return res.body.targets as { id: string; productId: string | null; label: string; quantity: number }[];
}

/** A simulator's stored rows of one table (its `/_sim/records/{table}`). */
export async function simRecords(simUrl: string, table: string): Promise<Record<string, unknown>[]> {
  return (await (await fetch(`${simUrl}/_sim/records/${table}`)).json()) as Record<string, unknown>[];
}

/** Send one usage snapshot and expect it answered as `status`. */
export async function sendUsage(
  source: Client,
  organizationId: string,
  planId: string,
  quantity: number,
  status = 'accepted',
  asOf = new Date().toISOString(),
) {
  const res = await source.post('/api/v1/source/usage', {
    usage: [{ organizationId, planId, quantity, asOf }],
  });
  expect(res.status, res.text).toBe(202);
  expect(res.body.results[0].status, res.text).toBe(status);
  return res.body;
}

export interface RunView {
  id: string;
  state: string;
  linksTotal: number;
  linksDone: number;
  changeSets: number;
  writes: number;
  error: string | null;
}

/** Wait for a billing run to end; fails the test when it failed. */
export async function runDone(c: Client, runId: string): Promise<RunView> {
  const run = await until(
    `billing run ${runId}`,
    async () => (await c.get(`/api/v1/billing/runs/${runId}`)).body as RunView,
    (r) => r.state === 'done' || r.state === 'failed',
  );
  expect(run.error).toBeNull();
  return run;
}

/** "Sync now" for one organization, waited for. */
export async function syncNow(
  admin: Client,
  connectionId: string,
  organizationId?: string,
): Promise<RunView> {
  const res = await admin.post(
    `/api/v1/connections/${connectionId}/billing/sync`,
    organizationId ? { organizationId } : {},
  );
  expect(res.status, res.text).toBe(202);
  return runDone(admin, res.body.id);
}

/** The organization's change sets, newest first. */
export async function changeSetsOf(c: Client, organizationId: string) {
  const res = await c.get(`/api/v1/billing/change-sets?organizationId=${organizationId}`);
  expect(res.status, res.text).toBe(200);
  return res.body.items as {
    id: string;
    state: string;
    held: string[];
    lines: { current: number | null; desired: number; reason: string; drift: unknown; write: unknown }[];
  }[];
}

/** Approve change sets and wait for the runs that write them. */
export async function approve(admin: Client, ids: string[]) {
  const res = await admin.post('/api/v1/billing/change-sets/approve', { ids });
  expect(res.status, res.text).toBe(200);
  for (const run of res.body.runs as { id: string }[]) await runDone(admin, run.id);
  return res.body;
}
