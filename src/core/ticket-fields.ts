// The fields of ticket settings for one PSA kind: its placement fields (from the PSA descriptor),
// the statuses and priorities every PSA has, and the hub's own behaviour switches; and the shape check
// of values set at one level (types, ranges, known fields), before any PSA is asked.

/** A PSA-specific placement field, as the PSA descriptor lists it. */
export interface PlacementSpec {
  name: string;
  label: string;
  pickList: string;
  dependsOn: string | null;
  required: boolean;
}

/** What the resolver needs of a PSA descriptor (PsaDescriptor fits it). */
export interface TicketShape {
  placement: PlacementSpec[];
  statuses: { pickList: string; dependsOn: string | null };
  priorities: { pickList: string; dependsOn: string | null };
}

/** One entry of a pick list (PickItem fits it). */
export interface PickEntry {
  id: string;
  name: string;
  parentId: string | null;
  inactive: boolean;
  closed: boolean | null;
  isDefault: boolean;
}
export type PickListSet = Record<string, PickEntry[]>;

export const technicianClosedChoices = ['leave', 'reopen', 'new_ticket'] as const;
export type TechnicianClosed = (typeof technicianClosedChoices)[number];

export const statusRoles = ['new', 'resolved', 'cancelled'] as const;
export const severities = ['informational', 'low', 'medium', 'high', 'critical', 'default'] as const;
export type Severity = (typeof severities)[number];

export const MAX_CONDITIONS = 50;
export const MAX_CONDITION_LENGTH = 100;

export type FieldDef =
  | {
      name: string;
      label: string;
      type: 'pick';
      pickList: string;
      dependsOn: string | null;
      required: boolean;
      /** What one item is called in messages: `status`, `priority`, or the field's label. */
      noun: string;
      /** Statuses: a new ticket's must be open, a resolved ticket's closed. */
      closed?: boolean;
      /** Take the PSA's default item only when it is a closed status (a cancelled ticket's). */
      defaultOnlyClosed?: boolean;
    }
  | { name: string; label: string; type: 'boolean'; hubDefault: boolean }
  | { name: string; label: string; type: 'integer'; min: number; max: number; hubDefault: number }
  | { name: string; label: string; type: 'choice'; choices: readonly string[]; hubDefault: string }
  | { name: string; label: string; type: 'conditionList'; hubDefault: string[] }
  | { name: 'conditions'; label: string; type: 'conditions' };

export type PickFieldDef = Extract<FieldDef, { type: 'pick' }>;

/** The hub's own defaults, used when no level sets a field. */
export const hubDefaults = {
  notesInternal: true,
  autoResolve: true,
  reopenWindowMinutes: 1440,
  repeatNoteMinutes: 60,
  technicianClosed: 'new_ticket' as TechnicianClosed,
  /** Every severity opens a ticket unless a level asks for more. */
  minimumSeverity: 'informational' as EventSeverity,
  conditionsOff: [] as string[],
};

/** The severities an event may carry, lowest first. */
export const eventSeverities = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type EventSeverity = (typeof eventSeverities)[number];

/** The pick-list fields of a PSA kind: placement, then statuses, then priorities (dependency order). */
export function pickFieldsOf(shape: TicketShape): PickFieldDef[] {
  return [
    ...shape.placement.map((p) => ({ ...p, type: 'pick' as const, noun: p.label })),
    ...statusRoles.map((role) => ({
      name: `status.${role}`,
      label: `Status when ${role === 'new' ? 'opened' : role}`,
      type: 'pick' as const,
      pickList: shape.statuses.pickList,
      dependsOn: shape.statuses.dependsOn,
      // A ticket is opened in one and resolved (or, without a cancelled one, closed on unlink) in the
      // other; a cancelled status is optional since unlinking falls back to the resolved one.
      required: role !== 'cancelled',
      noun: 'status',
      ...(role === 'new'
        ? { closed: false }
        : role === 'resolved'
          ? { closed: true }
          : { defaultOnlyClosed: true }),
    })),
    ...severities.map((s) => ({
      name: `priority.${s}`,
      label: s === 'default' ? 'Priority when the alert has no severity' : `Priority for ${s} alerts`,
      type: 'pick' as const,
      pickList: shape.priorities.pickList,
      dependsOn: shape.priorities.dependsOn,
      // Every ticket needs a priority: the one of its severity, else this one.
      required: s === 'default',
      noun: 'priority',
    })),
  ];
}

