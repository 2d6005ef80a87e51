// The plan mapping and organization mapping pages in Chromium, against a real hub and the ConnectWise
// simulator: plans mapped through the product picker (inactive products only when asked) and one
// unmapped; organizations pushed through the Source API matched to simulator companies: a suggestion
// confirmed, exact matches linked as a job with its progress, one linked by hand to a company found
// by search with its billing record chosen, one skipped and unskipped, a company renamed in the PSA
// found by the link health check. A viewer sees it all and no
// control; a user of another partner sees none of it. Every state passes axe. Last, 10,000
// organizations: the time from the hub's answer to the first page on screen is logged (`npm run bench
// -- web` sets it against its target).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { billingCompanies, simRecords, targetsOf } from '../support/billing.ts';
import type { Client } from '../support/client.ts';
import { cwApi } from '../support/connectwise-api.ts';
import { pushBulkOrganizations, timeOrgMappingPage } from '../support/org-scale.ts';
import {
  field,
  seriousA11yViolations,
  signInFirstTime,
  startPortalRig,
  type PortalRig,
} from '../support/portal.ts';

vi.setConfig({ testTimeout: 180_000 });

const tag = Math.random().toString(36).slice(2, 7);
const planA = `Backup seats ${tag}`;
const planB = `Cloud desktops ${tag}`;
const connectionName = 'Our ConnectWise';
const m365 = 'SaaS Backup for Microsoft 365 (per user)';
const handName = `Hand Linked ${tag}`;
const skipName = `Skip Me ${tag}`;

let rig: PortalRig;
let owner: Client;
let ownerEmail: string;
let connectionId: string;
let companies: { id: string; name: string }[];
const orgIds: Record<string, string> = {};

