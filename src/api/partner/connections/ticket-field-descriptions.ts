// How the portal renders a PSA kind's ticket settings: every field with its kind of value, where its
// choices come from (a pick list and the field it depends on) or its range, the hub's default, and
// the section it belongs to. Derived from core's field list, so the portal holds no PSA knowledge.
import { Type } from 'typebox';
import { fieldsOf, type FieldDef, type TicketShape } from '../../../core/ticket-fields.ts';
import { Closed } from '../../schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const TicketFieldDescription = Type.Object(
  {
    name: Type.String(),
    label: Type.String(),
    type: Type.Union(
      ['pick', 'boolean', 'integer', 'choice', 'conditionList', 'conditions'].map((t) => Type.Literal(t)),
      { description: 'conditionList: a list of alert condition keys' },
    ),
    group: Type.Union(
      ['placement', 'status', 'priority', 'events', 'behaviour', 'conditions'].map((g) => Type.Literal(g)),
      { description: 'the section of the settings form the field belongs to' },
    ),
    help: Type.String(),
    pickList: Nullable(Type.String()),
    dependsOn: Nullable(Type.String({ description: 'the field whose chosen item lists this one’s choices' })),
    required: Type.Boolean(),
    /** Statuses: whether the chosen one must be closed (true), open (false), or either (null). */
    closed: Nullable(Type.Boolean()),
    min: Nullable(Type.Integer()),
    max: Nullable(Type.Integer()),
    choices: Type.Array(Type.Object({ value: Type.String(), label: Type.String() }, Closed)),
    hubDefault: Type.Unknown({ description: 'the value when no level sets it (null for pick lists)' }),
  },
  Closed,
);

const help: Record<string, string> = {
  notesInternal: 'Notes the hub adds to a ticket are internal (not visible to the customer).',
  autoResolve: 'When the alert clears, the hub sets the ticket to the resolved status.',
  reopenWindowMinutes:
    'An alert that fails again within this time after its ticket was resolved reopens that ticket; later, a new ticket opens. 0 never reopens.',
  repeatNoteMinutes:
    'Repeats of a failure are collected into one note at most this often, so a flapping check does not flood the ticket.',
  technicianClosed: 'What the hub does when a technician closed the ticket while the alert still fails.',
  conditions: 'Different placement, statuses or priorities for alerts of one condition (e.g. backup.failed).',
  minimumSeverity:
    'Alerts below this severity open no ticket (the alert says why). Alerts sent without a severity always do.',
  conditionsOff:
    'Alerts of these conditions (e.g. backup.email) open no ticket (the alert says why). A level that sets the list replaces the inherited one.',
};

const choiceLabels: Record<string, string> = {
  leave: 'Leave it closed',
  reopen: 'Reopen the same ticket',
  new_ticket: 'Open a new ticket',
  informational: 'Informational (every alert)',
  low: 'Low and above',
  medium: 'Medium and above',
  high: 'High and above',
  critical: 'Critical only',
};

function groupOf(f: FieldDef, placement: Set<string>) {
  if (f.type === 'conditions') return 'conditions' as const;
  if (f.name === 'minimumSeverity' || f.name === 'conditionsOff') return 'events' as const;
  if (f.type !== 'pick') return 'behaviour' as const;
  if (placement.has(f.name)) return 'placement' as const;
  return f.name.startsWith('status.') ? ('status' as const) : ('priority' as const);
}

export function describeTicketFields(shape: TicketShape) {
  const placement = new Set(shape.placement.map((p) => p.name));
  return fieldsOf(shape).map((f) => ({
    name: f.name,
    label: f.label,
    type: f.type,
    group: groupOf(f, placement),
    help: help[f.name] ?? '',
    pickList: f.type === 'pick' ? f.pickList : null,
    dependsOn: f.type === 'pick' ? f.dependsOn : null,
    required: f.type === 'pick' ? f.required : false,
    closed: f.type === 'pick' ? (f.closed ?? null) : null,
    min: f.type === 'integer' ? f.min : null,
    max: f.type === 'integer' ? f.max : null,
    choices: f.type === 'choice' ? f.choices.map((c) => ({ value: c, label: choiceLabels[c] ?? c })) : [],
    hubDefault: 'hubDefault' in f ? f.hubDefault : null,
  }));
}