/** Every field of a PSA kind, in the order the effective view lists them. */
export function fieldsOf(shape: TicketShape): FieldDef[] {
  return [
    ...pickFieldsOf(shape),
    {
      name: 'notesInternal',
      label: 'Notes are internal',
      type: 'boolean',
      hubDefault: hubDefaults.notesInternal,
    },
    {
      name: 'autoResolve',
      label: 'Resolve the ticket when the alert clears',
      type: 'boolean',
      hubDefault: hubDefaults.autoResolve,
    },
    {
      name: 'reopenWindowMinutes',
      label: 'Reopen a resolved ticket within (minutes)',
      type: 'integer',
      min: 0,
      max: 43200,
      hubDefault: hubDefaults.reopenWindowMinutes,
    },
    {
      name: 'repeatNoteMinutes',
      label: 'At most one "failed again" note per (minutes)',
      type: 'integer',
      min: 1,
      max: 10080,
      hubDefault: hubDefaults.repeatNoteMinutes,
    },
    {
      name: 'technicianClosed',
      label: 'When a technician closed the ticket and the alert still fails',
      type: 'choice',
      choices: technicianClosedChoices,
      hubDefault: hubDefaults.technicianClosed,
    },
    {
      name: 'minimumSeverity',
      label: 'Minimum severity that opens a ticket',
      type: 'choice',
      choices: eventSeverities,
      hubDefault: hubDefaults.minimumSeverity,
    },
    {
      name: 'conditionsOff',
      label: 'Conditions that open no ticket',
      type: 'conditionList',
      hubDefault: hubDefaults.conditionsOff,
    },
    { name: 'conditions', label: 'Overrides per alert condition', type: 'conditions' },
  ];
}

/** Values set at one level: field name → value (pick-list ids, or names at partner level). */
export type FieldValues = Record<string, unknown>;

/** Where a value is given as pick-list ids (connection, organization) or names (partner defaults). */
export type ValueForm = 'ids' | 'names';

export interface ShapeProblem {
  /** e.g. `status.new` or `conditions/backup.email/boardId`. */
  path: string;
  message: string;
}

function checkPickValue(f: PickFieldDef, v: unknown, form: ValueForm): string | null {
  if (typeof v !== 'string')
    return `must be a string (the ${form === 'ids' ? 'id' : 'name'} of a ${f.label})`;
  const max = form === 'ids' ? 100 : 200;
  if (v.trim() === '' || v.length > max) return `must be 1–${max} characters`;
  return null;
}

/** Checks types, ranges and field names; pick-list values are checked against a PSA elsewhere. */
export function checkShape(shape: TicketShape, values: FieldValues, form: ValueForm): ShapeProblem[] {
  const defs = new Map(fieldsOf(shape).map((f) => [f.name, f]));
  const picks = new Map(pickFieldsOf(shape).map((f) => [f.name, f]));
  const problems: ShapeProblem[] = [];
  for (const [name, v] of Object.entries(values)) {
    const f = defs.get(name);
    const fail = (message: string, path = name) => problems.push({ path, message });
    if (!f) {
      fail(`unknown field "${name}"; this PSA has ${[...defs.keys()].join(', ')}`);
      continue;
    }
    switch (f.type) {
      case 'pick': {
        const bad = checkPickValue(f, v, form);
        if (bad) fail(bad);
        break;
      }
      case 'boolean':
        if (typeof v !== 'boolean') fail('must be true or false');
        break;
      case 'integer':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < f.min || v > f.max)
          fail(`must be a whole number from ${f.min} to ${f.max}`);
        break;
      case 'choice':
        if (typeof v !== 'string' || !f.choices.includes(v)) fail(`must be one of ${f.choices.join(', ')}`);
        break;
      case 'conditionList': {
        const ok =
          Array.isArray(v) &&
          v.length <= MAX_CONDITIONS &&
          v.every((c) => typeof c === 'string' && c.trim() !== '' && c.length <= MAX_CONDITION_LENGTH);
        if (!ok)
          fail(
            `must be a list of at most ${MAX_CONDITIONS} condition keys (e.g. "backup.email"), each 1–${MAX_CONDITION_LENGTH} characters`,
          );
        break;
      }
      case 'conditions': {
        if (!isPlainObject(v)) {
          fail('must be an object of condition → field overrides');
          break;
        }
        const keys = Object.keys(v);
        if (keys.length > MAX_CONDITIONS) fail(`at most ${MAX_CONDITIONS} conditions`);
        for (const key of keys) {
          const at = `conditions/${key}`;
          if (key.trim() === '' || key.length > MAX_CONDITION_LENGTH)
            fail(`a condition key must be 1–${MAX_CONDITION_LENGTH} characters`, at);
          const override = v[key];
          if (!isPlainObject(override)) {
            fail('must be an object of ticket fields', at);
            continue;
          }
          for (const [sub, sv] of Object.entries(override)) {
            const pf = picks.get(sub);
            if (!pf) {
              fail(
                `unknown field "${sub}"; a condition may override ${[...picks.keys()].join(', ')}`,
                `${at}/${sub}`,
              );
              continue;
            }
            const bad = checkPickValue(pf, sv, form);
            if (bad) fail(bad, `${at}/${sub}`);
          }
        }
        break;
      }
    }
  }
  return problems;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
