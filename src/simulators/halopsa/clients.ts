// Clients — `GET/POST /Client`, `GET/DELETE /Client/{id}` (reference §4.1; SPEC-2024 schema `Area`).
// Envelope `{page_no?, page_size?, record_count, clients}` (SPEC-2025 `Area_View`).
import { activeFilter } from './listing.ts';
import { pick, requireRef, requireText, type EntityDef } from './entity.ts';
import type { Row } from './seed-types.ts';
import { checkClientCustomFields, clientCustomFields } from './field-info.ts';
import { haloDate } from './wire.ts';

export const clientDef: EntityDef = {
  path: 'Client',
  schema: 'Area',
  readPermission: 'read:customers',
  writePermission: 'edit:customers',
  list: { key: 'clients', searchFields: ['name'], defaultOrder: 'name' },
  rows(ctx) {
    const active = activeFilter(ctx.q);
    const toplevel = ctx.q.int('toplevel_id');
    const onlyIds = ctx.q.ints('client_ids');
    return ctx.state.tables.clients
      .all()
      .filter((r) => active(r))
      .filter((r) => toplevel === undefined || r.toplevel_id === toplevel)
      .filter((r) => onlyIds === undefined || onlyIds.includes(r.id));
  },
  get: (ctx, id) => ctx.state.tables.clients.get(id),
  toWire(row, ctx) {
    return {
      ...row,
      toplevel_name: ctx.state.name('toplevels', row.toplevel_id) ?? '',
      main_site_name: ctx.state.name('sites', row.main_site_id) ?? '',
      customfields: clientCustomFields(row.customfields, ctx),
    };
  },
  prepare(item, existing, ctx) {
    const { tables } = ctx.state;
    const name = requireText(item, existing, 'name', 'Name').trim();
    const toplevel =
      requireRef(pick(item, existing, 'toplevel_id'), (id) => tables.toplevels.has(id), 'Top Level') ?? 1;
    const mainSite = requireRef(
      item.main_site_id,
      (id) => tables.sites.get(id)?.client_id === existing?.id,
      'Site',
    );
    if (item.customfields !== undefined && item.customfields !== null)
      item.customfields = checkClientCustomFields(item.customfields, ctx);
    return () => {
      const fields = { ...item, name, toplevel_id: toplevel };
      if (existing) {
        return tables.clients.put({
          ...existing,
          ...fields,
          ...(mainSite ? { main_site_id: mainSite } : {}),
        });
      }
      const created = tables.clients.insert({
        inactive: false,
        is_vip: false,
        website: '',
        notes: '',
        colour: '',
        accountsid: '',
        customfields: [],
        ...fields,
        datecreated: haloDate(),
        main_site_id: -1,
      } as Omit<Row, 'id'>);
      // A new client gets its first site, named by `newclient_sitename` (SPEC-2024 `Area`) [inferred].
      const site = tables.sites.insert({
        name: typeof item.newclient_sitename === 'string' ? item.newclient_sitename : 'Main',
        client_id: created.id,
        inactive: false,
        phonenumber: '',
        notes: '',
        timezone: 'GMT Standard Time',
        sla_id: -1,
      } as Omit<Row, 'id'>);
      return tables.clients.put({ ...created, main_site_id: site.id });
    };
  },
  remove(ctx, row) {
    const { tables } = ctx.state;
    for (const s of tables.sites.all()) if (s.client_id === row.id) tables.sites.delete(s.id);
    for (const u of tables.users.all()) if (u.client_id === row.id) tables.users.delete(u.id);
    tables.clients.delete(row.id);
  },
};
