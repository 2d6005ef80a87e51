// Custom fields on an entity (reference §4.19): `customfields: [{id, value}]`, where the id may be
// sent as a string ([obs] PY-CLOSE `{id: "215"}`). Posting some fields changes only those, like
// every other update (reference §2: "Only the fields sent are changed") [inferred for the array].
import { ruleError } from './errors.ts';
import { asId } from './wire.ts';

type Field = Record<string, unknown> & { id: number };

function normalise(posted: unknown): Field[] {
  if (!Array.isArray(posted)) return [];
  return posted.map((f: unknown, i) => {
    const raw = (typeof f === 'object' && f !== null ? f : {}) as Record<string, unknown>;
    const id = asId(raw.id);
    if (id === undefined || id <= 0) throw ruleError(`Custom field ${i + 1} has no valid id.`);
    return {
      ...raw,
      id,
      display: raw.display ?? (raw.value === undefined || raw.value === null ? '' : String(raw.value)),
    };
  });
}

/** The stored custom fields after a POST: posted ids replace stored ones, others stay. */
export function mergeCustomFields(stored: unknown, posted: unknown): Field[] {
  const next = new Map<number, Field>();
  for (const f of normalise(stored)) next.set(f.id, f);
  for (const f of normalise(posted)) next.set(f.id, { ...next.get(f.id), ...f });
  return [...next.values()].sort((a, b) => a.id - b.id);
}
