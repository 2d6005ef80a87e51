// Companies are Halo Clients (`Area`, reference §4.1) and contacts its Users (§4.3). Clients list
// active ones by default; `includeinactive=true` adds the `inactive` ones. A prospect is a client
// under the "Prospects" top level (Halo has no prospect flag on a client).
import type { CompanyQuery, PsaCompany, PsaContact, PsaPage } from '../types.ts';
import { listAll, listPage, pageFrom } from './listing.ts';
import type { HaloSession } from './session.ts';
import { domainOf, haloId, haloOwnId, str, toHaloInt, type Row } from './wire.ts';

export function toCompany(r: Row): PsaCompany {
  const domains = [domainOf(r.website)].filter((d): d is string => d !== null);
  return {
    id: haloOwnId(r.id),
    name: str(r.name).trim(),
    active: r.inactive !== true,
    deleted: r.deleted === true,
    prospect: /prospect/i.test(str(r.toplevel_name)),
    domains,
  };
}

export async function searchCompanies(api: HaloSession, q: CompanyQuery): Promise<PsaPage<PsaCompany>> {
  const query = {
    search: q.name?.trim() || undefined,
    search_name_only: q.name?.trim() ? true : undefined,
    includeinactive: q.includeInactive ? true : undefined,
    order: 'name',
  };
  const page = await listPage(api, 'Client', 'clients', query, pageFrom(q.next), q.pageSize ?? 50);
  let items = page.items.map(toCompany);
  if (!q.includeInactive) items = items.filter((c) => c.active && !c.deleted && !c.prospect);
  return { items, next: page.next };
}

export async function getCompany(api: HaloSession, id: string): Promise<PsaCompany | undefined> {
  const r = await api.find<Row>(`Client/${toHaloInt(id, 'Company id')}`);
  return r ? toCompany(r) : undefined;
}

export async function listContacts(api: HaloSession, companyId: string): Promise<PsaContact[]> {
  const rows = await listAll(api, 'Users', 'users', { client_id: toHaloInt(companyId, 'Company id') });
  return rows.map((r) => ({
    id: haloOwnId(r.id),
    companyId: haloId(r.client_id) ?? companyId,
    name: str(r.name).trim(),
    email: str(r.emailaddress).trim() || null,
  }));
}
