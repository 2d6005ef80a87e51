// The portal's API types are generated from the hub's OpenAPI document and committed; this fails when
// a route changed and `npm run gen:api` was not run.
import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from '../../scripts/api-types.ts';

test('src/web/client/schema.d.ts matches the OpenAPI document (run `npm run gen:api` if not)', async () => {
  const committed = await readFile(API_TYPES_FILE, 'utf8');
  const fresh = await generateApiTypes();
  expect(committed === fresh, 'src/web/client/schema.d.ts is stale: run `npm run gen:api`').toBe(true);
});
