// PATCH bodies (reference §5 [S1, S6]): a JSON array of `{op, path, value}`; `op` is add, replace or
// remove; `path` is the field name, case-sensitive, without a leading `/` (a leading `/` is tolerated).
// Patching a sub-field of a reference (`company/identifier`) gives "a false 200" [S1]: the server
// answers 200 and changes nothing — reproduced here on purpose.
import { fail } from './errors.ts';
import type { JsonSchema } from './schema.ts';

export function applyPatch(
  current: Record<string, unknown>,
  ops: unknown,
  schema: JsonSchema,
  resource: string,
): Record<string, unknown> {
  if (!Array.isArray(ops)) fail(400, 'InvalidObject', `${resource} patch operations must be an array`);
  const next = structuredClone(current);
  const props = schema.properties ?? {};
  for (const raw of ops) {
    if (raw === null || typeof raw !== 'object')
      fail(400, 'InvalidObject', 'Each patch operation must be an object');
    const { op, path, value } = raw as { op?: unknown; path?: unknown; value?: unknown };
    const opName = typeof op === 'string' ? op.toLowerCase() : '';
    if (opName !== 'add' && opName !== 'replace' && opName !== 'remove')
      fail(400, 'InvalidObject', `The op '${String(op)}' is not supported. Use add, replace or remove.`);
    if (typeof path !== 'string' || path.replace(/^\//, '') === '')
      fail(400, 'InvalidObject', 'A patch operation needs a path');
    const parts = path.replace(/^\//, '').split('/');
    const field = parts[0]!;
    if (!(field in props) || field === 'id' || field === '_info')
      fail(400, 'InvalidObject', `Cannot patch path '${path}': no such field on ${resource}`);
    if (parts.length > 1) continue; // the documented "false 200" [S1]
    next[field] = opName === 'remove' ? null : value;
  }
  return next;
}
