// Ticket settings: which fields a PSA kind has, how a value set at one level is checked, and how the
// effective value of each field is found by walking the levels: organization override → connection →
// partner defaults (nearest partner first; pick-list values given as names, since ids do not carry
// across PSA tenants) → the PSA's own default item → the hub's default. Pure: the caller brings the
// stored values and the connection's pick lists.

import {
  fieldsOf,
  isPlainObject,
  pickFieldsOf,
  severities,
  type FieldDef,
  type FieldValues,
  type PickEntry,
  type PickFieldDef,
  type PickListSet,
  type Severity,
  type TechnicianClosed,
  type TicketShape,
  type ValueForm,
} from './ticket-fields.ts';

/** One level's values and where they come from. */
export type LevelName = 'organization' | 'connection' | 'partner' | 'psa_default' | 'hub_default';

export interface ValueSource {
  level: LevelName;
  partnerId?: string;
  partnerName?: string;
  /** Set when the value comes from an override for one alert condition. */
  condition?: string;
}

export interface SettingsLevel {
  source: ValueSource;
  form: ValueForm;
  values: FieldValues;
}

export interface EffectiveField {
  field: string;
  label: string;
  value: unknown;
  /** The item's name, for pick-list fields with a value. */
  display: string | null;
  source: ValueSource;
  problem: string | null;
}

/** The stored values that apply to a connection (and maybe one of its organizations). */
export interface SettingsSources {
  organization?: FieldValues | undefined;
  connection: FieldValues;
  /** Partner defaults for the connection's kind: its own partner first, then up to the root. */
  partners: { partnerId: string; partnerName: string; values: FieldValues }[];
}

/** The levels in the order they apply, highest first. */
export function levelsOf(sources: SettingsSources): SettingsLevel[] {
  return [
    ...(sources.organization
      ? [{ source: { level: 'organization' as const }, form: 'ids' as const, values: sources.organization }]
      : []),
    { source: { level: 'connection' }, form: 'ids', values: sources.connection },
    ...sources.partners.map((p) => ({
      source: { level: 'partner' as const, partnerId: p.partnerId, partnerName: p.partnerName },
      form: 'names' as const,
      values: p.values,
    })),
  ];
}

export interface ResolveOptions {
  /** Apply the overrides for this alert condition (from the effective `conditions`). */
  condition?: string | undefined;
}

/** A value some level set that could not be used, and why. */
export interface FieldIssue {
  field: string;
  source: ValueSource;
  message: string;
  /** Where the value it depends on came from, when that made it unusable. */
  parentSource: ValueSource | null;
}

/**
 * The effective value of every field, with where it comes from and any problem found on the way
 * (a partner name not on this connection, a value no longer valid, a required field left empty).
 */
export function resolveTicketSettings(
  shape: TicketShape,
  lists: PickListSet,
  sources: SettingsSources,
  opts: ResolveOptions = {},
): EffectiveField[] {
  return resolveWithIssues(shape, lists, sources, opts).view;
}

export function resolveWithIssues(
  shape: TicketShape,
  lists: PickListSet,
  sources: SettingsSources,
  opts: ResolveOptions = {},
): { view: EffectiveField[]; issues: FieldIssue[] } {
  const levels = levelsOf(sources);
  const conditionsLevel = levels.find(
    (l) => l.values.conditions !== undefined && l.values.conditions !== null,
  );
  const conditionsValue = conditionsLevel?.values.conditions;
  const override =
    opts.condition !== undefined && isPlainObject(conditionsValue)
      ? conditionsValue[opts.condition]
      : undefined;
  if (conditionsLevel && isPlainObject(override)) {
    levels.unshift({
      source: { ...conditionsLevel.source, condition: opts.condition! },
      form: conditionsLevel.form,
      values: override,
    });
  }
  const pickDefs = new Map(pickFieldsOf(shape).map((f) => [f.name, f]));
  const effective = new Map<string, EffectiveField>();
  const issues: FieldIssue[] = [];
  const view: EffectiveField[] = [];
  for (const def of fieldsOf(shape)) {
    const found =
      def.type === 'pick'
        ? resolvePick(def, lists[def.pickList] ?? [], levels, effective, pickDefs, issues)
        : resolvePlain(def, levels);
    effective.set(def.name, found);
    view.push(found);
  }
  return { view, issues };
}

