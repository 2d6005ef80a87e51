// `npm run bench`: measures the hub over real HTTP on the embedded database and on PostgreSQL too
// (DATABASE_URL, or the local server at 127.0.0.1:5432 database `test` when it answers; each run
// makes and drops a scratch database). Prints a table and writes .bench/results.json.
// `node bench/run.ts alerts` runs only the alert benchmarks (ingest, event-to-ticket latency, PSA
// calls per lifecycle, storm); `node bench/run.ts core` only the others.
// Figures are wall-clock on whatever else the machine is doing: compare runs on a quiet machine.
import { mkdir, writeFile } from 'node:fs/promises';
import { alertCalls } from './alert-calls.ts';
import { findPostgres, type BenchResult } from './fixture.ts';
import { alertIngest } from './alert-ingest.ts';
import { alertLatency } from './alert-latency.ts';
import { alertStorm } from './alert-storm.ts';
import { companyMatch } from './company-match.ts';
import { sourceUpserts } from './source-upserts.ts';

const only = process.argv[2];
if (only !== undefined && only !== 'alerts' && only !== 'core') {
  console.error('usage: node bench/run.ts [alerts|core]');
  process.exit(2);
}
const postgresUrl = await findPostgres();
if (!postgresUrl) console.log('no PostgreSQL answers: measuring on the embedded database only');
const started = performance.now();
const results: (BenchResult & { seconds: number })[] = [];
const step = async (name: string, run: () => Promise<BenchResult>) => {
  const t0 = performance.now();
  console.log(`${name}…`);
  results.push({ ...(await run()), seconds: Math.round((performance.now() - t0) / 100) / 10 });
};

if (only !== 'alerts') {
  await step('company match', companyMatch);
  await step('source upserts (pglite)', () => sourceUpserts('pglite'));
  if (postgresUrl) await step('source upserts (postgres)', () => sourceUpserts('postgres', postgresUrl));
}
if (only !== 'core') {
  // Latency and storm run on PostgreSQL when there is one (the deployment for load), else embedded.
  const loaded = postgresUrl ? 'postgres' : 'pglite';
  await step('alert ingest (pglite)', () => alertIngest('pglite'));
  if (postgresUrl) await step('alert ingest (postgres)', () => alertIngest('postgres', postgresUrl));
  await step('PSA calls per alert lifecycle (pglite)', () => alertCalls('pglite'));
  await step(`event-to-ticket latency (${loaded})`, () => alertLatency(loaded, postgresUrl));
  await step(`storm (${loaded})`, () => alertStorm(loaded, postgresUrl));
}

console.table(results.flatMap((r) => r.rows));
const misses = results.flatMap((r) => r.rows).filter((r) => r.met === 'NO');
if (misses.length)
  console.log(`${misses.length} target(s) missed: ${misses.map((m) => m.measure).join('; ')}`);
console.log(`took ${Math.round((performance.now() - started) / 1000)} s`);
await mkdir('.bench', { recursive: true });
await writeFile('.bench/results.json', JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
console.log('written to .bench/results.json');
process.exit(0);
