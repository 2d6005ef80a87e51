// The alerts and event-log pages in Chromium against a real hub: an organization linked to a Halo
// simulator fails a backup, the hub opens a ticket, and the portal shows the alert and the write,
// filters them as the API does, opens their details, reprocesses a selection and exports the log.
// A viewer gets neither selection nor retry. Every state shown passes axe.
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import type { Client } from '../support/client.ts';
import { ticketSettingsFromPickLists, until } from '../support/alerts.ts';
import { seriousA11yViolations, signInFirstTime, startPortalRig, type PortalRig } from '../support/portal.ts';

vi.setConfig({ testTimeout: 120_000 });

let rig: PortalRig;
let owner: Client & { userId: string };
let ownerEmail: string;
const orgName = `Contoso Backup ${Math.random().toString(36).slice(2, 7)}`;

beforeAll(async () => {
  rig = await startPortalRig();
  owner = await rig.hub.userClient(rig.partnerId, 'owner');
  ownerEmail = (await owner.get('/api/v1/me')).body.user.email;
  const halo = rig.simulators.halopsa;
  const created = await owner.post('/api/v1/connections', {
    partnerId: rig.partnerId,
    kind: 'halopsa',
    name: 'Our Halo',
    siteUrl: halo.url,
    credentials: halo.credentials,
  });
  if (created.status !== 201) throw new Error(created.text);
  const connectionId = created.body.connection.id as string;
  await ticketSettingsFromPickLists(owner, 'halopsa', connectionId);
  const org = await rig.hub.source.put('/api/v1/source/organizations/contoso-portal', {
    name: orgName,
    partnerExternalId: rig.partnerExternalId,
  });
  if (org.status !== 201) throw new Error(org.text);
  const linked = await owner.put(`/api/v1/organizations/${org.body.id}/link`, {
    connectionId,
    companyId: '174',
  });
  if (linked.status !== 200) throw new Error(linked.text);
  const sent = await rig.hub.source.post('/api/v1/source/events', {
    events: [
      {
        id: 'portal-evt-1',
        organizationId: 'contoso-portal',
        condition: 'backup.email',
        resource: 'ann@contoso.example',
        status: 'failing',
        severity: 'high',
        errorCode: 'graph.503',
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
      },
    ],
  });
  if (sent.status !== 202) throw new Error(sent.text);
  await until(
    'the ticket write',
    async () => (await owner.get('/api/v1/deliveries')).body.items,
    (items: unknown[]) => items.length > 0,
  );
});
afterAll(() => rig?.stop());

const signInOwner = () => rig.signedIn(ownerEmail, '/integrations');

test('alerts: the failing alert with its ticket, filters, details, and a reprocessed selection', async () => {
  const { page, problems, close } = await signInOwner();
  try {
    await page.getByRole('link', { name: 'Alerts', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: orgName });
    await row.waitFor();
    await row.getByText('failing').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Resolved' }).click();
    await page.getByText('No alert matches these filters').waitFor();
    expect(page.url()).toContain('status=resolved');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await row.waitFor();

    await row.getByRole('button', { name: /^Details of/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('ann@contoso.example').first().waitFor();
    await drawer.getByText('Episode 1: ticket').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await drawer.getByRole('button', { name: 'Close' }).click();

    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Reprocess 1 selected' }).click();
    await page.getByText('1 alert(s) selected').waitFor();
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('event log: the ticket write, filters, details and the CSV export of the view', async () => {
  const { page, problems, close } = await signInOwner();
  try {
    await page.getByRole('link', { name: 'Event log' }).click();
    const row = page.getByRole('row').filter({ hasText: orgName });
    await row.waitFor();
    await row.getByText('Written').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await row.getByRole('button', { name: /^Details of/ }).click();
    await page.getByRole('dialog').getByText('What was sent').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

    const csvHref = await page.getByRole('link', { name: 'Export CSV of this view' }).getAttribute('href');
    const csv = await page.evaluate(
      (href) => fetch(href!).then(async (r) => [r.status, await r.text()]),
      csvHref,
    );
    expect(csv[0]).toBe(200);
    expect(csv[1]).toContain(orgName);

    await page.getByRole('combobox', { name: 'Outcome' }).click();
    await page.getByRole('option', { name: 'Stopped after failing' }).click();
    await page.getByText('Nothing matches these filters').waitFor();
    expect(await page.getByRole('link', { name: 'Export CSV of this view' }).getAttribute('href')).toContain(
      'outcome=dead',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('a viewer sees alerts and writes, and can neither select, reprocess nor retry', async () => {
  const viewer = await rig.invite('viewer');
  const { page, close } = await rig.open('/');
  try {
    await signInFirstTime(page, viewer);
    await page.getByRole('link', { name: 'Alerts', exact: true }).click();
    await page.getByRole('row').filter({ hasText: orgName }).waitFor();
    expect(await page.getByRole('checkbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Reprocess|Retry/ }).count()).toBe(0);
    await page.getByRole('link', { name: 'Event log' }).click();
    await page.getByRole('row').filter({ hasText: orgName }).waitFor();
    expect(await page.getByRole('button', { name: /Retry/ }).count()).toBe(0);
  } finally {
    await close();
  }
});
