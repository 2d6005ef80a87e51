// `npm run bench`: measures the hub over real HTTP on the embedded database and, when DATABASE_URL is
// set, on PostgreSQL too. Prints a table and writes .bench/results.json. Later issues add their
// figures (event ingest, event-to-ticket latency, storms) here.
import { mkdir, writeFile } from 'node:fs/promises';
import { companyMatch } from './company-match.ts';
import { sourceUpserts } from './source-upserts.ts';

const results = [await companyMatch(), await sourceUpserts('pglite')];
if (process.env.DATABASE_URL) results.push(await sourceUpserts('postgres'));

console.table(results.flatMap((r) => r.rows));
await mkdir('.bench', { recursive: true });
await writeFile('.bench/results.json', JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
console.log('written to .bench/results.json');
