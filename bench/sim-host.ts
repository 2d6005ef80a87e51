// The simulators of a benchmark in a process of their own (as a real PSA is elsewhere): their work
// — large in-memory tables searched and copied on every query — is then not done on the hub's
// event loop and not counted in its time. Started by `startRemoteSimulators` (bench/fixture.ts is
// in-process); answers each simulator's kind, url and credentials over IPC, and ends with its parent.
import { startSimulator, type SimKind } from '../src/simulators/index.ts';

const kinds = JSON.parse(process.argv[2] ?? '[]') as SimKind[];
const sims = [];
for (const kind of kinds) sims.push(await startSimulator(kind, { port: 0 }));
process.send!(sims.map((s) => ({ kind: s.kind, url: s.url, credentials: s.credentials })));
process.on('disconnect', () => process.exit(0));
