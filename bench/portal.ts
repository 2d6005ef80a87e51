// The portal's figures, in Debian's Chromium against a real hub and the simulators: the JavaScript a
// first visit loads (gzipped, as sent over the wire by any gzip-serving proxy), for the sign-in page
// and for the dashboard after signing in; and what a new user does to go from the sign-in page to a
// connected ConnectWise with its ticket settings saved, following the wizard — clicks and fields
// counted as the script makes them: a click is a button or link pressed, a field one typed or
// chosen. Nerdio's wizard for ConnectWise, counted from its own steps (../shared/seeds/002_…):
// Settings, Integrations, Add credentials, Validate & Save, Next, Validate & Save, Next, Save & Close
// (8 clicks); system type, display name, company, domain, public and private key, then board, ticket
// type, open / resolved / cancelled status, default and five severities (17 fields). Then, with 10,000
// organizations pushed, the organization mapping's first page: from the hub's last answer to the first
// row on screen, the median of five loads per view, beside the same page searched down to one row (the
// baseline: the page's own cost on this machine at this moment).
import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import { pushBulkOrganizations, timeOrgMappingPage } from '../test/support/org-scale.ts';
import { field, signInFirstTime, startPortalRig } from '../test/support/portal.ts';
import type { BenchResult, Row } from './fixture.ts';

const JS_TARGET_KB = 250;
const NERDIO = { clicks: 8, fields: 17 };
const FIRST_PAGE_TARGET_MS = 300;
const LOADS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Gzipped kilobytes of the scripts `page` loads while `act` runs. */
async function scriptKb(page: Page, act: () => Promise<void>): Promise<number> {
  const bodies: Promise<Buffer>[] = [];
  const onResponse = (r: Response) => {
    if (r.request().resourceType() === 'script') bodies.push(r.body());
  };
  page.on('response', onResponse);
  await act();
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  const bytes = (await Promise.all(bodies)).reduce((n, b) => n + gzipSync(b).length, 0);
  return Math.round(bytes / 102.4) / 10;
}

export async function portalBench(): Promise<BenchResult> {
  const rig = await startPortalRig();
  const rows: Row[] = [];
  const row = (measure: string, value: number, target: string, met: boolean) =>
    rows.push({ backend: 'pglite', measure, value, target, met: met ? 'yes' : 'NO' });
  try {
    const owner = await rig.invite('owner');
    const context = await rig.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      const signInKb = await scriptKb(page, async () => {
        await page.goto(`${rig.hub.url}/`);
        await field(page, 'E-mail').waitFor();
      });
      row(
        'first load JS, sign-in page (KB gzipped)',
        signInKb,
        `≤ ${JS_TARGET_KB}`,
        signInKb <= JS_TARGET_KB,
      );
      const dashboardKb = await scriptKb(page, async () => {
        await signInFirstTime(page, owner);
        await page.getByRole('heading', { name: 'Dashboard' }).first().waitFor();
      });
      const firstRoute = signInKb + dashboardKb;
      row(
        'JS to the dashboard, in all (KB gzipped)',
        firstRoute,
        `≤ ${JS_TARGET_KB}`,
        firstRoute <= JS_TARGET_KB,
      );

      // The wizard, counted from the dashboard (sign-in is the same for every product).
      let clicks = 0;
      let fields = 0;
      const click = async (name: string, role: 'link' | 'button' | 'option' = 'button') => {
        clicks++;
        await page.getByRole(role, { name, exact: true }).first().click();
      };
      const fill = async (label: string, value: string) => {
        fields++;
        await field(page, label).fill(value);
      };
      const started = performance.now();
      await click('Integrations', 'link');
      await click('Connect ConnectWise PSA', 'link');
      const kinds = (await rig.hub.operator.get('/api/v1/psa-kinds')).body.items as {
        kind: string;
        siteUrl: { label: string };
        credentials: { name: string; label: string }[];
      }[];
      const cw = kinds.find((k) => k.kind === 'connectwise')!;
      const sim = rig.simulators.connectwise;
      await fill(cw.siteUrl.label, sim.url);
      for (const f of cw.credentials) await fill(f.label, sim.credentials[f.name] ?? '');
      await click('Validate & save');
      await page.getByRole('heading', { name: 'Ticket settings', exact: true }).waitFor();
      for (const [label, option] of [
        ['Service board', 'Backup Alerts'],
        ['Status when opened', 'New'],
        ['Status when resolved', 'Resolved'],
      ] as const) {
        fields++;
        await page.getByRole('combobox', { name: new RegExp(`^${label}( \\*)?$`) }).click();
        await page
          .getByRole('option', { name: new RegExp(`^${option}`) })
          .first()
          .click();
      }
      await click('Save ticket settings');
      await page.getByText('Now: Backup Alerts — set here').waitFor();
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      row(
        'wizard to a saved ticket setting: clicks',
        clicks,
        `< ${NERDIO.clicks} (Nerdio)`,
        clicks < NERDIO.clicks,
      );
      row(
        'wizard to a saved ticket setting: fields',
        fields,
        `< ${NERDIO.fields} (Nerdio)`,
        fields < NERDIO.fields,
      );
      rows.push({
        backend: 'pglite',
        measure: 'wizard to a saved ticket setting: seconds (scripted)',
        value: seconds,
        met: '',
      });

      const connectionId = (await rig.hub.operator.get(`/api/v1/connections?partnerId=${rig.partnerId}`)).body
        .items[0].id as string;
      await pushBulkOrganizations(rig.hub.source, rig.partnerExternalId, 10_000, 'bench');
      for (const view of ['all', 'unlinked'] as const) {
        const times = async (q?: string) => {
          const ms: number[] = [];
          for (let i = 0; i < LOADS; i++)
            ms.push(
              (await timeOrgMappingPage(page, rig.hub.url, connectionId, view, 'Bulk Customer 00000', q))
                .renderMs,
            );
          return Math.round(median(ms));
        };
        const one = await times('Bulk Customer 00000');
        const fifty = await times();
        rows.push({
          backend: 'pglite',
          measure: `org mapping (${view}), 1 row of 10,000: ms to first row`,
          value: one,
          met: '',
        });
        row(
          `org mapping (${view}), first 50 of 10,000: ms to first row`,
          fifty,
          `≤ ${FIRST_PAGE_TARGET_MS}`,
          fifty <= FIRST_PAGE_TARGET_MS,
        );
      }
    } finally {
      await context.close();
    }
  } finally {
    await rig.stop();
  }
  return { backend: 'pglite', rows };
}
