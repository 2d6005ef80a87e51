#!/usr/bin/env node
/* global process, console */
// The published entry: Node 24 strips the types of the TypeScript sources as it loads them. An older
// Node cannot load them at all, so it is told what to run instead (npx and npm scripts put the
// project's own Node 24, the `node` devDependency, first on the PATH).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `psa-hub: needs Node.js 24, this is ${process.version}; run it as "npx psa-hub …" or "npm start" ` +
      'in the project (they use its Node 24), or put Node 24 first on the PATH',
  );
  process.exit(2);
}
await import('../src/cli.ts');
