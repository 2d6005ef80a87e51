// The dashboard in Chromium against a real hub and the simulators: a partner with a HaloPSA
// connection whose alerts became tickets today, and a ConnectWise connection whose keys expired, lands
// on the dashboard after signing in and sees the open alerts, today's tickets (in the chart's text
// alternative) and the failing connection with its error and a link to it. A viewer sees the same; a
// partner without a PSA is told to connect one. Every state passes axe, with no CSP violation.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { ticketSettingsFromPickLists, until } from '../support/alerts.ts';
import type { Client } from '../support/client.ts';
import { NEW_PASSWORD } from '../support/hub.ts';
import {
  field,
  seriousA11yViolations,
  signInFirstTime,
  startPortalRig,
  type PortalRig,
} from '../support/portal.ts';

vi.setConfig({ testTimeout: 120_000 });

const tag = Math.random().toString(36).slice(2, 7);
let rig: PortalRig;
let admin: Client;
let cwId: string;

/** Screenshots for a person to look at, when PSAHUB_SHOTS names a folder. */
async function shot(page: Page, name: string) {
  const dir = process.env.PSAHUB_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

async function connect(kind: 'halopsa' | 'connectwise', name: string) {
  const sim = rig.simulators[kind];
  const res = await admin.post('/api/v1/connections', {
    partnerId: rig.partnerId,
    kind,
    name,
    siteUrl: sim.url,
    credentials: sim.credentials,
  });
  if (res.status !== 201) throw new Error(res.text);
  return res.body.connection.id as string;
}

/** An organization linked to the Halo connection, with a failing alert whose ticket was created. */
async function failingOrg(conn: string, n: number) {
  const ext = `dash-${tag}-${n}`;
  const org = await rig.hub.source.put(`/api/v1/source/organizations/${ext}`, {
    name: `Dashboard Org ${n} ${tag}`,
    partnerExternalId: rig.partnerExternalId,
  });
  if (org.status !== 201) throw new Error(org.text);
  const linked = await admin.put(`/api/v1/organizations/${org.body.id}/link`, {
    connectionId: conn,
    companyId: '174',
  });
  if (linked.status !== 200) throw new Error(linked.text);
  const sent = await rig.hub.source.post('/api/v1/source/events', {
    events: [
      {
        id: `dash-${tag}-${n}`,
        organizationId: ext,
        condition: 'backup.job',
        resource: `server-${n}`,
        status: 'failing',
        severity: 'high',
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
      },
    ],
  });
  if (sent.status !== 202) throw new Error(sent.text);
  await until(
    'the ticket',
    () =>
      rig.hub.hub.db.query<{ outcome: string }>('SELECT outcome FROM deliveries WHERE organization_id = $1', [
        org.body.id,
      ]),
    (d) => d.some((x) => x.outcome === 'ok'),
  );
}

beforeAll(async () => {
  rig = await startPortalRig();
  admin = await rig.hub.userClient(rig.partnerId, 'admin');
  const halo = await connect('halopsa', 'Our Halo');
  await ticketSettingsFromPickLists(admin, 'halopsa', halo);
  await failingOrg(halo, 1);
  await failingOrg(halo, 2);
  // A second PSA whose keys expired: checking it records the failure.
  cwId = await connect('connectwise', 'Our ConnectWise');
  await fetch(`${rig.simulators.connectwise.url}/_sim/expire-credentials`, { method: 'POST', body: '{}' });
  const checked = await admin.post(`/api/v1/connections/${cwId}/check`);
  if (checked.status !== 422) throw new Error(`the check should fail: ${checked.text}`);
}, 120_000);
afterAll(() => rig?.stop());

const section = (page: Page, name: string) => page.getByRole('region', { name });
/** Today (UTC) as the page names days in its tables, in the browser's own locale. */
const today = (page: Page) =>
  page.evaluate(() =>
    new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date()),
  );

