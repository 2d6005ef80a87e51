// Company user-defined fields (reference §3, §4.1): the definitions from
// `GET Companies/entityInformation/userDefinedFields` (`{fields: [Field]}`, SPEC
// `UserDefinedFieldInformationResultModel`; UDFs carry `type`, not `dataType`), the values in the
// company's `userDefinedFields: [{name, value}]`, and a write is one `PATCH Companies` with the id
// and only the UDFs that differ (reference §4.1: PATCH changes only what is supplied). A UDF is
// named, not numbered, so its name is its id. Values are strings on the wire (SPEC
// `UserDefinedField {Name, Value: string}`): numbers as their decimal digits, dates as `YYYY-MM-DD`
// [inferred: the sources show no date UDF value].
import { CachedValue } from '../cached-value.ts';
import type { ConnectorCache } from '../client.ts';
import { changed, checkFieldValues, type CheckedValue } from '../company-fields.ts';
import { PsaError } from '../errors.ts';
import type { CompanyField } from '../types.ts';
import type { AutotaskSession } from './session.ts';
import { str, toInt, type Row } from './wire.ts';

/** Definitions change rarely; a write uses them for this long before reading them again. */
const DEFINITIONS_TTL_MS = 10 * 60_000;

/** A UDF a statistic can go into: text, integer/decimal and date ones; picklists and booleans are not. */
export function fieldOf(u: Row): CompanyField | undefined {
  const id = str(u.name);
  if (!id || u.isPickList === true || u.isReadOnly === true) return undefined;
  const name = str(u.label) || id;
  const type = str(u.type ?? u.dataType).toLowerCase();
  if (type === 'string') return { id, name, type: 'text' };
  if (['integer', 'long', 'short', 'decimal', 'double'].includes(type)) return { id, name, type: 'number' };
  if (type === 'datetime' || type === 'date') return { id, name, type: 'date' };
  return undefined;
}

async function readDefinitions(api: AutotaskSession): Promise<CompanyField[]> {
  const b = await api.get<{ fields?: unknown }>('Companies/entityInformation/userDefinedFields', {
    entity: 'Companies',
    verb: 'query',
  });
  const fields = Array.isArray(b?.fields) ? (b.fields as Row[]) : [];
  return fields.flatMap((u) => fieldOf(u) ?? []);
}

const wire = (c: CheckedValue): string | null => (c.value === null ? null : String(c.value));

export class AutotaskCompanyFields {
  readonly #api: AutotaskSession;
  readonly #definitions: CachedValue<CompanyField[]>;

  constructor(api: AutotaskSession, cache: ConnectorCache | undefined) {
    this.#api = api;
    this.#definitions = new CachedValue(cache, 'autotask:company-udfs', DEFINITIONS_TTL_MS, () =>
      readDefinitions(api),
    );
  }

  /** The active company UDFs, read now (one request). */
  list(): Promise<CompanyField[]> {
    return this.#definitions.get(true);
  }

  /** The values checked against the (remembered) definitions, one company read, at most one PATCH. */
  async write(companyId: string, values: Record<string, string | number | null>): Promise<number> {
    const id = toInt(companyId, 'Company id');
    const checked = checkFieldValues('Autotask', await this.#definitions.get(), values);
    const company = await this.#api.item('Companies', id);
    if (!company) throw new PsaError('not_found', `Autotask has no company ${id}`, { status: 404 });
    const udfs = Array.isArray(company.userDefinedFields) ? (company.userDefinedFields as Row[]) : [];
    // UDF names compare case-insensitively, as Autotask matches them (reference §2.2).
    const held = (f: CompanyField) =>
      udfs.find((u) => str(u.name).toLowerCase() === f.id.toLowerCase())?.value;
    const diff = changed(checked, held);
    if (diff.length === 0) return 0;
    await this.#api.patch('Companies', {
      id,
      userDefinedFields: diff.map((c) => ({ name: c.field.id, value: wire(c) })),
    });
    return diff.length;
  }
}
