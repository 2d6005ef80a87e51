// The integrations page and the connect wizard in Chromium, against a real hub and the three PSA
// simulators over HTTP: each PSA connected through its form, a wrong key refused with the PSA's own
// reason, a connection checked, made default, reset and disconnected, and a viewer offered nothing
// it may not do. Every page passes axe (no serious or critical violation).
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { NEW_PASSWORD } from '../support/hub.ts';
import type { SimKind } from '../../src/simulators/index.ts';
import {
  field,
  seriousA11yViolations,
  signInFirstTime,
  startPortalRig,
  type PortalRig,
} from '../support/portal.ts';

vi.setConfig({ testTimeout: 120_000 });

let rig: PortalRig;
let owner: { email: string; oneTimePassword: string };
beforeAll(async () => {
  rig = await startPortalRig();
  owner = await rig.invite('owner');
});
afterAll(() => rig?.stop());

const labels: Record<SimKind, string> = {
  connectwise: 'ConnectWise PSA',
  autotask: 'Autotask PSA',
  halopsa: 'HaloPSA',
};

/** Fill the wizard of `kind` from the PSA's description: every field found by its label. */
async function fillWizard(page: Page, kind: SimKind, credentials: Record<string, string>) {
  const answer = await rig.hub.operator.get('/api/v1/psa-kinds');
  const descriptor = answer.body.items.find((k: { kind: string }) => k.kind === kind);
  await field(page, descriptor.siteUrl.label).fill(rig.simulators[kind].url);
  for (const f of descriptor.credentials) await field(page, f.label).fill(credentials[f.name] ?? '');
}

const card = (page: Page, kind: SimKind) => page.getByRole('region', { name: labels[kind] });

