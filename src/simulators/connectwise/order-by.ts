// `orderBy=contact/name asc, id desc` (reference §3.3 [S1]). Fields are typed from the spec schema;
// an unknown field is refused. Nulls sort first ascending, as SQL Server does (inferred); id breaks ties.
import { fail } from './errors.ts';
import type { Row } from './conditions.ts';
import { resolvePath, scalarKind, schemaNamed } from './schema.ts';

type Compare = (a: Row, b: Row) => number;

function valueAt(row: unknown, names: string[]): unknown {
  let v = row;
  for (const n of names) v = v !== null && typeof v === 'object' ? (v as Row)[n] : undefined;
  return v;
}

export function compileOrderBy(text: string | null, schemaName: string): Compare | undefined {
  if (text === null || text.trim() === '') return undefined;
  const schema = schemaNamed(schemaName);
  const keys = text.split(',').map((part) => {
    const m = /^\s*([A-Za-z_][\w/]*)\s*(asc|desc)?\s*$/i.exec(part);
    if (!m) fail(400, 'InvalidObject', `Invalid orderBy clause '${part.trim()}'.`);
    const desc = (m[2] ?? 'asc').toLowerCase() === 'desc';
    // `lastUpdated` / `dateEntered` live in `_info` on every entity (as in conditions).
    const info = /^(?:_info\/)?(lastUpdated|dateEntered)$/i.exec(m[1]!)?.[1];
    if (info)
      return { names: ['_info', info.charAt(0).toLowerCase() + info.slice(1)], desc, kind: 'date' as const };
    const found = resolvePath(schema, m[1]!);
    if (!found) fail(400, 'InvalidObject', `Unknown field name '${m[1]}' in orderBy.`);
    return { names: found.names, desc, kind: scalarKind(found.schema) };
  });
  return (a, b) => {
    for (const key of keys) {
      let x = valueAt(a, key.names);
      let y = valueAt(b, key.names);
      if (key.kind === 'date') {
        x = typeof x === 'string' ? Date.parse(x) : x;
        y = typeof y === 'string' ? Date.parse(y) : y;
      }
      let c: number;
      if (x === undefined || x === null) c = y === undefined || y === null ? 0 : -1;
      else if (y === undefined || y === null) c = 1;
      else if (typeof x === 'string' && typeof y === 'string')
        c = x.localeCompare(y, 'en', { sensitivity: 'base' });
      else c = x < y ? -1 : x > y ? 1 : 0;
      if (c !== 0) return key.desc ? -c : c;
    }
    return (a.id as number) - (b.id as number);
  };
}
