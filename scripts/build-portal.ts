// Builds the portal (src/web → dist/portal) when the build is missing or stale. `npm ci` runs it
// (prepare) and so does `npm start` (prestart), so a fresh clone serves the portal with no other
// step, and a `git pull` that changed src/web rebuilds it. Stale means: the hash of src/web, the
// lock file and this script differs from the one stamped into the last build. `--force` always builds.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Vite from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const webDir = path.join(root, 'src/web');
const outDir = path.join(root, 'dist/portal');
const stampFile = path.join(outDir, '.build-hash');

function inputsHash(): string {
  const hash = createHash('sha256');
  const files = [
    ...readdirSync(webDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name)),
    path.join(root, 'package-lock.json'),
    fileURLToPath(import.meta.url),
  ].sort();
  for (const file of files) hash.update(path.relative(root, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex');
}

const wanted = inputsHash();
const force = process.argv.includes('--force');
if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === wanted) {
  console.log('portal: build is up to date');
  process.exit(0);
}

let vite: typeof Vite;
try {
  vite = await import('vite');
} catch {
  // A production install without devDependencies: whatever was built before is served as it is.
  console.warn('portal: vite is not installed (devDependencies omitted?); the portal is not rebuilt');
  process.exit(0);
}
console.log('portal: building src/web → dist/portal');
await vite.build({ configFile: path.join(webDir, 'vite.config.ts'), logLevel: 'warn' });
writeFileSync(stampFile, wanted);
console.log('portal: built');
