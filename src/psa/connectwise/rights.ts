// The security-role module functions the hub's calls fall under (reference §1.3, §7.9). A role
// grants per function Add / Edit / Delete / Inquire levels of None, My or All. The exact module and
// function identifiers are not in the sources (reference §13); these are the names of the
// PSA's Security Roles screen, matched case-insensitively on identifier or name.

export type Level = 'add' | 'edit' | 'delete' | 'inquire';

export interface ModuleFunction {
  module: string;
  fn: string;
  /** As shown in System → Security Roles. */
  moduleName: string;
  fnName: string;
}

export const functions = {
  companies: {
    module: 'Companies',
    fn: 'CompanyMaintenance',
    moduleName: 'Companies',
    fnName: 'Company Maintenance',
  },
  contacts: { module: 'Companies', fn: 'Contacts', moduleName: 'Companies', fnName: 'Contacts' },
  tickets: {
    module: 'ServiceDesk',
    fn: 'ServiceTickets',
    moduleName: 'Service Desk',
    fnName: 'Service Tickets',
  },
  agreements: { module: 'Finance', fn: 'Agreements', moduleName: 'Finance', fnName: 'Agreements' },
  catalog: {
    module: 'Procurement',
    fn: 'ProductCatalog',
    moduleName: 'Procurement',
    fnName: 'Product Catalog',
  },
  tableSetup: { module: 'System', fn: 'TableSetup', moduleName: 'System', fnName: 'Table Setup' },
} satisfies Record<string, ModuleFunction>;

const levelName: Record<Level, string> = { add: 'Add', edit: 'Edit', delete: 'Delete', inquire: 'Inquire' };

/** How to grant a level of a function, in the words of the PSA's screens. */
export function grantFix(f: ModuleFunction, levels: readonly Level[]): string {
  const what = levels.map((l) => `${levelName[l]} Level`).join(' and ');
  return `In ConnectWise PSA open System → Security Roles → the role of the hub's API member → ${f.moduleName} → ${f.fnName}, and set ${what} to All`;
}

/** The function and level an API call needs, from its method and path (for 403 messages). */
export function rightFor(
  method: string,
  path: string,
): { f: ModuleFunction; level: Level; permission: string } | null {
  const p = `/${path.toLowerCase().replace(/^\//, '')}`;
  const level: Level =
    method === 'POST'
      ? 'add'
      : method === 'PATCH' || method === 'PUT'
        ? 'edit'
        : method === 'DELETE'
          ? 'delete'
          : 'inquire';
  const pick = (f: ModuleFunction, area: string) => ({
    f,
    level,
    permission: `${area}.${level === 'inquire' ? 'read' : 'write'}`,
  });
  if (p.includes('/service/tickets/') && p.includes('/notes') && level !== 'inquire')
    return { f: functions.tickets, level, permission: 'notes.write' };
  if (p.includes('/service/tickets')) return pick(functions.tickets, 'tickets');
  if (p.includes('/company/contacts')) return pick(functions.contacts, 'contacts');
  if (p.includes('/company/companies')) return pick(functions.companies, 'companies');
  if (p.includes('/finance/agreements') && level === 'add')
    return { f: functions.agreements, level, permission: 'billing.create' };
  if (p.includes('/finance/agreements')) return pick(functions.agreements, 'billing');
  if (p.includes('/procurement/catalog')) return pick(functions.catalog, 'products');
  if (p.includes('/service/')) return pick(functions.tableSetup, 'lookups');
  return null;
}
