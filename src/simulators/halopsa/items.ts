// Items (products) — `GET/POST /Item`, `GET/DELETE /Item/{id}` (reference §4.16; SPEC-2024
// `Item`). Envelope `{record_count, items}` (PSMOD). `recurringonly`/`excluderecurring` filter on
// `isrecurringitem`; `supplier_id` filters.
import { requireRef, requireText, type EntityDef } from './entity.ts';
import { ruleError } from './errors.ts';
import type { Row } from './seed-types.ts';

export const itemDef: EntityDef = {
  path: 'Item',
  schema: 'Item',
  readPermission: 'read:items',
  writePermission: 'edit:items',
  list: { key: 'items', searchFields: ['name', 'description', 'internalreference'], defaultOrder: 'name' },
  rows(ctx) {
    const recurringOnly = ctx.q.bool('recurringonly') === true;
    const excludeRecurring = ctx.q.bool('excluderecurring') === true;
    const supplier = ctx.q.int('supplier_id');
    return ctx.state.tables.items
      .all()
      .filter((r) => !recurringOnly || r.isrecurringitem === true)
      .filter((r) => !excludeRecurring || r.isrecurringitem !== true)
      .filter((r) => supplier === undefined || r.supplier_id === supplier);
  },
  get: (ctx, id) => ctx.state.tables.items.get(id),
  toWire: (row) => row,
  prepare(item, existing, ctx) {
    const name = requireText(item, existing, 'name', 'Name');
    for (const f of ['baseprice', 'costprice', 'recurringprice', 'recurringcost'] as const) {
      if (typeof item[f] === 'number' && (item[f] as number) < 0) throw ruleError(`${f} cannot be negative.`);
    }
    requireRef(item.supplier_id, () => true, 'Supplier');
    return () => {
      const table = ctx.state.tables.items;
      if (existing) return table.put({ ...existing, ...item, name });
      return table.insert({
        description: '',
        baseprice: 0,
        costprice: 0,
        recurringprice: 0,
        recurringcost: 0,
        isrecurringitem: false,
        taxcode: 0,
        nominalcode: '',
        supplier_id: -1,
        internalreference: '',
        externalreference: '',
        ...item,
        name,
      } as Omit<Row, 'id'>);
    };
  },
  remove: (ctx, row) => void ctx.state.tables.items.delete(row.id),
};