function resolvePlain(def: Exclude<FieldDef, PickFieldDef>, levels: SettingsLevel[]): EffectiveField {
  const base = { field: def.name, label: def.label, display: null, problem: null };
  for (const l of levels) {
    if (l.source.condition !== undefined) continue;
    const v = l.values[def.name];
    if (v !== undefined && v !== null) return { ...base, value: v, source: l.source };
  }
  return {
    ...base,
    value: def.type === 'conditions' ? {} : def.hubDefault,
    source: { level: 'hub_default' },
  };
}

function whoSet(source: ValueSource): string {
  const cond = source.condition ? ` for condition ${source.condition}` : '';
  if (source.level === 'partner') return `set by ${source.partnerName ?? 'a partner'}${cond}`;
  return `set on the ${source.level}${cond}`;
}

/** Why `item` cannot be this field's value (and whether its parent is the reason), or null. */
function refusal(
  def: PickFieldDef,
  item: PickEntry,
  parent: EffectiveField | undefined,
  pickDefs: Map<string, PickFieldDef>,
): { message: string; byParent: boolean } | null {
  const what = `${def.noun} '${item.name}'`;
  if (item.inactive) return { message: `${what} is inactive`, byParent: false };
  if (def.dependsOn && item.parentId !== (parent?.value ?? null)) {
    const p = pickDefs.get(def.dependsOn)?.label ?? def.dependsOn;
    const message =
      parent?.value == null
        ? `${what} needs ${p} to be set first`
        : `${what} is not under ${p} '${parent.display ?? String(parent.value)}'`;
    return { message, byParent: true };
  }
  if (def.closed === false && item.closed === true)
    return { message: `${what} is a closed status; a new ticket needs an open one`, byParent: false };
  if (def.closed === true && item.closed !== true)
    return {
      message: `${what} is not a closed status; a resolved ticket needs one that closes it (closed = true)`,
      byParent: false,
    };
  return null;
}

function resolvePick(
  def: PickFieldDef,
  list: PickEntry[],
  levels: SettingsLevel[],
  effective: Map<string, EffectiveField>,
  pickDefs: Map<string, PickFieldDef>,
  issues: FieldIssue[],
): EffectiveField {
  const parent = def.dependsOn ? effective.get(def.dependsOn) : undefined;
  const problems: string[] = [];
  const note = (source: ValueSource, message: string, byParent: boolean) => {
    problems.push(message);
    issues.push({
      field: def.name,
      source,
      message,
      parentSource: byParent ? (parent?.source ?? null) : null,
    });
  };
  const result = (item: PickEntry | null, source: ValueSource): EffectiveField => ({
    field: def.name,
    label: def.label,
    value: item?.id ?? null,
    display: item?.name ?? null,
    source,
    problem: problems.length ? problems.join('; ') : null,
  });
  for (const l of levels) {
    const v = l.values[def.name];
    if (typeof v !== 'string') continue;
    if (l.form === 'ids') {
      // Ids of a dependent list may repeat under different parents (Halo: a priority id per SLA).
      const withId = list.filter((i) => i.id === v);
      const usable = withId.find((i) => !refusal(def, i, parent, pickDefs));
      if (usable) return result(usable, l.source);
      const why = withId[0] && refusal(def, withId[0], parent, pickDefs);
      if (why) note(l.source, `${why.message} (${whoSet(l.source)})`, why.byParent);
      else note(l.source, `${def.noun} ${v} (${whoSet(l.source)}) does not exist in the PSA`, false);
    } else {
      const wanted = v.trim().toLowerCase();
      const named = list.filter((i) => i.name.trim().toLowerCase() === wanted);
      const usable = named.find((i) => !refusal(def, i, parent, pickDefs));
      if (usable) return result(usable, l.source);
      const why = named[0] && refusal(def, named[0], parent, pickDefs);
      if (why) note(l.source, `${why.message} (${whoSet(l.source)})`, why.byParent);
      else note(l.source, `${def.noun} '${v}' ${whoSet(l.source)} is not on this connection`, false);
    }
  }
  const psaDefault = list.find(
    (i) => i.isDefault && !refusal(def, i, parent, pickDefs) && !(def.defaultOnlyClosed && i.closed !== true),
  );
  if (psaDefault) return result(psaDefault, { level: 'psa_default' });
  if (def.required)
    problems.push(`${def.label} is required: set it on the connection or as a partner default`);
  return result(null, { level: 'hub_default' });
}

