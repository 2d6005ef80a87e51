// Company custom fields (reference §5, §6): a company's `customFields` array (`CustomFieldValue`
// [S4]: id, caption, type, entryMethod, numberOfDecimals, value) lists every custom field of the
// company screen, set or not, so the company record itself says which fields exist and what they
// hold — no read of `/system/userDefinedFields`, which the GET-only spec subset does not have and
// whose company screen id the sources do not give. A write is one PATCH replacing the whole array
// (reference §5 [S1]: "send the entire customFields array; you cannot patch a single entry").
import { changed, checkFieldValues, type CheckedValue } from '../company-fields.ts';
import { PsaError } from '../errors.ts';
import type { CompanyField } from '../types.ts';
import type { CwSession } from './auth.ts';
import { eq } from './conditions.ts';
import { cwInt, str, type Row } from './wire.ts';

const TEXT = new Set(['Text', 'TextArea']);
const NUMBER = new Set(['Number', 'Currency', 'Percent']);

/**
 * The field a `CustomFieldValue` is, when a statistic can go into it: free-entry text, number,
 * currency and percent fields, and date fields. Checkboxes, buttons, passwords, hyperlinks, IP
 * addresses and fields picked from a list (entryMethod List / Option) are left out.
 */
export function fieldOf(cf: Row): CompanyField | undefined {
  const type = str(cf.type);
  const entry = str(cf.entryMethod) || 'EntryField';
  const id = str(cf.id);
  if (!id) return undefined;
  const name = str(cf.caption);
  if (type === 'Date') return { id, name, type: 'date' };
  if (entry !== 'EntryField') return undefined;
  if (NUMBER.has(type)) return { id, name, type: 'number' };
  if (TEXT.has(type)) return { id, name, type: 'text' };
  return undefined;
}

const entries = (company: Row): Row[] =>
  Array.isArray(company.customFields)
    ? (company.customFields as Row[]).filter((e) => e && typeof e === 'object')
    : [];

export const fieldsOfCompany = (company: Row): CompanyField[] =>
  entries(company).flatMap((e) => fieldOf(e) ?? []);

/** One company's `customFields` (every company carries the screen's fields): one request. */
export async function companyFields(api: CwSession): Promise<CompanyField[]> {
  const rows = await api.get<Row[]>('company/companies', {
    conditions: eq('deletedFlag', false),
    orderBy: 'id asc',
    fields: 'id,customFields',
    pageSize: 1,
  });
  return Array.isArray(rows) && rows[0] ? fieldsOfCompany(rows[0]) : [];
}

/** A checked value as ConnectWise holds it: numbers as numbers, dates as midnight UTC (`…T00:00:00Z`). */
function wire(c: CheckedValue): unknown {
  if (c.value === null) return null;
  return c.field.type === 'date' ? `${String(c.value)}T00:00:00Z` : c.value;
}

/** Read the company, then at most one PATCH of the whole `customFields` array. */
export async function writeCompanyFields(
  api: CwSession,
  companyId: string,
  values: Record<string, string | number | null>,
): Promise<number> {
  const id = cwInt(companyId, 'Company id');
  const company = await api.find<Row>(`company/companies/${id}`);
  if (!company) throw new PsaError('not_found', `ConnectWise has no company ${id}`, { status: 404 });
  const all = entries(company);
  const checked = checkFieldValues('ConnectWise', fieldsOfCompany(company), values);
  const held = (f: CompanyField) => all.find((e) => str(e.id) === f.id)?.value;
  const diff = changed(checked, held);
  if (diff.length === 0) return 0;
  const next = all.map((e) => {
    const c = diff.find((d) => d.field.id === str(e.id));
    return c ? { ...e, value: wire(c) } : e;
  });
  await api.patch(`company/companies/${id}`, [{ op: 'replace', path: 'customFields', value: next }]);
  return diff.length;
}
