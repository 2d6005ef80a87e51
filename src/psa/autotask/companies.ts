// Companies and contacts (reference §4.6). companyType picklist: 1 Customer, 2 Lead, 3 Prospect,
// 4 Dead, 6 Cancellation, 7 Vendor, 8 Partner; Autotask has no recycle bin, so "Dead" and
// "Cancellation" stand for deleted.
import type { CompanyQuery, PsaCompany, PsaContact, PsaPage } from '../types.ts';
import { f, queryAll, queryBody, queryPage, type Filter } from './query.ts';
import type { AutotaskSession } from './session.ts';
import { idOf, str, toInt, type Row } from './wire.ts';

const LEAD = 2;
const PROSPECT = 3;
const DEAD = 4;
const CANCELLATION = 6;

const COMPANY_FIELDS = ['id', 'companyName', 'isActive', 'companyType', 'webAddress'];

export function domainOf(web: string): string | null {
  const t = web.trim().toLowerCase();
  if (!t) return null;
  try {
    const host = new URL(/^[a-z]+:\/\//.test(t) ? t : `http://${t}`).hostname;
    return host.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

export function toCompany(r: Row): PsaCompany {
  const type = Number(r.companyType);
  const domain = domainOf(str(r.webAddress));
  return {
    id: idOf(r.id),
    name: str(r.companyName).trim(),
    active: r.isActive === true,
    deleted: type === DEAD || type === CANCELLATION,
    prospect: type === LEAD || type === PROSPECT,
    domains: domain ? [domain] : [],
  };
}

export async function searchCompanies(api: AutotaskSession, q: CompanyQuery): Promise<PsaPage<PsaCompany>> {
  const filter: Filter[] = [];
  if (q.name?.trim()) filter.push(f.contains('companyName', q.name.trim()));
  if (!q.includeInactive) {
    filter.push(f.eq('isActive', true));
    filter.push(f.notIn('companyType', [LEAD, PROSPECT, DEAD, CANCELLATION]));
  }
  const page = await queryPage(
    api,
    'Companies',
    queryBody(filter, q.pageSize ?? 100, COMPANY_FIELDS),
    q.next ?? null,
  );
  return { items: page.items.map(toCompany), next: page.next };
}

export async function getCompany(api: AutotaskSession, id: string): Promise<PsaCompany | undefined> {
  const r = await api.item('Companies', toInt(id, 'Company id'));
  return r ? toCompany(r) : undefined;
}

export async function listContacts(api: AutotaskSession, companyId: string): Promise<PsaContact[]> {
  const rows = await queryAll(
    api,
    'Contacts',
    [f.eq('companyID', toInt(companyId, 'Company id')), f.eq('isActive', 1)],
    { includeFields: ['id', 'companyID', 'firstName', 'lastName', 'emailAddress'] },
  );
  return rows.map((r) => ({
    id: idOf(r.id),
    companyId: idOf(r.companyID),
    name: `${str(r.firstName)} ${str(r.lastName)}`.trim(),
    email: str(r.emailAddress) || null,
  }));
}
