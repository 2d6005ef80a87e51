// Categories — `GET/POST /Category`, `GET/DELETE /Category/{id}` (reference §4.11; SPEC-2024
// `CategoryDetail`). A bare array [inferred]. `type_id` picks the level (1–4); a ticket stores the
// category's `value` text in `category_N` (§4.4).
import { ruleError } from './errors.ts';
import { lookupDef } from './lookup.ts';

export const categoryDef = lookupDef({
  path: 'Category',
  schema: 'CategoryDetail',
  table: 'categories',
  nameField: 'value',
  nameLabel: 'Value',
  list: { defaultOrder: 'value', searchFields: ['value'] },
  defaults: { type_id: 1, sla_id: -1, priority_id: -1, category_group_id: 0, note: '' },
  filter(row, ctx) {
    const type = ctx.q.int('type_id');
    return type === undefined || row.type_id === type;
  },
  check(item) {
    if (
      item.type_id !== undefined &&
      (typeof item.type_id !== 'number' || item.type_id < 1 || item.type_id > 4)
    ) {
      throw ruleError('Category type must be between 1 and 4.');
    }
    return {};
  },
});
