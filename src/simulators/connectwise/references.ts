// Reference objects (reference §2.2 [S4, S11]): related records appear as `{id, name|identifier, _info:
// {<x>_href}}`. On write a reference may name its target by `id`, `identifier` or `name` [S1, S8];
// on read it is rebuilt from the target, so a renamed status shows its new name. Real hrefs carry a
// doubled slash, `…/apis/3.0//service/boards/30` [S11], and so do ours.
import type { Rec, Store } from './store.ts';

export interface RefKind {
  table: string;
  hrefKey: string;
  /** API path of the target, e.g. `/service/boards/30`. */
  path: (row: Rec) => string;
  /** The reference's own fields (besides id and _info). */
  shape: (row: Rec) => Record<string, unknown>;
  /** Fields a write may name the target by, in order of preference after `id`. */
  keys: string[];
}

const nameOnly = (row: Rec) => ({ name: row.name });
const boardChild = (segment: string) => (row: Rec) =>
  `/service/boards/${(row.board as Rec | undefined)?.id}/${segment}/${row.id}`;

export const REF_KINDS = {
  company: {
    table: 'companies',
    hrefKey: 'company_href',
    path: (r) => `/company/companies/${r.id}`,
    shape: (r) => ({ identifier: r.identifier, name: r.name }),
    keys: ['identifier', 'name'],
  },
  companyStatus: {
    table: 'companyStatuses',
    hrefKey: 'status_href',
    path: (r) => `/company/companies/statuses/${r.id}`,
    shape: nameOnly,
    keys: ['name'],
  },
  companyType: {
    table: 'companyTypes',
    hrefKey: 'type_href',
    path: (r) => `/company/companies/types/${r.id}`,
    shape: nameOnly,
    keys: ['name'],
  },
  site: {
    table: 'sites',
    hrefKey: 'site_href',
    path: (r) => `/company/companies/${(r.company as Rec | undefined)?.id}/sites/${r.id}`,
    shape: nameOnly,
    keys: ['name'],
  },
  contact: {
    table: 'contacts',
    hrefKey: 'contact_href',
    path: (r) => `/company/contacts/${r.id}`,
    shape: (r) => ({ name: [r.firstName, r.lastName].filter(Boolean).join(' ') }),
    keys: ['name'],
  },
  board: {
    table: 'boards',
    hrefKey: 'board_href',
    path: (r) => `/service/boards/${r.id}`,
    shape: nameOnly,
    keys: ['name'],
  },
  ticketStatus: {
    table: 'boardStatuses',
    hrefKey: 'status_href',
    path: boardChild('statuses'),
    shape: (r) => ({ name: r.name, sort: r.sortOrder }),
    keys: ['name'],
  },
  ticketType: {
    table: 'boardTypes',
    hrefKey: 'type_href',
    path: boardChild('types'),
    shape: nameOnly,
    keys: ['name'],
  },
  ticketSubType: {
    table: 'boardSubTypes',
    hrefKey: 'subType_href',
    path: boardChild('subtypes'),
    shape: nameOnly,
    keys: ['name'],
  },
  ticketItem: {
    table: 'boardItems',
    hrefKey: 'item_href',
    path: boardChild('items'),
    shape: nameOnly,
    keys: ['name'],
  },
  priority: {
    table: 'priorities',
    hrefKey: 'priority_href',
    path: (r) => `/service/priorities/${r.id}`,
    shape: (r) => ({ name: r.name, sort: r.sortOrder, level: r.level }),
    keys: ['name'],
  },
  sla: {
    table: 'slas',
    hrefKey: 'sla_href',
    path: (r) => `/service/SLAs/${r.id}`,
    shape: nameOnly,
    keys: ['name'],
  },
  member: {
    table: 'members',
    hrefKey: 'member_href',
    path: (r) => `/system/members/${r.id}`,
    shape: (r) => ({
      identifier: r.identifier,
      name: [r.firstName, r.lastName].filter(Boolean).join(' '),
      dailyCapacity: r.dailyCapacity,
    }),
    keys: ['identifier', 'name'],
  },
  location: {
    table: 'locations',
    hrefKey: 'location_href',
    path: (r) => `/system/locations/${r.id}`,
    shape: nameOnly,
    keys: ['name'],
  },
  department: {
    table: 'departments',
    hrefKey: 'department_href',
    path: (r) => `/system/departments/${r.id}`,
    shape: (r) => ({ identifier: r.identifier, name: r.name }),
    keys: ['identifier', 'name'],
  },
  agreementType: {
    table: 'agreementTypes',
    hrefKey: 'type_href',
    path: (r) => `/finance/agreements/types/${r.id}`,
    shape: nameOnly,
    keys: ['name'],
  },
  agreement: {
    table: 'agreements',
    hrefKey: 'agreement_href',
    path: (r) => `/finance/agreements/${r.id}`,
    shape: (r) => ({
      name: r.name,
      type: (r.type as Rec | undefined)?.name,
      chargeFirmFlag: r.chargeToFirm ?? false,
    }),
    keys: ['name'],
  },
  product: {
    table: 'catalogItems',
    hrefKey: 'product_href',
    path: (r) => `/procurement/catalog/${r.id}`,
    shape: (r) => ({ identifier: r.identifier, serializedFlag: r.serializedFlag ?? false }),
    keys: ['identifier'],
  },
  productType: {
    table: 'productTypes',
    hrefKey: 'type_href',
    path: (r) => `/procurement/types/${r.id}`,
    shape: nameOnly,
    keys: ['name'],
  },
  productSubcategory: {
    table: 'productSubcategories',
    hrefKey: 'subcategory_href',
    path: (r) => `/procurement/subcategories/${r.id}`,
    shape: nameOnly,
    keys: ['name'],
  },
  configurationType: {
    table: 'configurationTypes',
    hrefKey: 'type_href',
    path: (r) => `/company/configurations/types/${r.id}`,
    shape: nameOnly,
    keys: ['name'],
  },
  configurationStatus: {
    table: 'configurationStatuses',
    hrefKey: 'status_href',
    path: (r) => `/company/configurations/statuses/${r.id}`,
    shape: (r) => ({ name: r.description }),
    keys: ['name', 'description'],
  },
  securityRole: {
    table: 'securityRoles',
    hrefKey: 'securityRole_href',
    path: (r) => `/system/securityroles/${r.id}`,
    shape: nameOnly,
    keys: ['name'],
  },
} satisfies Record<string, RefKind>;