/**
 * What a save must refuse, as `{ path, message }` with paths like `status.new` or
 * `conditions/backup.email/boardId`: a value of the saved level (or of one of its condition
 * overrides) that cannot be used, or a value of a lower level that the saved level's change of the
 * field it depends on made unusable (a connection's status left on another board than the org's).
 */
export function saveRefusals(
  shape: TicketShape,
  lists: PickListSet,
  sources: SettingsSources,
  saved: (s: ValueSource) => boolean,
  conditionKeys: string[],
): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  for (const condition of [undefined, ...conditionKeys]) {
    for (const i of resolveWithIssues(shape, lists, sources, { condition }).issues) {
      // Partner names may not resolve on every connection by design: skipped with a problem, not refused.
      const madeInvalid = i.parentSource !== null && i.source.level !== 'partner' && saved(i.parentSource);
      if (!saved(i.source) && !madeInvalid) continue;
      const path = i.source.condition !== undefined ? `conditions/${i.source.condition}/${i.field}` : i.field;
      if (!out.some((o) => o.path === path && o.message === i.message))
        out.push({ path, message: i.message });
    }
  }
  return out;
}

/** The resolved settings in the shape the ticket reconciler uses. */
export interface ResolvedTicketSettings {
  /** Placement fields with a value: boardId, typeId… / queueId… / ticketTypeId, slaId… */
  placement: Record<string, string>;
  status: { new: string | null; resolved: string | null; cancelled: string | null };
  priority: Record<Severity, string | null>;
  notesInternal: boolean;
  autoResolve: boolean;
  reopenWindowMinutes: number;
  repeatNoteMinutes: number;
  technicianClosed: TechnicianClosed;
  /** Fields with a problem (a required placement field without a value, a name not found…). */
  problems: { field: string; problem: string }[];
}

export function toResolved(shape: TicketShape, view: EffectiveField[]): ResolvedTicketSettings {
  const get = (name: string) => view.find((f) => f.field === name)?.value;
  const id = (name: string) => {
    const v = get(name);
    return typeof v === 'string' ? v : null;
  };
  const placement: Record<string, string> = {};
  for (const p of shape.placement) {
    const v = id(p.name);
    if (v !== null) placement[p.name] = v;
  }
  return {
    placement,
    status: { new: id('status.new'), resolved: id('status.resolved'), cancelled: id('status.cancelled') },
    priority: Object.fromEntries(severities.map((s) => [s, id(`priority.${s}`)])) as Record<
      Severity,
      string | null
    >,
    notesInternal: get('notesInternal') as boolean,
    autoResolve: get('autoResolve') as boolean,
    reopenWindowMinutes: get('reopenWindowMinutes') as number,
    repeatNoteMinutes: get('repeatNoteMinutes') as number,
    technicianClosed: get('technicianClosed') as TechnicianClosed,
    problems: view.flatMap((f) => (f.problem ? [{ field: f.field, problem: f.problem }] : [])),
  };
}
