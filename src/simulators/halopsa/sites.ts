// Sites — `GET/POST /Site`, `GET/DELETE /Site/{id}` (reference §4.2; SPEC-2024 schema `Site`).
// Envelope `{record_count, sites}` (N8N, PSMOD). `client_id` goes out as a decimal (`21.0`):
// SPEC-2024 types it `number/double` and PDATA's FlexibleInt32Converter exists for it (§2).
import { activeFilter } from './listing.ts';
import { pick, requireRef, requireText, type EntityDef } from './entity.ts';
import { ruleError } from './errors.ts';
import type { Row } from './seed-types.ts';
import { decimal } from './wire.ts';

export const siteDef: EntityDef = {
  path: 'Site',
  schema: 'Site',
  readPermission: 'read:customers',
  writePermission: 'edit:customers',
  list: { key: 'sites', searchFields: ['name', 'clientsite_name'], defaultOrder: 'name' },
  rows(ctx) {
    const active = activeFilter(ctx.q);
    const client = ctx.q.int('client_id');
    return ctx.state.tables.sites
      .all()
      .filter((r) => active(r))
      .filter((r) => client === undefined || r.client_id === client)
      .map((r) => ({ ...r, clientsite_name: clientSiteName(ctx.state.name('clients', r.client_id), r) }));
  },
  get: (ctx, id) => ctx.state.tables.sites.get(id),
  toWire(row, ctx) {
    const clientName = ctx.state.name('clients', row.client_id) ?? '';
    return {
      ...row,
      client_id: decimal(row.client_id as number),
      client_name: clientName,
      clientsite_name: clientSiteName(clientName, row),
      maincontact_name: ctx.state.name('users', row.maincontact_id) ?? '',
    };
  },
  prepare(item, existing, ctx) {
    const { tables } = ctx.state;
    const name = requireText(item, existing, 'name', 'Site Name');
    const client = requireRef(pick(item, existing, 'client_id'), (id) => tables.clients.has(id), 'Client');
    if (client === undefined) throw ruleError('Please select a Client.');
    const sla = requireRef(item.sla_id, (id) => tables.slas.has(id), 'SLA');
    return () => {
      const fields = { ...item, name, client_id: client, ...(sla !== undefined ? { sla_id: sla } : {}) };
      if (existing) return tables.sites.put({ ...existing, ...fields });
      return tables.sites.insert({
        inactive: false,
        phonenumber: '',
        notes: '',
        timezone: 'GMT Standard Time',
        sla_id: -1,
        maincontact_id: -1,
        ...fields,
      } as Omit<Row, 'id'>);
    };
  },
  remove(ctx, row) {
    ctx.state.tables.sites.delete(row.id);
  },
};

function clientSiteName(clientName: string | undefined, site: Row): string {
  return `${clientName ?? ''} / ${String(site.name)}`;
}
