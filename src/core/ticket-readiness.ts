// Whether ticket settings let a ticket through: the settings a ticket needs that no level gives (for
// the connection's health), and the ones a given write needs (for an alert that waits on them instead
// of failing). Pure.
import type { AlertSeverity } from './alert-lifecycle.ts';
import type { FieldDef } from './ticket-fields.ts';
import type { EffectiveField, ResolvedTicketSettings } from './ticket-settings.ts';

export interface TicketBlocker {
  field: string;
  label: string;
  problem: string;
}

/** The required fields (placement, new and resolved status, default priority) that have no value. */
export function ticketBlockers(fields: FieldDef[], view: EffectiveField[]): TicketBlocker[] {
  const required = new Set(fields.filter((f) => f.type === 'pick' && f.required).map((f) => f.name));
  return view
    .filter((f) => required.has(f.field) && (f.value === null || f.value === undefined))
    .map((f) => ({ field: f.field, label: f.label, problem: f.problem ?? `${f.label} is not set` }));
}

/** "Tickets can't be opened: set status.new, priority.default", or null when nothing is missing. */
export function blockedMessage(blockers: TicketBlocker[]): string | null {
  if (blockers.length === 0) return null;
  return `Tickets can't be opened: set ${blockers.map((b) => b.field).join(', ')} in the ticket settings`;
}

export type TicketWrite = 'create' | 'reopen' | 'resolve' | 'cancel' | 'note';

/** The status a write sets: unlinking closes with the cancelled status, else the resolved one. */
export function statusFor(write: TicketWrite, settings: ResolvedTicketSettings): string | null {
  switch (write) {
    case 'create':
    case 'reopen':
      return settings.status.new;
    case 'resolve':
      return settings.status.resolved;
    case 'cancel':
      return settings.status.cancelled ?? settings.status.resolved;
    case 'note':
      return null;
  }
}

/**
 * The fields this write needs that have no value (empty: it can go): a new ticket needs its
 * required placement fields, an open status and a priority; a status change needs that status.
 */
export function missingFor(
  write: TicketWrite,
  settings: ResolvedTicketSettings,
  opts: { requiredPlacement: string[]; priorityId: string | null },
): string[] {
  const missing: string[] = [];
  if (write === 'create')
    for (const name of opts.requiredPlacement) if (!settings.placement[name]) missing.push(name);
  if (write !== 'note' && !statusFor(write, settings))
    missing.push(write === 'cancel' || write === 'resolve' ? 'status.resolved' : 'status.new');
  if (write === 'create' && !opts.priorityId) missing.push('priority.default');
  return missing;
}

/** Why an alert waits: `Waiting for ticket settings: set status.new in the ticket settings of X`. */
export function settingsWaitReason(missing: string[], connectionName: string): string {
  const list = missing.length > 1 ? `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}` : missing[0];
  return `Waiting for ticket settings: set ${list} in the ticket settings of ${connectionName}`;
}

/** The priority of a ticket for an alert of this severity: its own, else the default one. */
export function priorityFor(settings: ResolvedTicketSettings, severity: AlertSeverity | null): string | null {
  return settings.priority[severity ?? 'default'] ?? settings.priority.default;
}
