// Software licences — `GET/POST /SoftwareLicence`, `GET/DELETE /SoftwareLicence/{id}` (reference
// §4.14; SPEC-2024 `Licence_List`). Envelope `{record_count, licences}` ([obs] ESET, PSMOD; PYH's
// `softwarelicences` is the conflicting claim, §11 item 2). `count` is the seats purchased; a licence
// without a site has `site_id: -1` (ESET posts that). Inactive licences need `includeinactive=true`.
import { requireRef, requireText, pick, type EntityDef } from './entity.ts';
import { ruleError } from './errors.ts';
import type { Row } from './seed-types.ts';
import { NO_ID, NULL_DATE } from './wire.ts';

export const licenceDef: EntityDef = {
  path: 'SoftwareLicence',
  schema: 'Licence_List',
  readPermission: 'read:softwarelicensing',
  writePermission: 'edit:softwarelicensing',
  list: { key: 'licences', searchFields: ['name', 'vendor', 'product_sku'], defaultOrder: 'name' },
  rows(ctx) {
    const client = ctx.q.int('client_id');
    const site = ctx.q.int('site_id');
    const inactive = ctx.q.bool('includeinactive') === true;
    return ctx.state.tables.licences
      .all()
      .filter((r) => r.deleted !== true)
      .filter((r) => inactive || r.is_active !== false)
      .filter((r) => client === undefined || r.client_id === client)
      .filter((r) => site === undefined || r.site_id === site);
  },
  get: (ctx, id) => {
    const row = ctx.state.tables.licences.get(id);
    return row && row.deleted !== true ? row : undefined;
  },
  toWire(row, ctx) {
    const count = typeof row.count === 'number' ? row.count : 0;
    const used = typeof row.licences_in_use === 'number' ? row.licences_in_use : 0;
    return {
      ...row,
      client_name: ctx.state.name('clients', row.client_id) ?? '',
      site_name: ctx.state.name('sites', row.site_id) ?? '',
      licences_available: count - used,
    };
  },
  prepare(item, existing, ctx) {
    const { tables } = ctx.state;
    const name = requireText(item, existing, 'name', 'Name');
    const client = requireRef(pick(item, existing, 'client_id'), (id) => tables.clients.has(id), 'Client');
    if (client === undefined) throw ruleError('Please select a Client.');
    const site = requireRef(pick(item, existing, 'site_id'), (id) => tables.sites.has(id), 'Site');
    if (site !== undefined && tables.sites.get(site)?.client_id !== client) {
      throw ruleError(`Site ${site} does not belong to Client ${client}.`);
    }
    const count = pick(item, existing, 'count');
    if (typeof count === 'number' && count < 0) throw ruleError('The licence count cannot be negative.');
    return () => {
      const fields = { ...item, name, client_id: client, site_id: site ?? NO_ID };
      if (existing) return tables.licences.put({ ...existing, ...fields });
      return tables.licences.insert({
        type: 0,
        count: 0,
        licences_in_use: 0,
        vendor: '',
        start_date: NULL_DATE,
        end_date: NULL_DATE,
        billing_cycle: 'Monthly',
        autorenew: false,
        status: 'Active',
        is_active: true,
        purchase_price: 0,
        price: 0,
        deleted: false,
        notes: '',
        product_sku: '',
        ...fields,
      } as Omit<Row, 'id'>);
    };
  },
  remove: (ctx, row) => void ctx.state.tables.licences.put({ ...row, deleted: true }),
};
