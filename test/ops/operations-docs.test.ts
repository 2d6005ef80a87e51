// docs/operations/ ships a Grafana dashboard and Prometheus alerting rules: every metric they query
// must be one the hub exports, or the panel stays empty and the alert never fires.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startTestHub, type TestHub } from '../support/hub.ts';
import { scrape } from '../support/metrics.ts';

let t: TestHub;
let exported: Set<string>;

beforeAll(async () => {
  t = await startTestHub();
  const m = await scrape(t.url);
  exported = new Set([...m.families, ...m.samples.map((s) => s.name)]);
});
afterAll(() => t?.stop());

const keywords = new Set([
  'and',
  'or',
  'unless',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'offset',
]);

/** The metric names a PromQL expression reads (label matchers, ranges, groupings and calls removed). */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without)\s*\([^)]*\)/g, ' ');
  return [...bare.matchAll(/[a-zA-Z_:][\w:]*(?![\w:])(?!\s*\()/g)]
    .map((m) => m[0])
    .filter((name) => !keywords.has(name));
}

/** A histogram's series (`_bucket`, `_count`, `_sum`) belong to its family. */
const isExported = (name: string) =>
  exported.has(name) || exported.has(name.replace(/_(bucket|count|sum)$/, ''));

describe('docs/operations', () => {
  it('the Grafana dashboard queries only exported metrics, and covers every hub family', async () => {
    const dashboard = JSON.parse(await readFile('docs/operations/grafana-dashboard.json', 'utf8'));
    const panels = (
      dashboard.panels as { type: string; title: string; targets?: { expr: string }[] }[]
    ).filter((p) => p.type !== 'row');
    expect(panels.length).toBeGreaterThan(10);
    const queried = new Set<string>();
    for (const p of panels) {
      expect(p.targets?.length, p.title).toBeGreaterThan(0);
      for (const { expr } of p.targets!) {
        const names = metricNames(expr);
        expect(names.length, `${p.title}: ${expr}`).toBeGreaterThan(0);
        for (const name of names) {
          expect(isExported(name), `${p.title}: ${name} is not in /metrics`).toBe(true);
          queried.add(name.replace(/_(bucket|count|sum)$/, ''));
        }
      }
    }
    // Every family the hub defines itself (not the process defaults) has a panel.
    const hubFamilies = [...exported].filter(
      (n) =>
        n.startsWith('psahub_') && !/^psahub_(process|nodejs)_/.test(n) && !/_(bucket|count|sum)$/.test(n),
    );
    expect(hubFamilies.filter((f) => !queried.has(f))).toEqual([]);
  });

  it('the alerting rules parse and query only exported metrics', async () => {
    const rules = parse(await readFile('docs/operations/prometheus-alerts.yml', 'utf8'));
    const all = (rules.groups as { rules: Record<string, unknown>[] }[]).flatMap((g) => g.rules);
    expect(all.map((r) => r.alert)).toEqual(
      expect.arrayContaining([
        'PsaHubConnectionFailing',
        'PsaHubQueueStuck',
        'PsaHubDeadAlerts',
        'PsaHubAutotaskBudgetNearLimit',
        'PsaHubHttp5xx',
      ]),
    );
    for (const r of all) {
      expect(typeof r.expr, String(r.alert)).toBe('string');
      expect(r.labels, String(r.alert)).toMatchObject({
        severity: expect.stringMatching(/critical|warning|info/),
      });
      expect((r.annotations as { summary?: string }).summary, String(r.alert)).toBeTruthy();
      for (const name of metricNames(r.expr as string)) {
        expect(isExported(name), `${String(r.alert)}: ${name} is not in /metrics`).toBe(true);
      }
    }
  });
});
