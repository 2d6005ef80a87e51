// The logic of the ticket settings form, apart from its widgets: which pick-list items a field may
// take (those under the item chosen for the field it depends on), what a source is called, and the
// body a save sends. Fields and lists come from the API; nothing here knows a PSA.
import type { EffectiveField, PickItem, TicketField, ValueSource } from '../../client/types.ts';

/** Values are pick-list ids on a connection or organization, names in a partner's defaults. */
export type ValueForm = 'ids' | 'names';
export type Level = ValueSource['level'];
export type Draft = Record<string, unknown>;
export type Lists = Record<string, PickItem[]>;

export interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}

/** The id of the item chosen for `field`'s parent: the draft's value, else the effective one. */
export function parentId(
  field: TicketField,
  values: Draft,
  effective: Map<string, EffectiveField>,
  fields: Map<string, TicketField>,
  lists: Lists,
  form: ValueForm,
): string | null {
  if (!field.dependsOn) return null;
  const chosen = values[field.dependsOn];
  if (typeof chosen === 'string' && chosen) {
    if (form === 'ids') return chosen;
    const parent = fields.get(field.dependsOn);
    const list = parent?.pickList ? (lists[parent.pickList] ?? []) : [];
    return list.find((i) => sameName(i.name, chosen))?.id ?? null;
  }
  const value = effective.get(field.dependsOn)?.value;
  return typeof value === 'string' ? value : null;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The items a pick field may take, as options (value: id or name); unusable ones disabled. */
export function optionsFor(
  field: TicketField,
  lists: Lists,
  parent: string | null,
  form: ValueForm,
): Option[] {
  const items = (field.pickList ? (lists[field.pickList] ?? []) : []).filter(
    (i) => !field.dependsOn || i.parentId === parent,
  );
  const seen = new Set<string>();
  const out: Option[] = [];
  for (const i of items) {
    const value = form === 'ids' ? i.id : i.name;
    if (seen.has(value)) continue;
    seen.add(value);
    const wrongState = field.closed !== null && i.closed !== null && i.closed !== field.closed;
    const notes = [
      i.inactive && 'inactive',
      i.closed === true && 'closes the ticket',
      i.isDefault && 'PSA default',
    ]
      .filter(Boolean)
      .join(', ');
    out.push({
      value,
      label: notes ? `${i.name} (${notes})` : i.name,
      ...(i.inactive || wrongState ? { disabled: true } : {}),
    });
  }
  return out;
}

/** Where a value comes from, relative to the level the page edits. */
export function sourceText(source: ValueSource, here: Level): string {
  const cond = source.condition ? ` (override for ${source.condition})` : '';
  if (source.level === here) return `set here${cond}`;
  switch (source.level) {
    case 'organization':
      return `set on the organization${cond}`;
    case 'connection':
      return `inherited from the connection${cond}`;
    case 'partner':
      return `inherited from partner ${source.partnerName ?? 'a partner'}${cond}`;
    case 'psa_default':
      return 'the PSA’s default';
    default:
      return 'the hub’s default';
  }
}

/** What a field shows as its effective value. */
export function effectiveText(field: TicketField, e: EffectiveField | undefined): string {
  if (!e) return '—';
  if (e.display) return e.display;
  if (e.value === null || e.value === undefined) return 'not set';
  if (field.type === 'boolean') return e.value ? 'Yes' : 'No';
  if (field.type === 'choice')
    return field.choices.find((c) => c.value === e.value)?.label ?? String(e.value);
  if (field.type === 'conditionList')
    return Array.isArray(e.value) && e.value.length ? e.value.join(', ') : 'none';
  if (field.type === 'conditions') {
    const n = typeof e.value === 'object' ? Object.keys(e.value as object).length : 0;
    return n ? `${n} condition${n === 1 ? '' : 's'}` : 'none';
  }
  return String(e.value);
}

/** The body of a save: only the fields set at this level (left out = inherited). */
export function fieldsToSave(values: Draft): Draft {
  const out: Draft = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '') continue;
    if (k === 'conditions') {
      // A field added to a condition but not chosen yet is not sent.
      const kept = Object.entries(conditionsOf(values)).map(
        ([key, o]) => [key, Object.fromEntries(Object.entries(o).filter(([, x]) => x))] as const,
      );
      if (kept.length) out[k] = Object.fromEntries(kept);
      continue;
    }
    out[k] = v;
  }
  return out;
}

export type Conditions = Record<string, Record<string, string>>;

export function conditionsOf(values: Draft): Conditions {
  const c = values.conditions;
  return c && typeof c === 'object' && !Array.isArray(c) ? (c as Conditions) : {};
}
