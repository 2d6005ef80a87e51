// DESIGN.md's dependency rule for the portal: src/web talks to the hub over HTTP only, so it imports
// nothing outside src/web, and nothing of the hub imports src/web (the hub serves only its build).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const src = fileURLToPath(new URL('../../src/', import.meta.url));
const web = path.join(src, 'web');

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Relative import specifiers of a file, resolved to absolute paths. */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map(
    (m) => m[1]!,
  );
  return specifiers.map((s) => path.resolve(path.dirname(file), s));
}

test('src/web imports nothing outside src/web', () => {
  const outside = sources(web)
    .filter((f) => !f.endsWith('vite.config.ts'))
    .flatMap((f) =>
      relativeImports(f)
        .filter((i) => !i.startsWith(web + path.sep))
        .map((i) => `${f} → ${i}`),
    );
  expect(outside).toEqual([]);
});

test('nothing of the hub imports src/web', () => {
  const hubFiles = sources(src).filter((f) => !f.startsWith(web + path.sep));
  expect(hubFiles.length).toBeGreaterThan(50);
  const into = hubFiles.flatMap((f) =>
    relativeImports(f)
      .filter((i) => i === web || i.startsWith(web + path.sep))
      .map((i) => `${f} → ${i}`),
  );
  expect(into).toEqual([]);
});
