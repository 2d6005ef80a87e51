// Custom field definitions and the client custom fields they govern (reference §4.19).
// `GET /api/FieldInfo` answers a bare array of `FieldInfo` (SPEC-2024 schema: id, name, label,
// type, inputtype, custom, usage, readonly, calcfield, characterlimit, mandatory…); `typeid` picks
// the entity: 1 tickets, 2 clients, 3 sites, 5 assets (halopsa-node docs/field-info.md) — stored
// here as the definition's `usage` [inferred]. `GET /api/FieldInfo/{id}` answers one. Field types
// follow the order of Halo's custom-field guide (kbid 1938): 0 Text, 1 Memo, 2 Single selection,
// 3 Multiple selection, 4 Date, 5 Time, 6 Checkbox; a Text field's `inputtype` is 0 anything,
// 1 integer, 2 money, 3 alphanumeric, 4 decimal, 5 URL [inferred: the numbers are not in the
// sources]. Names carry Halo's `CF` prefix (guide: "a custom field named money … cfmoney").
// FieldInfo has no inactive flag; a read-only (`readonly`) or calculated (`calcfield`) field
// cannot be written, which is what the simulator's "inactive" field is.
import { ruleError } from './errors.ts';
import type { Ctx } from './entity.ts';
import type { Row } from './seed-types.ts';
import { asId, jsonResponse, NULL_DATE, parseHaloDate } from './wire.ts';
import type { SimResponse } from '../shared/types.ts';

export const CLIENT_USAGE = 2;
export const TYPE = { text: 0, memo: 1, single: 2, multi: 3, date: 4, time: 5, checkbox: 6 } as const;
export const INPUT = { anything: 0, integer: 1, money: 2, alphanumeric: 3, decimal: 4, url: 5 } as const;

export function listFieldInfo(ctx: Ctx): SimResponse {
  const typeid = ctx.q.int('typeid');
  const rows = ctx.state.fieldInfo.filter((f) => typeid === undefined || f.usage === typeid);
  return jsonResponse(200, rows);
}

export function getFieldInfo(ctx: Ctx, idText: string): SimResponse {
  const id = asId(idText);
  const row = ctx.state.fieldInfo.find((f) => f.id === id);
  return row ? jsonResponse(200, row) : { status: 404 };
}

const clientFields = (ctx: Ctx): Row[] => ctx.state.fieldInfo.filter((f) => f.usage === CLIENT_USAGE);

const isUnset = (v: unknown) => v === undefined || v === null || v === '';

/** A client's `customfields` as GET shows them: every client field, then stored leftovers. */
export function clientCustomFields(stored: unknown, ctx: Ctx): Row[] {
  const held = Array.isArray(stored) ? (stored as Row[]) : [];
  const defs = clientFields(ctx);
  const shown = defs.map((d) => {
    const value = held.find((h) => h?.id === d.id)?.value;
    const unset = isUnset(value);
    return {
      id: d.id,
      name: d.name,
      label: d.label,
      type: d.type,
      inputtype: d.inputtype ?? 0,
      usage: d.usage,
      value: unset ? (d.type === TYPE.date ? NULL_DATE : '') : value,
      display: unset ? '' : String(value),
    };
  });
  const known = new Set(ctx.state.fieldInfo.map((f) => f.id));
  return [...shown, ...held.filter((h) => h && !known.has(h.id))];
}

function checkValue(def: Row, value: unknown): unknown {
  const label = String(def.label ?? def.name);
  if (isUnset(value)) return null;
  if (def.readonly === true || def.calcfield === true) throw ruleError(`The field ${label} is read only.`);
  const type = Number(def.type);
  if (type === TYPE.date) {
    const d = typeof value === 'string' ? parseHaloDate(value) : undefined;
    if (d === undefined) throw ruleError(`${label}: '${String(value)}' is not a valid date.`);
    return d === NULL_DATE ? null : `${d.slice(0, 10)}T00:00:00`;
  }
  if (type !== TYPE.text && type !== TYPE.memo) return value;
  const input = Number(def.inputtype ?? 0);
  if (input === INPUT.integer || input === INPUT.money || input === INPUT.decimal) {
    const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
    if (!Number.isFinite(n) || (input === INPUT.integer && !Number.isInteger(n)))
      throw ruleError(
        `${label} must be ${input === INPUT.integer ? 'a whole number' : 'a number'}: '${String(value)}'.`,
      );
    return n;
  }
  const text = String(value);
  const limit = Number(def.characterlimit ?? 0);
  if (limit > 0 && text.length > limit)
    throw ruleError(`${label} cannot be longer than ${limit} characters.`);
  return text;
}

/**
 * The client's custom fields after a POST (already merged by id, custom-fields.ts): each value a
 * client field can hold, normalised; an unknown or non-client field id is refused with Halo's
 * plain-text 400 [inferred wording]. Ids the seed has no definition for at all are kept as sent.
 */
export function checkClientCustomFields(merged: unknown, ctx: Ctx): Row[] {
  if (!Array.isArray(merged)) return [];
  const defs = clientFields(ctx);
  const known = new Set(ctx.state.fieldInfo.map((f) => f.id));
  return (merged as Row[]).flatMap((f) => {
    const def = defs.find((d) => d.id === f.id);
    if (!def) {
      if (known.has(f.id)) throw ruleError(`Custom field ${f.id} is not a client field.`);
      return [f];
    }
    const value = checkValue(def, f.value);
    return value === null ? [] : [{ id: def.id, name: def.name, value, display: String(value) }];
  });
}