test('an owner connects each PSA through the wizard; a wrong key shows the PSA’s reason', async () => {
  const { page, problems, close } = await rig.open('/integrations');
  try {
    await signInFirstTime(page, owner);
    for (const kind of ['connectwise', 'autotask', 'halopsa'] as const)
      await card(page, kind).getByText('Not connected').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // ConnectWise with a wrong private key: refused, nothing stored, the PSA's reason on screen.
    await card(page, 'connectwise').getByRole('link', { name: 'Connect ConnectWise PSA' }).click();
    await page.getByRole('heading', { name: 'Connect ConnectWise PSA' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    const cw = rig.simulators.connectwise.credentials;
    await fillWizard(page, 'connectwise', { ...cw, privateKey: 'wrong-private-key' });
    await page.getByRole('button', { name: 'Validate & save' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'did not accept' });
    await refusal.waitFor();
    const reason = (await refusal.textContent()) ?? '';
    const api = await rig.hub.operator.post('/api/v1/connections', {
      partnerId: rig.partnerId,
      kind: 'connectwise',
      name: 'probe',
      siteUrl: rig.simulators.connectwise.url,
      credentials: { ...cw, privateKey: 'wrong-private-key' },
    });
    expect(api.status).toBeGreaterThanOrEqual(400);
    expect(reason).toContain(api.body.error.message);
    expect((await rig.hub.operator.get(`/api/v1/connections?partnerId=${rig.partnerId}`)).body.items).toEqual(
      [],
    );
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The right key: on to the connection's page with the permission check.
    await field(page, 'Private key').fill(cw.privateKey!);
    await page.getByRole('button', { name: 'Validate & save' }).click();
    await page.getByText('Connected to ConnectWise PSA').waitFor();
    await page.getByText('Every permission the hub needs is granted').waitFor();
    expect(page.url()).toMatch(/\/connections\/[0-9a-f-]{36}\/ticket-settings$/);
    expect(await seriousA11yViolations(page)).toEqual([]);

    for (const kind of ['autotask', 'halopsa'] as const) {
      await page.getByRole('link', { name: 'Integrations' }).first().click();
      await card(page, kind)
        .getByRole('link', { name: `Connect ${labels[kind]}` })
        .click();
      await fillWizard(page, kind, rig.simulators[kind].credentials);
      await page.getByRole('button', { name: 'Validate & save' }).click();
      await page.getByText(`Connected to ${labels[kind]}`).waitFor();
    }

    const stored = (await rig.hub.operator.get(`/api/v1/connections?partnerId=${rig.partnerId}`)).body.items;
    expect(stored.map((c: { kind: string }) => c.kind).sort()).toEqual([
      'autotask',
      'connectwise',
      'halopsa',
    ]);
    expect(stored.find((c: { kind: string }) => c.kind === 'connectwise').isDefault).toBe(true);

    await page.getByRole('link', { name: 'Integrations' }).first().click();
    for (const kind of ['connectwise', 'autotask', 'halopsa'] as const)
      await card(page, kind).getByText('Connected', { exact: true }).waitFor();
    await card(page, 'connectwise').getByText('Default', { exact: true }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('an owner checks permissions, makes another PSA the default, and disconnects one after confirming', async () => {
  const { page, problems, close } = await rig.open('/integrations');
  try {
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await field(page, 'E-mail').fill(owner.email);
    await field(page, 'Password').fill('a-long-portal-password-7');
    await page.getByRole('button', { name: 'Sign in' }).click();

    const halo = card(page, 'halopsa');
    await halo.getByRole('button', { name: 'Check permissions' }).click();
    // Halo's writes cannot be probed without writing: they show as not verified, not as granted.
    await halo.getByText('No permission is missing; 5 could not be verified').waitFor();
    await halo.getByText(/Create and update tickets — not verified\. .*edit:tickets/).waitFor();

    await halo.getByRole('button', { name: 'Make default' }).click();
    await halo.getByText('Default', { exact: true }).waitFor();
    await expect.poll(() => card(page, 'connectwise').getByText('Default', { exact: true }).count()).toBe(0);

    await card(page, 'autotask').getByRole('button', { name: 'Disconnect' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('The stored credentials are destroyed').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await card(page, 'autotask').getByText('Connected', { exact: true }).waitFor();

    await card(page, 'autotask').getByRole('button', { name: 'Disconnect' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Disconnect Autotask PSA' }).click();
    await card(page, 'autotask').getByText('Not connected').waitFor();
    const autotask = (
      await rig.hub.operator.get(`/api/v1/connections?partnerId=${rig.partnerId}`)
    ).body.items.find((c: { kind: string }) => c.kind === 'autotask');
    expect(autotask.status).toBe('revoked');
    // Dialogs and messages add style tags of their own: each carries the CSP nonce.
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('a viewer sees the connections and no control that changes them', async () => {
  const viewer = await rig.invite('viewer');
  const { page, close } = await rig.open('/integrations');
  try {
    await signInFirstTime(page, viewer);
    await card(page, 'halopsa').getByText('Connected', { exact: true }).waitFor();
    await card(page, 'autotask').getByText('Your role is read only').waitFor();
    for (const name of [
      /^Connect /,
      // Checking calls the PSA and rewrites the connection's health: not a viewer's to do.
      'Check permissions',
      'Edit credentials',
      'Make default',
      'Reset configuration',
      'Disconnect',
    ]) {
      expect(await page.getByRole('button', { name }).count(), String(name)).toBe(0);
      expect(await page.getByRole('link', { name }).count(), String(name)).toBe(0);
    }
    // The wizard's address, typed in, offers no form either.
    await page.goto(`${rig.hub.url}/integrations/connect/autotask`);
    await page.getByText('Your role is read only').waitFor();
    expect(await page.getByRole('button', { name: 'Validate & save' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  } finally {
    await close();
  }
});

test('new credentials the PSA refuses are not saved: its reason shows and the old ones keep working', async () => {
  const { page, problems, close } = await rig.open('/integrations');
  try {
    await field(page, 'E-mail').fill(owner.email);
    await field(page, 'Password').fill('a-long-portal-password-7');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const halo = card(page, 'halopsa');
    await halo.getByRole('button', { name: 'Edit credentials' }).click();
    const dialog = page.getByRole('dialog');
    // Stored secrets are never shown: the secret field starts empty and says one is stored.
    expect(await field(dialog, 'Client secret').inputValue()).toBe('');
    await dialog.getByPlaceholder('Stored — type a new one to replace it').waitFor();
    expect(await field(dialog, 'Client ID').inputValue()).toBe(rig.simulators.halopsa.credentials.clientId);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await field(dialog, 'Client secret').fill('not-the-secret');
    await dialog.getByRole('button', { name: 'Validate & save' }).click();
    await dialog.getByText('Not saved: the old credentials stay').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await halo.getByRole('button', { name: 'Check permissions' }).click();
    await halo.getByText('No permission is missing; 5 could not be verified').waitFor();
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('an operator picks the partner whose integrations to see', async () => {
  const { page, close } = await rig.open('/integrations');
  try {
    await field(page, 'E-mail').fill('operator@localhost');
    await field(page, 'Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('No partner chosen').waitFor();
    await page
      .getByRole('textbox', { name: 'Partner' })
      .or(page.getByRole('combobox', { name: 'Partner' }))
      .first()
      .click();
    await page.keyboard.type(rig.partnerName.slice(0, 10));
    await page.getByRole('option', { name: rig.partnerName }).click();
    await card(page, 'halopsa').getByText('Connected', { exact: true }).waitFor();
    expect(page.url()).toContain(`partner=${rig.partnerId}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
  } finally {
    await close();
  }
});
