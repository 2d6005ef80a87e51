// Companies with statuses, types and sites, and contacts (reference §6, §7.5 [S4, S6]).
import { fieldError, type ValidationError } from '../errors.ts';
import type { EntityDef } from '../entity.ts';
import type { Rec } from '../store.ts';
import { rangeError } from '../validate.ts';
import { companyCustomFields, prepareCustomFields } from './custom-fields.ts';

const ADDRESS_FIELDS = ['addressLine1', 'addressLine2', 'city', 'state', 'zip', 'country'];

export const companyStatuses: EntityDef = {
  table: 'companyStatuses',
  path: '/company/companies/statuses',
  schema: 'CompanyStatus',
  resource: 'companyStatus',
  label: 'CompanyStatus',
  security: 'System.TableSetup',
  setupTable: true,
  unique: ['name'],
};

export const companyTypes: EntityDef = {
  table: 'companyTypes',
  path: '/company/companies/types',
  schema: 'CompanyType',
  resource: 'companyType',
  label: 'CompanyType',
  security: 'System.TableSetup',
  setupTable: true,
  unique: ['name'],
};

export const companies: EntityDef = {
  table: 'companies',
  path: '/company/companies',
  schema: 'Company',
  resource: 'company',
  label: 'Company',
  security: 'Companies.CompanyMaintenance',
  refs: {
    status: { kind: 'companyStatus' },
    types: { kind: 'companyType', array: true },
    territory: { kind: 'location' },
    defaultContact: { kind: 'contact' },
    billingContact: { kind: 'contact' },
    parentCompany: { kind: 'company' },
    billToCompany: { kind: 'company' },
    site: { kind: 'site' },
    billingSite: { kind: 'site' },
    territoryManager: { kind: 'member' },
  },
  computed: ['deletedFlag', 'dateDeleted', 'deletedBy', 'mobileGuid'],
  unique: ['identifier'],
  view: (out, ctx) => {
    out.customFields = companyCustomFields(out.customFields, ctx);
  },
  // Deleted companies sit in the recycle bin: left out of lists unless asked for (inferred).
  hiddenUnless: { field: 'deletedFlag', test: (row) => row.deletedFlag === true },
  hrefs: (row, base) => ({
    sites_href: `${base}/company/companies/${row.id}/sites`,
    contacts_href: `${base}/company/contacts?conditions=company/id=${row.id}`,
    agreements_href: `${base}/finance/agreements?conditions=company/id=${row.id}`,
    tickets_href: `${base}/service/tickets?conditions=company/id=${row.id}`,
    configurations_href: `${base}/company/configurations?conditions=company/id=${row.id}`,
    notes_href: `${base}/company/companies/${row.id}/notes`,
  }),
  prepare(row, ctx, existing) {
    const errors: ValidationError[] = [];
    if (!row.status) {
      const def = ctx.store.table('companyStatuses').find((s) => s.defaultFlag === true);
      if (def) row.status = { id: def.id };
    }
    // "types can only be set on POST; later changes go through typeAssociations" [S6 model_company.go]
    if (existing) row.types = existing.types;
    else if (!row.types) {
      const def = ctx.store.table('companyTypes').find((t) => t.defaultFlag === true);
      row.types = def ? [{ id: def.id, name: def.name }] : [];
    }
    // "at least one address field is required" [S6 model_company.go] — checked on create.
    if (!existing && ADDRESS_FIELDS.every((f) => row[f] === undefined || row[f] === null || row[f] === ''))
      errors.push(
        fieldError('NullValue', 'company', 'addressLine1', 'At least one address field is required.'),
      );
    errors.push(...rangeError(row, 'yearEstablished', 'company', 1900, 9999));
    errors.push(...rangeError(row, 'revenueYear', 'company', 1900, 9999));
    row.deletedFlag ??= false;
    row.leadFlag ??= false;
    row.unsubscribeFlag ??= false;
    row.isVendorFlag ??= false;
    errors.push(...prepareCustomFields(row, ctx, existing));
    return errors;
  },
  afterCreate(row, ctx) {
    // A new company gets its "Main" site (inferred from the PSA UI).
    const sites = ctx.store.table('sites');
    const site = sites.insert({
      name: 'Main',
      addressLine1: row.addressLine1,
      city: row.city,
      zip: row.zip,
      primaryAddressFlag: true,
      defaultBillingFlag: true,
      defaultShippingFlag: true,
      defaultMailingFlag: true,
      inactiveFlag: false,
      company: { id: row.id, identifier: row.identifier, name: row.name },
      _info: { lastUpdated: ctx.now, updatedBy: String(ctx.member.identifier) },
    });
    const stored = ctx.store.table('companies').get(row.id)!;
    stored.site = { id: site.id, name: site.name };
    ctx.store.table('companies').put(stored);
  },
  remove(row, ctx) {
    // DELETE moves the company to the recycle bin [issue 3 "deleted (recycle bin) companies"].
    ctx.store
      .table('companies')
      .put({ ...row, deletedFlag: true, dateDeleted: ctx.now, deletedBy: String(ctx.member.identifier) });
  },
  inUse(row, ctx) {
    const open = ctx.store
      .table('agreements')
      .find((a) => (a.company as Rec).id === row.id && a.agreementStatus === 'Active');
    return open ? `Company ${row.id} has active agreements and cannot be deleted.` : undefined;
  },
};

export const sites: EntityDef = {
  table: 'sites',
  path: '/company/companies/{parentId}/sites',
  schema: 'CompanySite',
  resource: 'companySite',
  label: 'CompanySite',
  security: 'Companies.CompanyMaintenance',
  parent: { table: 'companies', label: 'Company', field: 'company', kind: 'company' },
  refs: { territory: { kind: 'location' } },
  unique: ['name'],
};

export const contacts: EntityDef = {
  table: 'contacts',
  path: '/company/contacts',
  schema: 'Contact',
  resource: 'contact',
  label: 'Contact',
  security: 'Companies.Contacts',
  refs: {
    company: { kind: 'company', scope: () => (c) => c.deletedFlag !== true },
    site: {
      kind: 'site',
      scope: (row) => (s) => (s.company as Rec).id === (row.company as Rec | undefined)?.id,
      scopeMessage: () => 'The site does not belong to the contact company.',
    },
    managerContact: { kind: 'contact' },
    assistantContact: { kind: 'contact' },
  },
  computed: ['mobileGuid'],
  hrefs: (row, base) => ({
    communications_href: `${base}/company/contacts/${row.id}/communications`,
    notes_href: `${base}/company/contacts/${row.id}/notes`,
    image_href: `${base}/company/contacts/${row.id}/image?lm=${String((row._info as Record<string, string> | undefined)?.lastUpdated ?? '')}`,
  }),
  prepare(row, _ctx, existing) {
    row.inactiveFlag ??= false;
    row.customFields ??= [];
    row.communicationItems ??= [];
    if (Array.isArray(row.communicationItems)) {
      let next =
        Math.max(0, ...((existing?.communicationItems as Rec[] | undefined) ?? []).map((c) => c.id ?? 0)) + 1;
      row.communicationItems = (row.communicationItems as Rec[]).map((c) => ({ ...c, id: c.id ?? next++ }));
    }
    if (existing) row.typeIds = existing.typeIds; // POST-only [S6]
    return [];
  },
};
