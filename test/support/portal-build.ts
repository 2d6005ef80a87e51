// vitest globalSetup: the browser tests need the built portal, so build it once before any test file
// starts if src/web changed since the last build (scripts/build-portal.ts; a no-op when up to date).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/build-portal.ts', import.meta.url))], {
    stdio: 'inherit',
  });
}
