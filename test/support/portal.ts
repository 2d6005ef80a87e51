// Browser tests of the portal: a whole hub (test/support/hub.ts) serving the built portal, the three
// PSA simulators over HTTP, a partner pushed through the Source API, and Debian's Chromium driven by
// playwright-core (never a downloaded browser). One start per test file; every page is a fresh
// browser context, so sessions never leak between tests.
import axe from 'axe-core';
import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import {
  simulatorKinds,
  startSimulator,
  type RunningSimulator,
  type SimKind,
} from '../../src/simulators/index.ts';
import { NEW_PASSWORD, startTestHub, type TestHub } from './hub.ts';

export const CHROMIUM = process.env.PSAHUB_CHROMIUM ?? '/usr/bin/chromium';

export interface PortalRig {
  hub: TestHub;
  browser: Browser;
  simulators: Record<SimKind, RunningSimulator>;
  partnerId: string;
  partnerName: string;
  /** The partner's id on the vendor platform, for the Source API. */
  partnerExternalId: string;
  /** A user of the partner created through the API, with the one-time password it was given. */
  invite(
    role: 'owner' | 'super_admin' | 'admin' | 'viewer',
  ): Promise<{ email: string; oneTimePassword: string }>;
  /** A fresh browser context at `path` of the portal; it reports CSP violations and page errors. */
  open(path?: string, viewport?: { width: number; height: number }): Promise<PortalPage>;
  /** `open(path)`, signed in there as `email` (password NEW_PASSWORD, as test/support/hub.ts sets it). */
  signedIn(email: string, path?: string, viewport?: { width: number; height: number }): Promise<PortalPage>;
  stop(): Promise<void>;
}

export interface PortalPage {
  page: Page;
  /** Content-Security-Policy violations and uncaught errors seen so far. */
  problems: string[];
  close(): Promise<void>;
}

export const PORTAL_PASSWORD = 'a-long-portal-password-7';

export async function startPortalRig(): Promise<PortalRig> {
  const hub = await startTestHub();
  const simulators = {} as Record<SimKind, RunningSimulator>;
  let browser: Browser | undefined;
  try {
    for (const kind of simulatorKinds) simulators[kind] = await startSimulator(kind, { port: 0 });
    const partnerName = `Portal Partner ${randomBytes(3).toString('hex')}`;
    const partnerExternalId = `portal-${randomBytes(4).toString('hex')}`;
    const created = await hub.source.put(`/api/v1/source/partners/${partnerExternalId}`, {
      name: partnerName,
      kind: 'direct_reseller',
    });
    if (created.status !== 201) throw new Error(`could not push a partner: ${created.text}`);
    const partnerId = created.body.id as string;
    browser = await launchChromium();
    const b = browser;
    const rig: PortalRig = {
      hub,
      browser: b,
      simulators,
      partnerId,
      partnerName,
      partnerExternalId,
      async invite(role) {
        const email = `${role}-${randomBytes(3).toString('hex')}@example.com`;
        const answer = await hub.operator.post('/api/v1/users', {
          email,
          name: `A ${role}`,
          partnerId,
          role,
        });
        if (answer.status !== 201) throw new Error(`could not invite: ${answer.text}`);
        return { email, oneTimePassword: answer.body.oneTimePassword as string };
      },
      async open(path = '/', viewport = { width: 1280, height: 800 }) {
        const context = await b.newContext({ viewport, reducedMotion: 'reduce' });
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
        page.on('console', (msg) => {
          if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text()))
            problems.push(`csp: ${msg.text()}`);
        });
        await page.goto(hub.url + path);
        return { page, problems, close: () => context.close() };
      },
      async signedIn(email, path = '/', viewport) {
        const opened = await rig.open(path, viewport);
        await signIn(opened.page, email, NEW_PASSWORD);
        await opened.page.getByRole('navigation', { name: 'Sections' }).waitFor();
        return opened;
      },
      async stop() {
        await b.close().catch(() => {});
        await Promise.all(Object.values(simulators).map((s) => s.stop()));
        await hub.stop();
      },
    };
    return rig;
  } catch (err) {
    await browser?.close().catch(() => {});
    await Promise.all(Object.values(simulators).map((s) => s.stop().catch(() => {})));
    await hub.stop();
    throw err;
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** The form field labelled exactly `label` (Mantine appends " *" to the label of a required one). */
export function field(scope: Page | Locator, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
}

/** Sign in through the form; a one-time password then leads to the forced change, done here too. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await field(page, 'E-mail').fill(email);
  await field(page, 'Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signInFirstTime(
  page: Page,
  user: { email: string; oneTimePassword: string },
): Promise<void> {
  await signIn(page, user.email, user.oneTimePassword);
  await field(page, 'One-time password').fill(user.oneTimePassword);
  await field(page, 'New password').fill(PORTAL_PASSWORD);
  await field(page, 'New password again').fill(PORTAL_PASSWORD);
  await page.getByRole('button', { name: 'Change password and continue' }).click();
  // Signed in: the shell shows its sections, on whichever page was asked for.
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol: an injected <script> would be (rightly) refused by the CSP.
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const page = globalThis as any;
    const result = await page.axe.run(page.document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map(
        (n: any) => `${n.target.join(' ')}: ${n.html.slice(0, 160)} ${n.failureSummary ?? ''}`,
      ),
    }));
  });
  return (violations as AxeViolation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
