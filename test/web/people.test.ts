// The people pages in Chromium against a real hub: my tokens (created, shown once, used over HTTP,
// revoked and then refused), users (invited with a one-time password that then signs in, a role
// changed, a user removed, a bad e-mail answered on the field), roles that may not be granted are
// neither offered nor accepted, a viewer sees no write control, source keys only for the operator,
// the partner tree, and a second partner's user sees none of the first's. Every state passes axe.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
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
const subName = `Sub Reseller ${tag}`;
const otherName = `Other Partner ${tag}`;

let rig: PortalRig;
let owner: Client;
let ownerEmail: string;
let subId: string;
let otherId: string;

async function shot(page: Page, name: string) {
  const dir = process.env.PSAHUB_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

const emailOf = async (c: Client) => (await c.get('/api/v1/me')).body.user.email as string;

beforeAll(async () => {
  rig = await startPortalRig();
  const sub = await rig.hub.source.put(`/api/v1/source/partners/sub-${tag}`, {
    name: subName,
    kind: 'sub_reseller',
    parentExternalId: rig.partnerExternalId,
  });
  if (sub.status !== 201) throw new Error(sub.text);
  subId = sub.body.id;
  const other = await rig.hub.source.put(`/api/v1/source/partners/other-${tag}`, {
    name: otherName,
    kind: 'direct_reseller',
  });
  if (other.status !== 201) throw new Error(other.text);
  otherId = other.body.id;
  owner = await rig.hub.userClient(rig.partnerId, 'owner');
  ownerEmail = await emailOf(owner);
});
afterAll(() => rig?.stop());

const signInAs = (email: string, path = '/', viewport?: { width: number; height: number }) =>
  rig.signedIn(email, path, viewport);

/** The options a select offers, read from its open list. */
async function optionsOf(page: Page, scope: Page | Locator, label: string): Promise<string[]> {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  await box.click();
  const list = page.getByRole('listbox', { name: label, exact: true });
  await list.getByRole('option').first().waitFor();
  const options = await list.getByRole('option').allTextContents();
  await box.click();
  await list.waitFor({ state: 'hidden' });
  return options;
}

test('a token is shown once, works over HTTP, and is refused once revoked', async () => {
  const { page, problems, close } = await signInAs(ownerEmail);
  try {
    await page.getByRole('button', { name: new RegExp(ownerEmail) }).click();
    await page.getByRole('menuitem', { name: 'My tokens' }).click();
    await page.getByRole('heading', { name: 'My tokens' }).waitFor();
    await page.getByText('No tokens yet').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'tokens-empty-desktop');

    await field(page, 'Name').fill('nightly export');
    await page.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByRole('textbox', { name: 'New token' });
    await shown.waitFor();
    const token = await shown.inputValue();
    expect(token.length).toBeGreaterThan(20);
    await page.getByText('cannot be shown again').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'tokens-created-desktop');

    const bearer = rig.hub.client({ bearer: token });
    expect((await bearer.get('/api/v1/me')).status).toBe(200);

    await page.getByRole('button', { name: 'I have copied it' }).click();
    const row = page.getByRole('row').filter({ hasText: 'nightly export' });
    await row.getByText(token.slice(0, 6)).waitFor();
    expect(await shown.count()).toBe(0);
    await row.getByRole('button', { name: 'Revoke nightly export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke nightly export?' });
    await dialog.getByText('is refused from now on').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Revoke nightly export' }).click();
    await page.getByText('No tokens yet').waitFor();
    expect((await bearer.get('/api/v1/me')).status).toBe(401);
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('an owner invites a user who signs in, changes their role and removes them', async () => {
  const { page, problems, close } = await signInAs(ownerEmail);
  try {
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.getByRole('row').filter({ hasText: ownerEmail }).getByText('(you)').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'users-desktop');

    await page.getByRole('button', { name: 'Invite a user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a user' });
    expect(await optionsOf(page, dialog, 'Role')).toEqual([
      'Viewer (read only)',
      'Admin',
      'Super admin',
      'Owner',
    ]);
    // A bad e-mail: the hub's own words, on the field.
    const refused = await owner.post('/api/v1/users', {
      email: 'not-an-e-mail',
      name: 'Ina Vite',
      partnerId: subId,
      role: 'admin',
    });
    expect(refused.status).toBe(400);
    const hubSays = refused.body.error.details.find(
      (d: { path?: string }) => d.path === 'body/email',
    ).message;
    await field(dialog, 'E-mail').fill('not-an-e-mail');
    await field(dialog, 'Name').fill('Ina Vite');
    await dialog.getByRole('combobox', { name: 'Partner', exact: true }).click();
    await page.getByRole('option', { name: subName }).click();
    await dialog.getByRole('combobox', { name: 'Role', exact: true }).click();
    await page.getByRole('option', { name: 'Admin', exact: true }).click();
    await dialog.getByRole('button', { name: 'Invite' }).click();
    await dialog.getByText(hubSays).waitFor();
    expect(await field(dialog, 'E-mail').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'users-invite-bad-email');

    const email = `ina-${tag}@example.com`;
    await field(dialog, 'E-mail').fill(email);
    await dialog.getByRole('button', { name: 'Invite' }).click();
    const invited = page.getByRole('dialog', { name: 'Ina Vite is invited' });
    const password = await field(invited, 'One-time password').inputValue();
    await invited.getByText(`with ${email} and this password`).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'users-invited');
    await invited.getByRole('button', { name: 'I have copied it' }).click();

    // The invited user signs in with the one-time password (and chooses their own).
    const them = await rig.open('/');
    try {
      await signInFirstTime(them.page, { email, oneTimePassword: password });
      expect(them.problems).toEqual([]);
    } finally {
      await them.close();
    }

    const row = page.getByRole('row').filter({ hasText: email });
    await row.getByText(subName).waitFor();
    await page.reload();
    await row.getByText(/ago|now/).waitFor();
    await row.getByRole('combobox', { name: 'Role of Ina Vite', exact: true }).click();
    await page.getByRole('option', { name: 'Viewer (read only)' }).click();
    await page.getByText('Ina Vite is now Viewer (read only).').waitFor();
    const users = (await owner.get(`/api/v1/users?q=${encodeURIComponent(email)}`)).body.items;
    expect(users.map((u: { role: string }) => u.role)).toEqual(['viewer']);

    // Filter by partner (server-side), then remove.
    await page.getByRole('combobox', { name: 'Partner', exact: true }).click();
    await page.getByRole('option', { name: subName }).click();
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(400); // the navigation folds away after a resize; shoot after it has
    await shot(page, 'users-owner-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    await row.getByRole('button', { name: 'Remove Ina Vite' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove Ina Vite?' });
    await confirm.getByText('can no longer sign in').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Remove Ina Vite' }).click();
    await page.getByText('No user matches these filters').waitFor();
    expect((await owner.get(`/api/v1/users/${users[0].id}`)).status).toBe(404);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('a role may only grant roles up to its own: no such option, and the hub refuses', async () => {
  const superAdmin = await rig.hub.userClient(rig.partnerId, 'super_admin');
  const admin = await rig.hub.userClient(rig.partnerId, 'admin');
  const body = (role: string) => ({
    email: `x-${role}-${tag}@example.com`,
    name: 'X',
    partnerId: rig.partnerId,
    role,
  });
  expect((await superAdmin.post('/api/v1/users', body('owner'))).status).toBe(403);
  expect((await admin.post('/api/v1/users', body('owner'))).status).toBe(403);
  expect((await admin.post('/api/v1/users', body('viewer'))).status).toBe(403);

  const asSuper = await signInAs(await emailOf(superAdmin), '/users');
  try {
    await asSuper.page.getByRole('button', { name: 'Invite a user' }).click();
    const dialog = asSuper.page.getByRole('dialog', { name: 'Invite a user' });
    expect(await optionsOf(asSuper.page, dialog, 'Role')).toEqual([
      'Viewer (read only)',
      'Admin',
      'Super admin',
    ]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    // The owner's role is above a super admin's: shown, not changeable, not removable.
    const ownerRow = asSuper.page.getByRole('row').filter({ hasText: ownerEmail });
    await ownerRow.getByText('Owner').waitFor();
    expect(await ownerRow.getByRole('combobox').count()).toBe(0);
    expect(await ownerRow.getByRole('button').count()).toBe(0);
    expect(asSuper.problems).toEqual([]);
  } finally {
    await asSuper.close();
  }

  const asAdmin = await signInAs(await emailOf(admin), '/users');
  try {
    await asAdmin.page.getByText('Owners and super admins invite users').waitFor();
    expect(await asAdmin.page.getByRole('button', { name: 'Invite a user' }).count()).toBe(0);
    expect(await asAdmin.page.getByRole('combobox', { name: /^Role of/ }).count()).toBe(0);
    expect(asAdmin.problems).toEqual([]);
  } finally {
    await asAdmin.close();
  }
});

test('a viewer sees users and partners but no control to change them, and no source keys', async () => {
  const viewer = await rig.hub.userClient(rig.partnerId, 'viewer');
  const { page, problems, close } = await signInAs(await emailOf(viewer), '/users', {
    width: 390,
    height: 844,
  });
  try {
    await page.getByRole('row').filter({ hasText: ownerEmail }).waitFor();
    expect(await page.getByRole('button', { name: 'Invite a user' }).count()).toBe(0);
    expect(await page.getByRole('combobox', { name: /^Role of/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'users-viewer-phone');

    await page.getByRole('button', { name: 'Show navigation' }).click();
    await page.getByRole('link', { name: 'Partners' }).waitFor();
    expect(await page.getByRole('link', { name: 'Source keys' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Partners' }).click();
    await page.getByRole('navigation', { name: 'Partner tree' }).getByText(subName).waitFor();
    await page
      .getByText('1 user.')
      .or(page.getByText(/\d users\./))
      .waitFor();
    expect(await page.getByRole('button', { name: 'Create partner' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'partners-viewer-phone');

    // A viewer may still have tokens of its own: they act with its role, read only.
    await page.goto(`${rig.hub.url}/account/tokens`);
    await field(page, 'Name').fill('read-only report');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = await page.getByRole('textbox', { name: 'New token' }).inputValue();
    const asViewer = rig.hub.client({ bearer: token });
    expect((await asViewer.get('/api/v1/users')).status).toBe(200);
    expect((await asViewer.post('/api/v1/me/tokens', { name: 'more' })).status).toBeLessThan(300);
    expect(
      (
        await asViewer.post('/api/v1/users', {
          email: 'x@example.com',
          name: 'X',
          partnerId: rig.partnerId,
          role: 'viewer',
        })
      ).status,
    ).toBe(403);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'tokens-created-phone');

    await page.goto(`${rig.hub.url}/source-keys`);
    await page.getByText('Only operators manage source keys').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('the operator creates and revokes a source key and creates a partner below another', async () => {
  const { page, problems, close } = await signInAs(rig.hub.hub.bootstrap!.email);
  try {
    await page.getByRole('link', { name: 'Source keys' }).click();
    await page.getByRole('heading', { name: 'Source keys', level: 1 }).waitFor();
    await page.getByRole('row').filter({ hasText: 'tests' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'source-keys-desktop');

    await field(page, 'Name').fill(`staging ${tag}`);
    await page.getByRole('button', { name: 'Create source key' }).click();
    const key = await page.getByRole('textbox', { name: 'New source key' }).inputValue();
    const platform = rig.hub.client({ bearer: key });
    const push = () =>
      platform.put(`/api/v1/source/partners/keyed-${tag}`, { name: `Keyed ${tag}`, kind: 'direct_reseller' });
    expect((await push()).status).toBeLessThan(300);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.getByRole('button', { name: `Revoke staging ${tag}` }).click();
    await page
      .getByRole('dialog', { name: `Revoke staging ${tag}?` })
      .getByRole('button', { name: `Revoke staging ${tag}` })
      .click();
    await expect
      .poll(() =>
        page
          .getByRole('row')
          .filter({ hasText: `staging ${tag}` })
          .count(),
      )
      .toBe(0);
    expect((await push()).status).toBe(401);

    await page.getByRole('link', { name: 'Partners' }).click();
    await page.getByRole('navigation', { name: 'Partner tree' }).getByText(rig.partnerName).click();
    await page.getByRole('heading', { name: `New partner below ${rig.partnerName}` }).waitFor();
    expect(await optionsOf(page, page, 'Kind')).toEqual(['Sub-reseller']);
    await field(page, 'Name').fill(`Made here ${tag}`);
    await page.getByRole('button', { name: 'Create partner' }).click();
    await page.getByRole('heading', { name: `Made here ${tag}`, level: 2 }).waitFor();
    await page.getByText(`Sub-reseller under ${rig.partnerName}`).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'partners-operator-desktop');
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test("a second partner's user sees none of the first partner's users or partners", async () => {
  const stranger = await rig.hub.userClient(otherId, 'owner');
  const strangerEmail = await emailOf(stranger);
  const { page, problems, close } = await signInAs(strangerEmail, '/users');
  try {
    await page.getByRole('row').filter({ hasText: strangerEmail }).waitFor();
    expect(await page.getByRole('row').count()).toBe(2);
    expect(await page.getByText(ownerEmail).count()).toBe(0);
    await page.goto(`${rig.hub.url}/partners`);
    await page.getByRole('navigation', { name: 'Partner tree' }).getByText(otherName).waitFor();
    expect(await page.getByText(rig.partnerName).count()).toBe(0);
    expect(await page.getByText(subName).count()).toBe(0);
    // Asking for the first partner's users by id finds nothing, in the page and over HTTP.
    await page.goto(`${rig.hub.url}/users?partnerId=${rig.partnerId}`);
    await page.getByText('No user matches these filters').waitFor();
    expect((await stranger.get(`/api/v1/users?partnerId=${rig.partnerId}`)).body.items).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A refused list (a role the hub does not know, from an edited address): its words, and a way on.
    await page.goto(`${rig.hub.url}/users?role=boss`);
    const refusal = page.getByRole('alert').filter({ hasText: 'Could not load users' });
    await refusal.getByText('querystring/role').waitFor();
    await refusal.getByRole('button', { name: 'Try again' }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('row').filter({ hasText: strangerEmail }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});
