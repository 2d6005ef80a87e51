// Companies and contacts (reference §6, §7.5): `/company/companies` filtered by `conditions`,
// `/company/contacts` by company. Deleted companies sit in the recycle bin (`deletedFlag`);
// "Inactive" is a company status; prospects are leads (`leadFlag`) or have the Prospect type.
import type { CompanyQuery, PsaCompany, PsaContact, PsaPage } from '../types.ts';
import type { CwSession } from './auth.ts';
import { and, contains, eq } from './conditions.ts';
import { listAll, listPage, pageOf } from './paging.ts';
import { cwInt, refId, refName, str, type Row } from './wire.ts';

export function domainOf(website: string): string | null {
  const w = website.trim().toLowerCase();
  if (!w) return null;
  try {
    const host = new URL(/^[a-z]+:\/\//.test(w) ? w : `http://${w}`).hostname;
    return host.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

export function toCompany(r: Row): PsaCompany {
  const types = Array.isArray(r.types) ? (r.types as unknown[]).map(refName) : [];
  const domain = domainOf(str(r.website));
  return {
    id: str(r.id),
    name: str(r.name),
    active: !/^inactive$/i.test(refName(r.status)),
    deleted: r.deletedFlag === true,
    prospect: r.leadFlag === true || types.some((t) => /prospect/i.test(t)),
    domains: domain ? [domain] : [],
  };
}

const companyFields = 'id,name,status,types,website,leadFlag,deletedFlag';

export async function searchCompanies(api: CwSession, q: CompanyQuery): Promise<PsaPage<PsaCompany>> {
  const name = q.name?.trim();
  const conditions = and(
    name ? contains('name', name) : null,
    // The recycle bin is shown only when the conditions name deletedFlag.
    q.includeInactive ? 'deletedFlag = true or deletedFlag = false' : eq('deletedFlag', false),
    q.includeInactive ? null : `${eq('leadFlag', false)} and status/name != "Inactive"`,
  );
  const p = await listPage(
    api,
    'company/companies',
    { conditions, orderBy: 'name asc, id asc', fields: companyFields },
    pageOf(q.next),
    q.pageSize ?? 50,
  );
  let items = p.items.map(toCompany);
  if (!q.includeInactive) items = items.filter((c) => !c.prospect);
  return { items, next: p.next };
}

export async function getCompany(api: CwSession, id: string): Promise<PsaCompany | undefined> {
  const r = await api.find<Row>(`company/companies/${cwInt(id, 'Company id')}`);
  return r ? toCompany(r) : undefined;
}

export function toContact(r: Row): PsaContact {
  const items = Array.isArray(r.communicationItems) ? (r.communicationItems as Row[]) : [];
  const mails = items.filter((i) => str(i.communicationType) === 'Email' || /e-?mail/i.test(refName(i.type)));
  const email = mails.find((i) => i.defaultFlag === true) ?? mails[0];
  return {
    id: str(r.id),
    companyId: refId(r.company) ?? '',
    name: [str(r.firstName), str(r.lastName)].filter(Boolean).join(' '),
    email: email ? str(email.value) || null : null,
  };
}

export async function listContacts(api: CwSession, companyId: string): Promise<PsaContact[]> {
  const rows = await listAll(api, 'company/contacts', {
    conditions: and(eq('company/id', cwInt(companyId, 'Company id')), eq('inactiveFlag', false)),
    orderBy: 'lastName asc, firstName asc, id asc',
  });
  return rows.map(toContact);
}