async function shot(page: Page, name: string) {
  const dir = process.env.PSAHUB_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

const signInAs = (email: string, viewport?: { width: number; height: number }) =>
  rig.signedIn(email, '/', viewport);

beforeAll(async () => {
  rig = await startPortalRig();
  owner = await rig.hub.userClient(rig.partnerId, 'owner');
  ownerEmail = (await owner.get('/api/v1/me')).body.user.email;
  const cw = rig.simulators.connectwise;
  const created = await owner.post('/api/v1/connections', {
    partnerId: rig.partnerId,
    kind: 'connectwise',
    name: connectionName,
    siteUrl: cw.url,
    credentials: cw.credentials,
  });
  if (created.status !== 201) throw new Error(created.text);
  connectionId = created.body.connection.id;
  const plans = await rig.hub.source.post('/api/v1/source/plans/batch', {
    items: [
      { externalId: `a-${tag}`, name: planA, unit: 'seat' },
      { externalId: `b-${tag}`, name: planB, unit: 'user' },
    ],
  });
  if (plans.status >= 300) throw new Error(plans.text);
  const assigned = await rig.hub.source.post('/api/v1/source/partners/plans/batch', {
    items: [{ partnerExternalId: rig.partnerExternalId, planExternalIds: [`a-${tag}`, `b-${tag}`] }],
  });
  if (assigned.status >= 300) throw new Error(assigned.text);
  // Three simulator companies with an agreement billing the first catalog products (M365 backup).
  const ids = (await billingCompanies(cw.url, 3)).map((c) => c.companyId);
  const rows = await simRecords(cw.url, 'companies');
  companies = ids.map((id) => ({ id, name: String(rows.find((r) => String(r.id) === id)!.name) }));
  const orgs = [
    { externalId: `exact1-${tag}`, name: companies[0]!.name },
    { externalId: `exact2-${tag}`, name: companies[1]!.name },
    { externalId: `hand-${tag}`, name: handName },
    { externalId: `skip-${tag}`, name: skipName },
  ];
  const pushed = await rig.hub.source.post('/api/v1/source/organizations/batch', {
    items: orgs.map((o) => ({
      ...o,
      partnerExternalId: rig.partnerExternalId,
      planExternalIds: [`a-${tag}`],
    })),
  });
  if (pushed.status >= 300) throw new Error(pushed.text);
  const list = await owner.get(`/api/v1/connections/${connectionId}/organizations?limit=50`);
  for (const r of list.body.items as { organization: { id: string; name: string } }[])
    orgIds[r.organization.name] = r.organization.id;
});
afterAll(() => rig?.stop());

test('plans are mapped through the picker, inactive products only when asked, and one unmapped', async () => {
  const { page, problems, close } = await signInAs(ownerEmail);
  try {
    await page.getByRole('link', { name: connectionName }).first().click();
    await page.getByRole('link', { name: 'Plan mapping' }).click();
    await page.getByRole('heading', { name: `Plan mapping of ${connectionName}` }).waitFor();
    const rowA = page.getByRole('row').filter({ hasText: planA });
    await rowA.getByText('Not mapped').waitFor();
    await page.getByText('0 of 2 mapped').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'plans-unmapped-desktop');

    await page.getByRole('button', { name: `Choose product for ${planA}` }).click();
    const dialog = page.getByRole('dialog', { name: `Product of ${planA}` });
    await field(dialog, 'Search the PSA’s products').fill('OLD');
    await dialog.getByText('No active product matches “OLD”').waitFor();
    await dialog.getByRole('checkbox', { name: 'Show inactive products' }).check();
    await dialog.getByRole('radio', { name: 'SaaS Backup for M365 - OLD' }).waitFor();
    await dialog.getByRole('checkbox', { name: 'Show inactive products' }).uncheck();
    await field(dialog, 'Search the PSA’s products').fill('BACKUP-M365');
    await dialog.getByRole('radio', { name: m365, exact: true }).check();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'plans-picker');
    await dialog.getByRole('button', { name: `Map to ${m365}` }).click();
    await rowA.getByText(m365).waitFor();
    expect(await rowA.getByRole('link', { name: `Billing rules of ${planA}` }).getAttribute('href')).toBe(
      `/billing/settings/${connectionId}`,
    );

    // Plan B mapped, then unmapped through the confirmation that says what stops.
    await page.getByRole('button', { name: `Choose product for ${planB}` }).click();
    const dialogB = page.getByRole('dialog', { name: `Product of ${planB}` });
    await field(dialogB, 'Search the PSA’s products').fill('desktop');
    await dialogB.getByRole('radio', { name: 'Cloud Desktop (per user)' }).check();
    await dialogB.getByRole('button', { name: 'Map to Cloud Desktop (per user)' }).click();
    const rowB = page.getByRole('row').filter({ hasText: planB });
    await rowB.getByText('Cloud Desktop (per user)').waitFor();
    await page.getByText('2 of 2 mapped').waitFor();
    await rowB.getByRole('button', { name: `Unmap ${planB}` }).click();
    const confirm = page.getByRole('dialog', { name: `Unmap ${planB}?` });
    await confirm.getByText('Nothing is removed from the PSA').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: `Unmap ${planB}` }).click();
    await rowB.getByText('Not mapped').waitFor();
    const links = (await owner.get(`/api/v1/connections/${connectionId}/plan-links`)).body.items as {
      plan: { name: string };
      link: { productName: string } | null;
    }[];
    expect(links.find((l) => l.plan.name === planA)!.link!.productName).toBe(m365);
    expect(links.find((l) => l.plan.name === planB)!.link).toBeNull();
    await shot(page, 'plans-mapped-desktop');
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('organizations: a suggestion confirmed, exact matches linked, one by hand, one skipped and back', async () => {
  const { page, problems, close } = await signInAs(ownerEmail);
  try {
    await page.goto(`${rig.hub.url}/connections/${connectionId}`);
    await page.getByRole('link', { name: 'Organization mapping' }).click();
    await page.getByRole('heading', { name: `Organization mapping of ${connectionName}` }).waitFor();
    const rowOf = (name: string) => page.getByRole('row').filter({ hasText: name });
    const [c1, c2, c3] = companies as [(typeof companies)[0], (typeof companies)[0], (typeof companies)[0]];
    await rowOf(c1.name).getByText('Same name').waitFor();
    await rowOf(handName).waitFor();
    expect(
      await rowOf(handName)
        .getByRole('link', { name: `Ticket settings of ${handName}` })
        .getAttribute('href'),
    ).toBe(`/organizations/${orgIds[handName]}/ticket-settings`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'orgs-unlinked-desktop');

    // One suggestion selected and confirmed.
    await page.getByRole('checkbox', { name: `Select ${c1.name} → ${c1.name}` }).check();
    await page.getByRole('button', { name: 'Confirm 1 selected' }).click();
    const confirm = page.getByRole('dialog', { name: 'Link 1 organization?' });
    await confirm.getByText(`${c1.name} → ${c1.name}`).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Link 1 organization' }).click();
    await page.getByText('1 linked.').waitFor();
    await rowOf(c1.name).waitFor({ state: 'detached' });

    // Link exact matches: the preview names the second, the run links it with its progress.
    await page.getByRole('button', { name: 'Link exact matches…' }).click();
    const auto = page.getByRole('dialog', { name: 'Link exact matches' });
    await auto.getByText(`${c2.name} → ${c2.name}`).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'orgs-auto-link-preview');
    await auto.getByRole('button', { name: 'Link 1 exact match' }).click();
    await auto.getByText('Done: 1 of 1 linked').waitFor({ timeout: 30_000 });
    expect(
      await auto.getByRole('progressbar', { name: 'Linking progress' }).getAttribute('aria-valuenow'),
    ).toBe('100');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await auto.getByRole('button', { name: 'Close' }).first().click();
    await rowOf(c2.name).waitFor({ state: 'detached' });

    // By hand: the company found by search, its agreement's M365 addition chosen for plan A.
    await rowOf(handName)
      .getByRole('button', { name: `Link ${handName}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Link ${handName}` });
    await field(dialog, 'Search the PSA’s companies').fill(c3.name);
    await dialog.getByRole('radio', { name: c3.name, exact: true }).check();
    const [target] = (await targetsOf(owner, connectionId, c3.id)).filter((t) => t.productId === '1');
    await dialog.getByRole('combobox', { name: `${planA} bills into` }).click();
    await page
      .getByRole('option', { name: new RegExp(`^${target!.label.replace(/[().*+?]/g, '\\$&')}`) })
      .click();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'orgs-link-dialog');
    await dialog.getByRole('button', { name: `Link to ${c3.name}` }).click();
    await page.getByText(`${handName} is linked to ${c3.name}.`).waitFor();
    const view = (await owner.get(`/api/v1/organizations/${orgIds[handName]}/link`)).body;
    expect(view.link).toMatchObject({ companyId: c3.id, method: 'manual' });
    expect(view.link.billing).toEqual([expect.objectContaining({ targetId: target!.id })]);

    // Skip, then stop skipping.
    await rowOf(skipName)
      .getByRole('button', { name: `Skip ${skipName}` })
      .click();
    const skip = page.getByRole('dialog', { name: `Skip ${skipName}?` });
    await skip.getByText('no tickets and no billing').waitFor();
    await skip.getByRole('button', { name: `Skip ${skipName}` }).click();
    await rowOf(skipName).waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: 'Show' }).click();
    await page.getByRole('option', { name: 'Skipped' }).click();
    await rowOf(skipName).getByText('Skipped', { exact: true }).waitFor();
    expect(page.url()).toContain('state=skipped');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await rowOf(skipName)
      .getByRole('button', { name: `Stop skipping ${skipName}` })
      .click();
    await page.getByText('No organization is skipped').waitFor();

    // Linked here: the three, each with its company and health; a health check is asked for.
    await page.getByRole('combobox', { name: 'Show' }).click();
    await page.getByRole('option', { name: 'Linked here' }).click();
    for (const name of [c1.name, c2.name, handName])
      await rowOf(name).getByText('Linked', { exact: true }).waitFor();
    await rowOf(handName).getByText(c3.name, { exact: true }).waitFor();
    // Renamed behind the hub's back: the health check finds it, and the broken view says so.
    await cwApi(rig.simulators.connectwise, 'PATCH', `company/companies/${c3.id}`, [
      { op: 'replace', path: 'name', value: `Renamed ${tag}` },
    ]);
    await page.getByRole('button', { name: 'Check link health' }).click();
    await page.getByText('Checking every link against the PSA').waitFor();
    await page.getByRole('combobox', { name: 'Show' }).click();
    await page.getByRole('option', { name: 'Broken links' }).click();
    const broken = rowOf(handName);
    await broken.getByText('Renamed in the PSA', { exact: true }).waitFor({ timeout: 30_000 });
    await broken.getByText(`Renamed in the PSA from "${c3.name}" to "Renamed ${tag}"`).waitFor();
    await broken.getByText('Link broken').waitFor();
    expect(await rowOf(c1.name).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'orgs-broken-desktop');
    await page.getByRole('combobox', { name: 'Show' }).click();
    await page.getByRole('option', { name: 'Linked here' }).click();
    await rowOf(c1.name).waitFor();
    await field(page, 'Search organizations').fill('no such organization');
    await page.getByText('No organization matches this search').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Clear the search' }).click();
    await rowOf(handName).waitFor();
    await shot(page, 'orgs-linked-desktop');
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('a viewer sees both mappings and no control to change them', async () => {
  const viewer = await rig.invite('viewer');
  const { page, problems, close } = await rig.open('/');
  try {
    await signInFirstTime(page, viewer);
    await page.goto(`${rig.hub.url}/connections/${connectionId}/plans`);
    await page.getByRole('row').filter({ hasText: planA }).getByText(m365).waitFor();
    expect(await page.getByRole('button', { name: /Choose|Change|Unmap/ }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '2. Organizations → companies' }).click();
    await page.getByRole('row').filter({ hasText: skipName }).waitFor();
    await page.goto(`${rig.hub.url}/connections/${connectionId}/organizations?state=all`);
    await page
      .getByRole('row')
      .filter({ hasText: handName })
      .getByText(companies[2]!.name, { exact: true })
      .waitFor();
    expect(await page.getByRole('button', { name: /Link|Skip|Unlink|Relink|Confirm|Check/ }).count()).toBe(0);
    expect(await page.getByRole('checkbox').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'orgs-viewer');
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('a user of another partner sees none of it', async () => {
  const other = `other-${tag}`;
  const pushed = await rig.hub.source.put(`/api/v1/source/partners/${other}`, {
    name: `Other Partner ${tag}`,
    kind: 'direct_reseller',
  });
  expect(pushed.status, pushed.text).toBe(201);
  const stranger = await rig.hub.userClient(pushed.body.id, 'owner');
  const email = (await stranger.get('/api/v1/me')).body.user.email;
  const { page, problems, close } = await signInAs(email);
  try {
    for (const part of ['plans', 'organizations']) {
      await page.goto(`${rig.hub.url}/connections/${connectionId}/${part}`);
      await page.getByRole('alert').filter({ hasText: 'Could not load the connection' }).waitFor();
      expect(await page.getByText(planA).count()).toBe(0);
      expect(await page.getByText(handName).count()).toBe(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
    }
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('the mapping pages on a phone', async () => {
  const { page, problems, close } = await signInAs(ownerEmail, { width: 390, height: 844 });
  try {
    await page.goto(`${rig.hub.url}/connections/${connectionId}/plans`);
    // On a phone each plan and organization is a block of its own, not a table row.
    await page.getByRole('article', { name: planA }).getByText(m365).waitFor();
    expect(await page.getByRole('row').filter({ hasText: planA }).isVisible()).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'plans-phone');
    await page.goto(`${rig.hub.url}/connections/${connectionId}/organizations?state=all`);
    await page
      .getByRole('article', { name: handName })
      .getByText(companies[2]!.name, { exact: true })
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'orgs-phone');
    await page.goto(`${rig.hub.url}/connections/${connectionId}/organizations`);
    await page
      .getByRole('article', { name: skipName })
      .getByRole('button', { name: `Skip ${skipName}` })
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'orgs-unlinked-phone');
    const overflow = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(390);
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('10,000 organizations: the first page shows without reading them all', async () => {
  const started = Date.now();
  await pushBulkOrganizations(rig.hub.source, rig.partnerExternalId, 10_000, tag);
  console.log(`pushed 10,000 organizations in ${Date.now() - started} ms`);
  const { page, problems, close } = await signInAs(ownerEmail);
  try {
    for (const view of ['all', 'unlinked'] as const) {
      const t = await timeOrgMappingPage(page, rig.hub.url, connectionId, view, 'Bulk Customer 00000');
      console.log(
        `10,000 organizations, view ${view}: the hub answered ${t.rows} rows in ${Math.round(t.answerMs)} ms; the first page was on screen ${Math.round(t.renderMs)} ms after the last answer it needed`,
      );
      expect(t.rows).toBeLessThanOrEqual(50);
    }
    expect(await page.getByRole('button', { name: 'Show 50 more' }).isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'orgs-10000');
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});
