// Configuration lookups (ticket types, statuses, SLAs, categories, teams, outcomes, agents) share
// one behaviour: any valid token may read them, writes need the `admin` scope [inferred, §1.5],
// and the list is a bare array (reference §3.3).
import { pick, requireText, type Ctx, type EntityDef } from './entity.ts';
import type { ListShape } from './listing.ts';
import type { Row, SeedCollection } from './seed-types.ts';

export interface LookupOptions {
  path: string;
  schema: string;
  table: SeedCollection;
  nameField?: string;
  nameLabel?: string;
  list?: Partial<ListShape>;
  filter?: (row: Row, ctx: Ctx) => boolean;
  toWire?: (row: Row, ctx: Ctx) => Record<string, unknown>;
  defaults?: Record<string, unknown>;
  /** Extra checks on a posted item; returns fields to store. */
  check?: (item: Record<string, unknown>, existing: Row | undefined, ctx: Ctx) => Record<string, unknown>;
}

export function lookupDef(o: LookupOptions): EntityDef {
  const nameField = o.nameField ?? 'name';
  return {
    path: o.path,
    schema: o.schema,
    readPermission: null,
    writePermission: 'admin',
    list: { key: null, searchFields: [nameField], defaultOrder: nameField, ...o.list },
    rows: (ctx) => ctx.state.tables[o.table].all().filter((r) => (o.filter ? o.filter(r, ctx) : true)),
    get: (ctx, id) => ctx.state.tables[o.table].get(id),
    toWire: (row, ctx) => (o.toWire ? o.toWire(row, ctx) : row),
    prepare(item, existing, ctx) {
      const table = ctx.state.tables[o.table];
      const name = requireText(item, existing, nameField, o.nameLabel ?? 'Name');
      const extra = o.check ? o.check(item, existing, ctx) : {};
      return () => {
        const fields = { ...item, ...extra, [nameField]: name };
        if (existing) return table.put({ ...existing, ...fields });
        return table.insert({ ...o.defaults, ...fields } as Omit<Row, 'id'>);
      };
    },
    remove: (ctx, row) => void ctx.state.tables[o.table].delete(row.id),
  };
}

export { pick };
