// The ticket settings pages in Chromium against a real hub and the PSA simulators: the connect wizard
// lands on the new connection's ticket settings; ConnectWise settings are chosen from its pick lists
// (a board, then that board's statuses), HaloPSA's (an SLA, then that SLA's priorities) and
// Autotask's (an issue type, then its sub-issue types); an organization sees them inherited with
// their source and overrides one; a partner default shows up inherited on the connection; a bad value
// gets the hub's message on its field; a snooze is set and ended; a viewer sees the settings and no
// control that changes them, another partner's user none of them. Every state passes axe.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { billingCompanies } from '../support/billing.ts';
import type { Client } from '../support/client.ts';
import {
  field,
  seriousA11yViolations,
  signInFirstTime,
  startPortalRig,
  type PortalRig,
} from '../support/portal.ts';

vi.setConfig({ testTimeout: 120_000 });

const tag = Math.random().toString(36).slice(2, 7);
const orgName = `Contoso Tickets ${tag}`;

let rig: PortalRig;
let owner: Client;
let ownerEmail: string;
let cwId = '';
let haloId = '';
let autotaskId = '';
let orgId = '';

/** Screenshots for a person to look at, when PSAHUB_SHOTS names a folder. */
async function shot(page: Page, name: string) {
  const dir = process.env.PSAHUB_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** The part of the page around `heading`, as the screen shows it (a full page is too long to read). */
async function shotAt(page: Page, heading: string, name: string) {
  const dir = process.env.PSAHUB_SHOTS;
  if (!dir) return;
  await page.getByRole('heading', { name: heading }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

beforeAll(async () => {
  rig = await startPortalRig();
  owner = await rig.hub.userClient(rig.partnerId, 'owner');
  ownerEmail = (await owner.get('/api/v1/me')).body.user.email;
  const halo = rig.simulators.halopsa;
  const created = await owner.post('/api/v1/connections', {
    partnerId: rig.partnerId,
    kind: 'halopsa',
    name: 'Our HaloPSA',
    siteUrl: halo.url,
    credentials: halo.credentials,
  });
  if (created.status !== 201) throw new Error(created.text);
  haloId = created.body.connection.id;
  const at = rig.simulators.autotask;
  const autotask = await owner.post('/api/v1/connections', {
    partnerId: rig.partnerId,
    kind: 'autotask',
    name: 'Our Autotask',
    siteUrl: at.url,
    credentials: at.credentials,
  });
  if (autotask.status !== 201) throw new Error(autotask.text);
  autotaskId = autotask.body.connection.id;
  const org = await rig.hub.source.put(`/api/v1/source/organizations/contoso-${tag}`, {
    name: orgName,
    partnerExternalId: rig.partnerExternalId,
  });
  if (org.status !== 201) throw new Error(org.text);
  orgId = org.body.id;
});
afterAll(() => rig?.stop());

const signInOwner = (path = '/', viewport?: { width: number; height: number }) =>
  rig.signedIn(ownerEmail, path, viewport);

/** The Select labelled `label` (its listbox carries the same name, so by role). */
const select = (page: Page, label: string) =>
  page.getByRole('combobox', {
    name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`),
  });

/** Choose `option` (its name starts so) in the Select labelled `label`. */
async function choose(page: Page, label: string, option: string | RegExp) {
  await select(page, label).click();
  await page
    .getByRole('option', { name: typeof option === 'string' ? new RegExp(`^${option}`) : option })
    .first()
    .click();
}

const optionNames = async (page: Page, label: string) => {
  await select(page, label).click();
  const names = await page.getByRole('option').allTextContents();
  await page.keyboard.press('Escape');
  return names;
};

const settingsOf = async (url: string) => (await owner.get(url)).body;

test('the wizard lands on ticket settings, where a board’s statuses are chosen and saved', async () => {
  const { page, problems, close } = await signInOwner('/integrations');
  try {
    await page.getByRole('link', { name: 'Connect ConnectWise PSA' }).click();
    const kinds = (await owner.get('/api/v1/psa-kinds')).body.items;
    const cw = kinds.find((k: { kind: string }) => k.kind === 'connectwise');
    await field(page, cw.siteUrl.label).fill(rig.simulators.connectwise.url);
    for (const f of cw.credentials)
      await field(page, f.label).fill(rig.simulators.connectwise.credentials[f.name] ?? '');
    await page.getByRole('button', { name: 'Validate & save' }).click();
    await page.getByRole('heading', { name: 'Ticket settings', exact: true }).waitFor();
    await page.getByText('Connected to ConnectWise PSA').waitFor();
    expect(page.url()).toMatch(/\/connections\/[0-9a-f-]{36}\/ticket-settings$/);
    cwId = page.url().split('/').at(-2)!;
    // A board is required and none is set yet: the page says so.
    await page.getByText('Service board is required').first().waitFor();
    await page.getByRole('link', { name: 'Next: map plans' }).first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'connection-new-1280');

    // Statuses follow the board: none to choose before it, that board's after.
    await page.getByPlaceholder('Choose the service board first').first().waitFor();
    await choose(page, 'Service board', 'Backup Alerts');
    const lists = (await owner.get(`/api/v1/connections/${cwId}/pick-lists`)).body.lists;
    const backupStatuses = lists.statuses.filter((s: { parentId: string }) => s.parentId === '3');
    const offered = await optionNames(page, 'Status when opened');
    expect(offered.length).toBe(backupStatuses.length);
    await choose(page, 'Status when opened', 'New');
    await choose(page, 'Status when resolved', 'Resolved');
    await choose(page, 'Priority for critical alerts', 'Priority 1 - Emergency Response');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save ticket settings' }).click();
    await page.getByText('Now: Backup Alerts — set here').waitFor();

    const saved = await settingsOf(`/api/v1/connections/${cwId}/ticket-settings`);
    const newStatus = backupStatuses.find((s: { name: string }) => s.name === 'New');
    expect(saved.own).toMatchObject({ boardId: '3', 'status.new': newStatus.id, 'priority.critical': '1' });
    expect(saved.effective.find((e: { field: string }) => e.field === 'boardId').problem).toBeNull();
    expect(await page.getByText('Service board is required').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'connection-saved-1280');
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('HaloPSA priorities are those of the chosen SLA', async () => {
  const { page, problems, close } = await signInOwner(`/connections/${haloId}/ticket-settings`);
  try {
    await page.getByRole('heading', { name: 'Ticket settings', exact: true }).waitFor();
    await choose(page, 'Ticket type', 'Incident');
    await choose(page, 'SLA', 'Premium 24x7');
    const lists = (await owner.get(`/api/v1/connections/${haloId}/pick-lists`)).body.lists;
    const premium = lists.priorities.filter((p: { parentId: string }) => p.parentId === '2');
    expect(await optionNames(page, 'Priority for critical alerts')).toEqual(
      premium.map((p: { name: string }) => p.name),
    );
    await choose(page, 'Priority for critical alerts', 'P1 - Critical');
    await page.getByRole('button', { name: 'Save ticket settings' }).click();
    await page.getByText('Now: Premium 24x7 — set here').waitFor();
    const saved = await settingsOf(`/api/v1/connections/${haloId}/ticket-settings`);
    expect(saved.own).toMatchObject({ ticketTypeId: '1', slaId: '2', 'priority.critical': '1' });
    const critical = saved.effective.find((e: { field: string }) => e.field === 'priority.critical');
    expect(critical.display).toBe('P1 - Critical');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('Autotask sub-issue types are those of the chosen issue type', async () => {
  const { page, problems, close } = await signInOwner(`/connections/${autotaskId}/ticket-settings`);
  try {
    await page.getByRole('heading', { name: 'Ticket settings', exact: true }).waitFor();
    const fields = (await owner.get('/api/v1/psa-kinds')).body.items.find(
      (k: { kind: string }) => k.kind === 'autotask',
    ).ticketFields as { name: string; label: string; dependsOn: string | null }[];
    const sub = fields.find((f) => f.dependsOn === 'issueTypeId')!;
    await choose(page, 'Issue type', 'Backup');
    const lists = (await owner.get(`/api/v1/connections/${autotaskId}/pick-lists`)).body.lists;
    const backup = lists.issueTypes.find((i: { name: string }) => i.name === 'Backup');
    const under = lists.subIssueTypes.filter((i: { parentId: string }) => i.parentId === backup.id);
    expect(await optionNames(page, sub.label)).toEqual(under.map((i: { name: string }) => i.name));
    await choose(page, sub.label, under[0].name);
    await page.getByRole('button', { name: 'Save ticket settings' }).click();
    await page.getByText(`Now: ${under[0].name} — set here`).waitFor();
    const saved = await settingsOf(`/api/v1/connections/${autotaskId}/ticket-settings`);
    expect(saved.own).toEqual({ issueTypeId: backup.id, [sub.name]: under[0].id });
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('an organization sees the connection’s settings inherited and overrides one', async () => {
  expect(cwId).not.toBe('');
  const [{ companyId }] = (await billingCompanies(rig.simulators.connectwise.url, 1)) as [
    { companyId: string },
  ];
  const linked = await owner.put(`/api/v1/organizations/${orgId}/link`, { connectionId: cwId, companyId });
  expect(linked.status, linked.text).toBe(200);
  const { page, problems, close } = await signInOwner(`/organizations/${orgId}/ticket-settings`);
  try {
    await page.getByRole('heading', { name: `Ticket settings of ${orgName}` }).waitFor();
    await page.getByText('Now: Backup Alerts — inherited from the connection').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'organization-inherited-1280');
    await choose(page, 'Status when opened', 'In Progress');
    await page.getByRole('button', { name: 'Save ticket settings' }).click();
    await page.getByText('Now: In Progress — set here').waitFor();
    const saved = await settingsOf(`/api/v1/organizations/${orgId}/ticket-settings`);
    expect(Object.keys(saved.own)).toEqual(['status.new']);
    const board = saved.effective.find((e: { field: string }) => e.field === 'boardId');
    expect(board.source.level).toBe('connection');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('a partner default is given by name and shows inherited on the connection', async () => {
  const { page, problems, close } = await signInOwner('/ticket-defaults?kind=connectwise');
  try {
    await page.getByRole('heading', { name: 'Ticket defaults' }).waitFor();
    await select(page, 'Priority for low alerts').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'defaults-1280');
    await choose(page, 'Priority for low alerts', 'Priority 4 - Schedule Maintenance');
    await page.getByRole('button', { name: 'Save ticket settings' }).click();
    await expect
      .poll(
        async () =>
          (await settingsOf(`/api/v1/partners/${rig.partnerId}/ticket-defaults/connectwise`)).fields,
      )
      .toEqual({ 'priority.low': 'Priority 4 - Schedule Maintenance' });

    await page.goto(`${rig.hub.url}/connections/${cwId}/ticket-settings`);
    const row = page.getByRole('row', { name: /Priority for low alerts/ });
    await row.getByText(`inherited from partner ${rig.partnerName}`).waitFor();
    await row.getByText('Priority 4 - Schedule Maintenance').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('a bad value gets the hub’s own message on its field, and nothing is saved', async () => {
  const { page, problems, close } = await signInOwner(`/connections/${cwId}/ticket-settings`);
  try {
    const label = 'At most one "failed again" note per (minutes)';
    await field(page, label).fill('0');
    await page.getByRole('button', { name: 'Save ticket settings' }).click();
    const api = await owner.put(`/api/v1/connections/${cwId}/ticket-settings`, {
      fields: { repeatNoteMinutes: 0 },
    });
    expect(api.status).toBe(400);
    const message = api.body.error.details[0].message as string;
    await page.getByText(message, { exact: true }).waitFor();
    expect(await field(page, label).getAttribute('aria-invalid')).toBe('true');
    expect(
      (await settingsOf(`/api/v1/connections/${cwId}/ticket-settings`)).own.repeatNoteMinutes,
    ).toBeUndefined();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'connection-bad-value-1280');
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('a condition gets its own priority, and storm control is saved', async () => {
  const { page, problems, close } = await signInOwner(`/connections/${cwId}/ticket-settings`);
  try {
    await field(page, 'New condition').fill('backup.failed');
    await page.getByRole('button', { name: 'Add condition' }).click();
    const overrides = page.getByRole('region', { name: 'Overrides for backup.failed' });
    await choose(page, 'Override another field for backup.failed', 'Priority for critical alerts');
    await overrides.getByRole('combobox', { name: /^Priority for critical alerts/ }).click();
    await page.getByRole('option', { name: /^Priority 2 - Quick Response/ }).click();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'connection-condition-1280');
    await page.getByRole('button', { name: 'Save ticket settings' }).click();
    await expect
      .poll(async () => (await settingsOf(`/api/v1/connections/${cwId}/ticket-settings`)).own.conditions)
      .toEqual({ 'backup.failed': { 'priority.critical': '2' } });

    await field(page, 'New tickets per company per hour').fill('5');
    await page.getByRole('button', { name: 'Save storm control' }).click();
    // The confirmation toast (its code loads after the first page: main.tsx).
    await page.getByText('Saved storm control').waitFor();
    await expect
      .poll(
        async () =>
          (await owner.get(`/api/v1/connections/${cwId}/mapping-settings`)).body.maxTicketsPerCompanyHour,
      )
      .toBe(5);
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('which alerts open tickets: a minimum severity and conditions switched off, by keyboard', async () => {
  const { page, problems, close } = await signInOwner(`/connections/${cwId}/ticket-settings`);
  try {
    await page.getByRole('heading', { name: 'Which alerts open tickets' }).waitFor();
    const severity = select(page, 'Minimum severity that opens a ticket');
    await severity.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'High and above' }).waitFor();
    for (let i = 0; i < 8; i++) {
      const focused = page.getByRole('option', { name: 'High and above', selected: true });
      if (await focused.count()) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => severity.inputValue()).toBe('High and above');
    // Tab on to the conditions field: a condition is typed, Enter adds it.
    await page.keyboard.press('Tab');
    // The input, not the suggestions list that carries the same label.
    const conditions = field(page, 'Conditions that open no ticket').and(page.locator('input'));
    await expect.poll(() => conditions.evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.keyboard.type('backup.email');
    await page.keyboard.press('Enter');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shotAt(page, 'Which alerts open tickets', 'connection-events-1280');
    await page.getByRole('button', { name: 'Save ticket settings' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => {
        const own = (await settingsOf(`/api/v1/connections/${cwId}/ticket-settings`)).own;
        return [own.minimumSeverity, own.conditionsOff];
      })
      .toEqual(['high', ['backup.email']]);
    await page.getByText('Now: High and above — set here').waitFor();
    await page.getByText('Now: backup.email — set here').waitFor();
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('a snooze is set and ended', async () => {
  const { page, problems, close } = await signInOwner(`/connections/${cwId}/ticket-settings`);
  try {
    await page.getByText('Not snoozed').waitFor();
    await field(page, 'Reason').fill('Tenant migration');
    await page.getByRole('button', { name: 'Snooze ticket writes' }).click();
    await page.getByText(/^Snoozed until/).waitFor();
    await page.getByText(/Tenant migration/).waitFor();
    const current = (await owner.get(`/api/v1/connections/${cwId}/snooze`)).body.current;
    expect(current.reason).toBe('Tenant migration');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'connection-snoozed-1280');
    await page.getByRole('button', { name: 'End snooze now' }).click();
    await page.getByText('Not snoozed').waitFor();
    expect((await owner.get(`/api/v1/connections/${cwId}/snooze`)).body.current).toBeNull();
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('on a phone the pages stay readable', async () => {
  const { page, problems, close } = await signInOwner(`/connections/${cwId}/ticket-settings`, {
    width: 390,
    height: 844,
  });
  try {
    await page.getByText('Now: Backup Alerts — set here').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'connection-390');
    await shotAt(page, 'Priority per alert severity', 'connection-390-priorities');
    await shotAt(page, 'Overrides per alert condition', 'connection-390-conditions');
    await page.goto(`${rig.hub.url}/organizations/${orgId}/ticket-settings`);
    await page.getByText('Now: In Progress — set here').waitFor();
    await shot(page, 'organization-390');
    await page.goto(`${rig.hub.url}/ticket-defaults`);
    await select(page, 'Priority for low alerts').waitFor();
    await shot(page, 'defaults-390');
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('a viewer sees the settings and their sources, and no control that changes them', async () => {
  const viewer = await rig.invite('viewer');
  const { page, problems, close } = await rig.open('/');
  try {
    await signInFirstTime(page, viewer);
    for (const path of [
      `/connections/${cwId}/ticket-settings`,
      `/organizations/${orgId}/ticket-settings`,
      '/ticket-defaults?kind=connectwise',
    ]) {
      await page.goto(rig.hub.url + path);
      await page.getByRole('heading', { name: 'Priority per alert severity' }).waitFor();
      await page
        .getByText('Not snoozed')
        .or(page.getByText('Ticket defaults', { exact: true }))
        .first()
        .waitFor();
      for (const name of ['Save ticket settings', 'Discard changes', 'Add condition', 'Snooze ticket writes'])
        expect(await page.getByRole('button', { name }).count(), `${path}: ${name}`).toBe(0);
      expect(await page.getByRole('textbox').count(), path).toBe(0);
      expect(await page.getByRole('combobox').count(), path).toBe(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
    }
    await page.goto(`${rig.hub.url}/connections/${cwId}/ticket-settings`);
    await page.getByText('Backup Alerts').first().waitFor();
    await shot(page, 'connection-viewer-1280');
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('a user of another partner sees none of these settings', async () => {
  const other = await rig.hub.source.put(`/api/v1/source/partners/other-${tag}`, {
    name: `Other Partner ${tag}`,
    kind: 'direct_reseller',
  });
  expect(other.status, other.text).toBe(201);
  const invited = await rig.hub.operator.post('/api/v1/users', {
    email: `other-${tag}@example.com`,
    name: 'Another owner',
    partnerId: other.body.id,
    role: 'owner',
  });
  expect(invited.status, invited.text).toBe(201);
  const { page, problems, close } = await rig.open('/');
  try {
    await signInFirstTime(page, {
      email: `other-${tag}@example.com`,
      oneTimePassword: invited.body.oneTimePassword,
    });
    for (const path of [`/connections/${cwId}/ticket-settings`, `/organizations/${orgId}/ticket-settings`]) {
      await page.goto(rig.hub.url + path);
      await page.getByRole('alert').filter({ hasText: 'Could not load' }).waitFor();
      expect(await page.getByText('Backup Alerts').count(), path).toBe(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
    }
    // Its own defaults are empty: nothing of the first partner's shows through.
    await page.goto(`${rig.hub.url}/ticket-defaults?kind=connectwise`);
    await page.getByRole('heading', { name: 'Priority per alert severity' }).waitFor();
    expect(await page.getByText('Priority 4 - Schedule Maintenance').count()).toBe(0);
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});
