// Signing in through the portal in Chromium against a real hub: the one-time password forces a
// change, a wrong password says so, sign-out ends the session, and the pages pass axe.
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import {
  field,
  PORTAL_PASSWORD,
  seriousA11yViolations,
  signIn,
  signInFirstTime,
  startPortalRig,
  type PortalRig,
} from '../support/portal.ts';

vi.setConfig({ testTimeout: 90_000 });

let rig: PortalRig;
beforeAll(async () => {
  rig = await startPortalRig();
});
afterAll(() => rig?.stop());

test('a first sign-in forces the password change; the new password then signs in', async () => {
  const user = await rig.invite('owner');
  const { page, problems, close } = await rig.open('/integrations');
  try {
    await page.getByRole('heading', { name: 'psa-hub' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await signIn(page, user.email, 'not-the-password');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('password');

    await signIn(page, user.email, user.oneTimePassword);
    await page.getByRole('heading', { name: 'Choose your password' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Two different new passwords are refused before the hub is asked.
    await field(page, 'One-time password').fill(user.oneTimePassword);
    await field(page, 'New password').fill(PORTAL_PASSWORD);
    await field(page, 'New password again').fill(`${PORTAL_PASSWORD}x`);
    await page.getByRole('button', { name: 'Change password and continue' }).click();
    await page.getByText('The two new passwords differ').waitFor();
    // Too short: the hub's own rule comes back.
    await field(page, 'New password').fill('short');
    await field(page, 'New password again').fill('short');
    await page.getByRole('button', { name: 'Change password and continue' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('at least 12 characters');

    await field(page, 'New password').fill(PORTAL_PASSWORD);
    await field(page, 'New password again').fill(PORTAL_PASSWORD);
    await page.getByRole('button', { name: 'Change password and continue' }).click();
    await page.getByRole('heading', { name: 'Integrations' }).waitFor();
    expect(page.url()).toBe(`${rig.hub.url}/integrations`);
    await page.getByText(user.email).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    // The session is gone on the hub too, not only in the page.
    const me = await page.evaluate(() => fetch('/api/v1/me').then((r) => r.status));
    expect(me).toBe(401);

    await signIn(page, user.email, PORTAL_PASSWORD);
    await page.getByRole('heading', { name: 'Integrations' }).waitFor();
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test('the portal is served with its security headers; the API keeps its own 404s', async () => {
  const index = await fetch(`${rig.hub.url}/connections/some-deep-link`);
  expect(index.status).toBe(200);
  expect(index.headers.get('content-type')).toContain('text/html');
  expect(index.headers.get('cache-control')).toBe('no-cache');
  const csp = index.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(await index.text()).toContain(`content="${nonce}"`);
  expect(index.headers.get('x-content-type-options')).toBe('nosniff');
  expect(index.headers.get('referrer-policy')).toBe('no-referrer');

  const asset = /src="(\/assets\/[^"]+\.js)"/.exec(await (await fetch(rig.hub.url)).text())?.[1];
  const js = await fetch(rig.hub.url + asset);
  expect(js.status).toBe(200);
  expect(js.headers.get('cache-control')).toContain('immutable');

  for (const path of ['/api/v1/nothing-here', '/healthz/x', '/metrics/x', '/assets/missing.js']) {
    const answer = await fetch(rig.hub.url + path);
    expect(answer.status, path).toBe(404);
    expect(answer.headers.get('content-type'), path).toContain('application/json');
  }
  expect((await fetch(`${rig.hub.url}/healthz`)).status).toBe(200);
});

test('signInFirstTime helper works for later tests', async () => {
  const user = await rig.invite('admin');
  const { page, close } = await rig.open('/');
  try {
    await signInFirstTime(page, user);
    // The portal's front door is the dashboard.
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(page.url()).toBe(`${rig.hub.url}/dashboard`);
  } finally {
    await close();
  }
});

test('by keyboard alone: sign in, reach a PSA card’s connect link, open the wizard', async () => {
  const user = await rig.invite('admin');
  const { page, close } = await rig.open('/integrations');
  try {
    await signInFirstTime(page, user);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await field(page, 'E-mail').waitFor();
    // The e-mail field has the focus; Tab goes on to the password, Enter submits.
    await page.keyboard.type(user.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PORTAL_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Integrations' }).waitFor();
    const target = page.getByRole('link', { name: 'Connect HaloPSA' });
    await target.waitFor();
    for (let i = 0; i < 40 && !(await target.evaluate((el) => el === el.ownerDocument.activeElement)); i++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Connect HaloPSA' }).waitFor();
  } finally {
    await close();
  }
});

test('a session that ends elsewhere leads back to the sign-in page, not to an error', async () => {
  const user = await rig.invite('viewer');
  const { page, close } = await rig.open('/');
  try {
    await signInFirstTime(page, user);
    await page.context().clearCookies();
    await page.getByRole('link', { name: 'Alerts', exact: true }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  } finally {
    await close();
  }
});
