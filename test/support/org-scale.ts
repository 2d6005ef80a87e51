// A partner with many organizations, and how fast the organization-mapping page shows its first page
// of them: shared by the portal's browser test (which logs the figure) and `npm run bench -- web`
// (which sets it against its target).
import type { Page } from 'playwright-core';
import type { Client } from './client.ts';

/** Pushes `count` organizations named `Bulk Customer 00000…` through the Source API, 1,000 a batch. */
export async function pushBulkOrganizations(
  source: Client,
  partnerExternalId: string,
  count: number,
  tag: string,
): Promise<void> {
  for (let start = 0; start < count; start += 1000) {
    const items = Array.from({ length: Math.min(1000, count - start) }, (_, i) => ({
      externalId: `bulk-${tag}-${start + i}`,
      name: `Bulk Customer ${String(start + i).padStart(5, '0')}`,
      partnerExternalId,
    }));
    const res = await source.post('/api/v1/source/organizations/batch', { items });
    if (res.status >= 300) throw new Error(`organizations batch: ${res.status} ${res.text}`);
  }
}

const watched = new WeakSet<Page>();

export interface FirstPage {
  /** Rows in the hub's answer. */
  rows: number;
  /** The hub's answer, request to last byte. */
  answerMs: number;
  /** From the last answer the page needed to the first row in the DOM. */
  renderMs: number;
}

/**
 * Opens the organization mapping of a connection in `view` (with `q`, if given) and times it. The
 * moment the first row is in the page is seen from inside it (Playwright's own polling would add its
 * back-off to the figure).
 */
export async function timeOrgMappingPage(
  page: Page,
  hubUrl: string,
  connectionId: string,
  view: 'all' | 'unlinked',
  firstRowText: string,
  q?: string,
): Promise<FirstPage> {
  if (!watched.has(page)) {
    watched.add(page);
    await page.addInitScript(() => {
      const w = globalThis as any;
      new w.MutationObserver((_: unknown, obs: { disconnect(): void }) => {
        if (w.document.querySelector('tbody tr')) {
          w.firstRowAt = w.performance.now();
          obs.disconnect();
        }
      }).observe(w.document, { childList: true, subtree: true });
    });
  }
  const api = `/api/v1/connections/${connectionId}/${view === 'all' ? 'organizations?' : 'company-suggestions?'}`;
  const answered = page.waitForResponse((r) => r.url().includes(api));
  const search = q ? `&q=${encodeURIComponent(q)}` : '';
  await page.goto(`${hubUrl}/connections/${connectionId}/organizations?state=${view}${search}`);
  const body = (await (await answered).json()) as { items: unknown[] };
  await page.getByRole('row').filter({ hasText: firstRowText }).waitFor({ timeout: 60_000 });
  const [answerMs, renderMs] = await page.evaluate((a) => {
    const w = globalThis as any;
    const entry = w.performance.getEntriesByType('resource').find((e: any) => e.name.includes(a));
    // The page also waits for the connection itself; the later of the two answers is what it renders on.
    const own = w.performance
      .getEntriesByType('resource')
      .filter((e: any) => /\/api\/v1\/connections\/[^/?]+$/.test(e.name))
      .map((e: any) => e.responseEnd);
    const ready = Math.max(entry.responseEnd, ...own);
    return [entry.responseEnd - entry.requestStart, w.firstRowAt - ready];
  }, api);
  return { rows: body.items.length, answerMs, renderMs };
}
