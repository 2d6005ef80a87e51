// End users — `GET/POST /Users`, `GET/DELETE /Users/{id}` (reference §4.3; SPEC-2024 `Users`).
// Envelope `{record_count, users}` (N8N, PSMOD). `site_id` goes out as a decimal (`21.0`) and
// `site_id_int` as an integer (SPEC-2024 types; PDATA FlexibleInt32Converter, §2).
import { activeFilter } from './listing.ts';
import { pick, requireRef, requireText, type EntityDef } from './entity.ts';
import { ruleError } from './errors.ts';
import type { Row } from './seed-types.ts';
import { asId, decimal } from './wire.ts';

export const userDef: EntityDef = {
  path: 'Users',
  schema: 'Users',
  readPermission: 'read:customers',
  writePermission: 'edit:customers',
  list: {
    key: 'users',
    searchFields: ['name', 'emailaddress', 'surname', 'firstname'],
    defaultOrder: 'name',
  },
  rows(ctx) {
    const active = activeFilter(ctx.q);
    const client = ctx.q.int('client_id');
    const site = ctx.q.int('site_id');
    return ctx.state.tables.users
      .all()
      .filter((r) => active(r))
      .filter((r) => client === undefined || r.client_id === client)
      .filter((r) => site === undefined || r.site_id === site);
  },
  get: (ctx, id) => ctx.state.tables.users.get(id),
  toWire(row, ctx) {
    return {
      ...row,
      site_id: decimal(row.site_id as number),
      site_id_int: row.site_id,
      site_name: ctx.state.name('sites', row.site_id) ?? '',
      client_name: ctx.state.name('clients', row.client_id) ?? '',
    };
  },
  prepare(item, existing, ctx) {
    const { tables } = ctx.state;
    const name = requireText(item, existing, 'name', 'Name');
    let site = requireRef(pick(item, existing, 'site_id'), (id) => tables.sites.has(id), 'Site');
    if (site === undefined) {
      // A client alone puts the user on the client's main site [inferred].
      const client = requireRef(item.client_id, (id) => tables.clients.has(id), 'Client');
      site = client === undefined ? undefined : asId(tables.clients.get(client)?.main_site_id);
    }
    if (site === undefined || site < 1) throw ruleError('Please select a Site.');
    const clientId = tables.sites.get(site)!.client_id as number;
    const email = pick(item, existing, 'emailaddress');
    if (typeof email === 'string' && email !== '' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
      throw ruleError(`'${email}' is not a valid email address.`);
    }
    return () => {
      const fields = { ...item, name, site_id: site, client_id: clientId };
      if (existing) return tables.users.put({ ...existing, ...fields });
      return tables.users.insert({
        firstname: '',
        surname: '',
        emailaddress: '',
        phonenumber: '',
        inactive: false,
        isimportantcontact: false,
        notes: '',
        title: '',
        ...fields,
      } as Omit<Row, 'id'>);
    };
  },
  remove(ctx, row) {
    ctx.state.tables.users.delete(row.id);
  },
};