export type RefKindName = keyof typeof REF_KINDS;

/** `https://host/v4_6_release/apis/3.0/` — links append `/x/y`, giving the real doubled slash. */
export function apiBase(origin: string, codebase: string): string {
  return `${origin}/${codebase}/apis/3.0/`;
}

export function makeRef(kind: RefKindName, row: Rec, base: string): Record<string, unknown> {
  const k: RefKind = REF_KINDS[kind];
  return { id: row.id, ...k.shape(row), _info: { [k.hrefKey]: `${base}${k.path(row)}` } };
}

/**
 * Find the target a write names. `undefined` = not named (null/absent); `null` = named but unknown.
 * `scope` narrows the candidates (e.g. statuses of the ticket's board).
 */
export function lookupRef(
  store: Store,
  kind: RefKindName,
  value: unknown,
  scope?: (row: Rec) => boolean,
): Rec | null | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const k: RefKind = REF_KINDS[kind];
  const table = store.table(k.table);
  const ok = (row: Rec) => !scope || scope(row);
  if (v.id !== undefined && v.id !== null) {
    const row = table.get(Number(v.id));
    return row && ok(row) ? row : null;
  }
  for (const key of k.keys) {
    const wanted = v[key];
    if (typeof wanted !== 'string') continue;
    const lower = wanted.toLowerCase();
    const row = table.find((r) => {
      const shaped = { ...r, ...k.shape(r) } as Rec;
      return ok(r) && typeof shaped[key] === 'string' && (shaped[key] as string).toLowerCase() === lower;
    });
    return row ?? null;
  }
  return Object.keys(v).filter((key) => key !== '_info').length === 0 ? undefined : null;
}
