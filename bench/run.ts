// `npm run bench`: measures the hub over real HTTP on the embedded database and on PostgreSQL too
// (DATABASE_URL, or the local server at 127.0.0.1:5432 database `test` when it answers; each run
// makes and drops a scratch database). Prints a table and writes .bench/results.json.
// `node bench/run.ts latency storm` runs only those (see `groups` below for the names).
// Figures are wall-clock on whatever else the machine is doing: compare runs on a quiet machine.
import { mkdir, writeFile } from 'node:fs/promises';
import { alertCalls } from './alert-calls.ts';
import { findPostgres, type BenchResult } from './fixture.ts';
import { alertIngest } from './alert-ingest.ts';
import { alertLatency } from './alert-latency.ts';
import { alertStorm } from './alert-storm.ts';
import { alertWorkers } from './alert-workers.ts';
import { billingBench } from './billing.ts';
import { companyMatch } from './company-match.ts';
import { portalBench } from './portal.ts';
import { sourceUpserts } from './source-upserts.ts';

// Each benchmark by name; `alerts` and `core` name groups.
const groups: Record<string, string[]> = {
  core: ['match', 'upserts'],
  alerts: ['ingest', 'calls', 'latency', 'storm'],
  scale: ['workers'],
  billing: ['billing-runs'],
  web: ['portal'],
};
const all = Object.values(groups).flat();
const asked = process.argv.slice(2).flatMap((a) => groups[a] ?? [a]);
const unknown = asked.filter((a) => !all.includes(a));
if (unknown.length) {
  console.error(`usage: node bench/run.ts [${[...Object.keys(groups), ...all].join('|')}]...`);
  process.exit(2);
}
const wanted = (name: string) => asked.length === 0 || asked.includes(name);
const postgresUrl = await findPostgres();
if (!postgresUrl) console.log('no PostgreSQL answers: measuring on the embedded database only');
const started = performance.now();
const results: (BenchResult & { seconds: number })[] = [];
const step = async (name: string, run: () => Promise<BenchResult>) => {
  const t0 = performance.now();
  console.log(`${name}…`);
  results.push({ ...(await run()), seconds: Math.round((performance.now() - t0) / 100) / 10 });
};

if (wanted('match')) await step('company match', companyMatch);
if (wanted('upserts')) {
  await step('source upserts (pglite)', () => sourceUpserts('pglite'));
  if (postgresUrl) await step('source upserts (postgres)', () => sourceUpserts('postgres', postgresUrl));
}
if (wanted('ingest')) {
  await step('alert ingest (pglite)', () => alertIngest('pglite'));
  if (postgresUrl) await step('alert ingest (postgres)', () => alertIngest('postgres', postgresUrl));
}
if (wanted('calls')) await step('PSA calls per alert lifecycle (pglite)', () => alertCalls('pglite'));
// Latency and storm run on PostgreSQL when there is one (the deployment for load), else embedded.
const loaded = postgresUrl ? 'postgres' : 'pglite';
if (wanted('latency'))
  await step(`event-to-ticket latency (${loaded})`, () => alertLatency(loaded, postgresUrl));
if (wanted('storm')) await step(`storm (${loaded})`, () => alertStorm(loaded, postgresUrl));
// Worker processes side by side need a database they can share: PostgreSQL only.
if (wanted('workers')) {
  if (postgresUrl)
    await step('event-to-ticket over 1, 2, 4 worker processes (postgres)', () => alertWorkers(postgresUrl));
  else console.log('workers: skipped, it needs PostgreSQL');
}
// Billing at scale (BENCH_BILLING_LINKS, 10,000 by default: see bench/billing.ts for the knobs).
// The portal in Chromium (the database makes no difference to it: embedded).
if (wanted('portal')) await step('portal (chromium)', portalBench);
if (wanted('billing-runs')) await step(`billing runs (${loaded})`, () => billingBench(loaded, postgresUrl));

console.table(results.flatMap((r) => r.rows));
const misses = results.flatMap((r) => r.rows).filter((r) => r.met === 'NO');
if (misses.length)
  console.log(`${misses.length} target(s) missed: ${misses.map((m) => m.measure).join('; ')}`);
console.log(`took ${Math.round((performance.now() - started) / 1000)} s`);
await mkdir('.bench', { recursive: true });
await writeFile('.bench/results.json', JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
console.log('written to .bench/results.json');
process.exit(0);