test('an owner lands on the dashboard: open alerts, today’s tickets, the failing connection', async () => {
  const owner = await rig.invite('owner');
  const { page, problems, close } = await rig.open('/');
  try {
    await signInFirstTime(page, owner);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    expect(page.url()).toBe(`${rig.hub.url}/dashboard`);
    const alerts = section(page, 'Alerts');
    await alerts.getByText('Open', { exact: true }).waitFor();
    expect(await alerts.getByText('2', { exact: true }).count()).toBe(1);
    await alerts.getByRole('link', { name: 'See open alerts' }).waitFor();

    const tickets = section(page, 'Tickets per day');
    await tickets.getByText('Today: 2 opened, 0 resolved.').waitFor();
    // The chart's text alternative: today's row of the table says 2 opened.
    const row = tickets.getByRole('row', { name: await today(page) });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['2', '0']);
    // The picture itself is drawn (it loads after the figures): a bar for today.
    await expect.poll(() => tickets.locator('.recharts-bar-rectangle path').count()).toBeGreaterThan(0);
    await expect
      .poll(() => section(page, 'PSA writes that succeeded').locator('.recharts-line-dots circle').count())
      .toBeGreaterThan(0);

    const trouble = section(page, 'Connections in trouble');
    await trouble.getByRole('link', { name: 'Our ConnectWise' }).waitFor();
    await trouble.getByText(/^Last error: \S/).waitFor();
    await section(page, 'API budget')
      .getByText(/^This hour: \d+ of 1,800 requests/)
      .waitFor();
    await section(page, 'PSA writes that succeeded')
      .getByText(/succeeded \(100%\)/)
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'dashboard-desktop');

    await page.getByText('Last 30 days').click();
    await tickets.getByText(/^In the last 30 days the hub opened 2 tickets/).waitFor();
    expect(page.url()).toContain('days=30');

    await trouble.getByRole('link', { name: 'Our ConnectWise' }).click();
    await page.waitForURL(`**/connections/${cwId}`);
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('on a phone the dashboard stacks, and the navigation leads to it', async () => {
  const viewer = await rig.invite('viewer');
  const { page, problems, close } = await rig.open('/alerts', { width: 390, height: 844 });
  try {
    await signInFirstTime(page, viewer);
    await page.getByRole('button', { name: 'Show navigation' }).click();
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await section(page, 'Tickets per day').getByText('Today: 2 opened, 0 resolved.').waitFor();
    // A viewer reads everything; nothing here writes.
    await section(page, 'Connections in trouble').getByRole('link', { name: 'Our ConnectWise' }).waitFor();
    expect(await page.getByRole('button', { name: /Connect|Retry/ }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'dashboard-phone');
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('a partner without a PSA is told to connect one; its viewer to ask for it', async () => {
  const ext = `new-partner-${tag}`;
  const created = await rig.hub.source.put(`/api/v1/source/partners/${ext}`, {
    name: `New Partner ${tag}`,
    kind: 'direct_reseller',
  });
  expect(created.status, created.text).toBe(201);
  const invite = async (role: 'owner' | 'viewer') => {
    const email = `${role}-new-${tag}@example.com`;
    const answer = await rig.hub.operator.post('/api/v1/users', {
      email,
      name: `New ${role}`,
      partnerId: created.body.id,
      role,
    });
    expect(answer.status, answer.text).toBe(201);
    return { email, oneTimePassword: answer.body.oneTimePassword as string };
  };

  const owner = await rig.open('/');
  try {
    await signInFirstTime(owner.page, await invite('owner'));
    await owner.page.getByRole('heading', { name: 'Connect a PSA to get started' }).waitFor();
    // Another partner's figures never show: no alerts, no connections.
    expect(await owner.page.getByText('Our ConnectWise').count()).toBe(0);
    expect(await owner.page.getByRole('region', { name: 'Alerts' }).count()).toBe(0);
    expect(await seriousA11yViolations(owner.page)).toEqual([]);
    await shot(owner.page, 'dashboard-empty');
    await owner.page.getByRole('link', { name: 'Connect a PSA' }).click();
    await owner.page.getByRole('heading', { name: 'Integrations' }).waitFor();
    expect(owner.problems).toEqual([]);
  } finally {
    await owner.close();
  }

  const viewer = await rig.open('/');
  try {
    await signInFirstTime(viewer.page, await invite('viewer'));
    await viewer.page.getByText('Ask an admin or owner of your partner to connect one.').waitFor();
    expect(await viewer.page.getByRole('link', { name: 'Connect a PSA' }).count()).toBe(0);

    // Aimed at the other partner by address: the hub's refusal, and a way to try again.
    await viewer.page.goto(`${rig.hub.url}/dashboard?partner=${rig.partnerId}`);
    const refusal = viewer.page.getByRole('alert').filter({ hasText: 'Could not load the dashboard' });
    await refusal.getByText(/not yours to see/).waitFor();
    await refusal.getByRole('button', { name: 'Try again' }).waitFor();
    await viewer.page.getByRole('link', { name: 'Show the dashboard of every partner you see' }).waitFor();
    expect(await viewer.page.getByText('Our ConnectWise').count()).toBe(0);
    expect(await seriousA11yViolations(viewer.page)).toEqual([]);
    await shot(viewer.page, 'dashboard-error');
    expect(viewer.problems).toEqual([]);
  } finally {
    await viewer.close();
  }
});

test('an operator sees every partner, and narrows to one', async () => {
  const { page, problems, close } = await rig.open('/');
  try {
    await field(page, 'E-mail').fill('operator@localhost');
    await field(page, 'Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const trouble = section(page, 'Connections in trouble');
    // Connections are named with their partner when several partners are counted.
    await trouble.getByText(new RegExp(`ConnectWise PSA · ${rig.partnerName}`)).waitFor();
    await page
      .getByRole('textbox', { name: 'Partner' })
      .or(page.getByRole('combobox', { name: 'Partner' }))
      .first()
      .click();
    // The field shows "All partners": replace it with the search.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(rig.partnerName.slice(0, 10));
    await page.getByRole('option', { name: rig.partnerName }).click();
    await section(page, 'Tickets per day').getByText('Today: 2 opened, 0 resolved.').waitFor();
    expect(page.url()).toContain(`partner=${rig.partnerId}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'dashboard-operator');
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});
