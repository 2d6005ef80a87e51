// `npm run gen:api`: writes the portal's API types from the hub's OpenAPI document.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { API_TYPES_FILE, generateApiTypes } from './api-types.ts';

await writeFile(API_TYPES_FILE, await generateApiTypes());
console.log(`wrote ${fileURLToPath(API_TYPES_FILE)}`);
