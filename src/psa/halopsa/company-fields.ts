// Client custom fields (reference §4.19): definitions from `GET /api/FieldInfo?typeid=2` (an array
// of `FieldInfo`, SPEC-2024; typeid 2 = client fields per halopsa-node docs/field-info.md), values
// in the client's `customfields: [{id, value, …}]`, and a write is one `POST /api/Client` of
// `[{id, customfields: [{id, value}]}]` with only the fields that differ (reference §2: posting some
// fields changes only those; §4.19: "POST the entity with customfields [{id, value}]").
// Field types follow Halo's custom-field guide (kbid 1938) order — 0 Text, 1 Memo, 2/3 selections,
// 4 Date — and a Text field's `inputtype` 1 integer, 2 money, 4 decimal makes it a number
// [inferred: the numbers are not in the sources]. Dates go as Halo writes them, without a zone
// (`2026-12-01T00:00:00`, reference §2).
import { CachedValue } from '../cached-value.ts';
import type { ConnectorCache } from '../client.ts';
import { changed, checkFieldValues, type CheckedValue } from '../company-fields.ts';
import { PsaError } from '../errors.ts';
import type { CompanyField } from '../types.ts';
import type { HaloSession } from './session.ts';
import { haloDate, haloId, str, type Row } from './wire.ts';

const CLIENT_FIELDS = 2;
const DEFINITIONS_TTL_MS = 10 * 60_000;
const NUMBER_INPUTS = new Set([1, 2, 4]);
/** Password (6) and anything unknown are left out of text fields [inferred]. */
const TEXT_INPUTS = new Set([0, 3, 5]);

/**
 * A field a statistic can go into: Text and Memo fields (numbers when their input type is a number)
 * and Date fields. Selections, times, checkboxes, and read-only or calculated fields — FieldInfo's
 * only way of saying a field cannot be written; it has no inactive flag — are left out.
 */
export function fieldOf(f: Row): CompanyField | undefined {
  const id = haloId(f.id);
  if (id === null || f.readonly === true || f.calcfield === true || f.custom === 0) return undefined;
  const name = str(f.label) || str(f.name);
  const type = Number(f.type ?? 0);
  const input = Number(f.inputtype ?? 0);
  if (type === 4) return { id, name, type: 'date' };
  if (type !== 0 && type !== 1) return undefined;
  if (NUMBER_INPUTS.has(input)) return { id, name, type: 'number' };
  return TEXT_INPUTS.has(input) ? { id, name, type: 'text' } : undefined;
}

async function readDefinitions(api: HaloSession): Promise<CompanyField[]> {
  const rows = await api.get<unknown>('FieldInfo', { typeid: CLIENT_FIELDS });
  return (Array.isArray(rows) ? (rows as Row[]) : []).flatMap((f) => fieldOf(f) ?? []);
}

function wire(c: CheckedValue): string | number | null {
  if (c.value === null) return null;
  return c.field.type === 'date' ? `${String(c.value)}T00:00:00` : c.value;
}

/** What a client holds for a field; Halo's "no date" sentinel (`1899-12-30…`) is no value. */
function held(customfields: Row[], f: CompanyField): unknown {
  const v = customfields.find((cf) => haloId(cf?.id) === f.id)?.value;
  return f.type === 'date' ? haloDate(v) : v;
}

export class HaloCompanyFields {
  readonly #api: HaloSession;
  readonly #definitions: CachedValue<CompanyField[]>;

  constructor(api: HaloSession, cache: ConnectorCache | undefined) {
    this.#api = api;
    this.#definitions = new CachedValue(cache, 'halopsa:client-fields', DEFINITIONS_TTL_MS, () =>
      readDefinitions(api),
    );
  }

  /** The writable client custom fields, read now (one request). */
  list(): Promise<CompanyField[]> {
    return this.#definitions.get(true);
  }

  /** The values checked against the (remembered) definitions, one client read, at most one POST. */
  async write(companyId: string, values: Record<string, string | number | null>): Promise<number> {
    if (!/^\d{1,10}$/.test(companyId.trim()))
      throw new PsaError('validation', `Company id "${companyId}" is not a HaloPSA client id`, {
        fields: { companyId: 'not a HaloPSA id' },
      });
    const id = Number(companyId);
    const checked = checkFieldValues('HaloPSA', await this.#definitions.get(), values);
    const client = await this.#api.find<Row>(`Client/${id}`);
    if (!client) throw new PsaError('not_found', `HaloPSA has no client ${id}`, { status: 404 });
    const fields = Array.isArray(client.customfields) ? (client.customfields as Row[]) : [];
    const diff = changed(checked, (f) => held(fields, f));
    if (diff.length === 0) return 0;
    // Absolute values: a repeat after a lost reply writes the same again.
    await this.#api.post(
      'Client',
      [{ id, customfields: diff.map((c) => ({ id: Number(c.field.id), value: wire(c) })) }],
      true,
    );
    return diff.length;
  }
}
