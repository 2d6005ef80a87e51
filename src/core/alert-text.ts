// The words an alert's ticket and notes carry: what failed, since when (ISO and readable UTC), how
// often, what it means, what to do, and the vendor portal's link when the source gave one. Plain text,
// which all three PSAs accept in a description or note. Pure.
import type { AlertNote, AlertState, Want } from './alert-lifecycle.ts';
import type { Description } from './error-catalog.ts';

/** ConnectWise's summary takes 100 characters (Autotask 255, Halo more): one limit for all. */
export const MAX_TICKET_TITLE = 100;
const MAX_MESSAGE = 500;

export interface TicketContext {
  orgName: string;
  /** Overrides the state's details.portalUrl. Only http(s) links are written. */
  portalUrl?: string | null;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number): string => String(n).padStart(2, '0');

/** `Tue 24 Nov 2026, 09:05 UTC`: the same in every locale and time zone. */
export function readableTime(isoTime: string): string {
  const d = new Date(isoTime);
  if (Number.isNaN(d.getTime())) return isoTime;
  return (
    `${days[d.getUTCDay()]} ${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}, ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`
  );
}

/** ISO plus the readable form: `2026-11-24T09:05:00.000Z (Tue 24 Nov 2026, 09:05 UTC)`. */
export function whenText(isoTime: string): string {
  return `${isoTime} (${readableTime(isoTime)})`;
}

/** `2 d 3 h`, `3 h 12 min`, `7 min`, `under a minute`. */
export function durationText(fromIso: string, toIso: string): string {
  const minutes = Math.floor((Date.parse(toIso) - Date.parse(fromIso)) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 1) return 'under a minute';
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return `${m} min`;
}

const times = (n: number): string => (n === 1 ? 'once' : `${n} times`);

/** One line, without control characters, at most `max` characters (ending in … when cut). */
export function oneLine(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const controls = /[\u0000-\u001f\u007f]+/g;
  const flat = text.replace(controls, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= max
    ? flat
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

const errorClassWords: Record<Description['errorClass'], string> = {
  cannot_connect: 'cannot connect',
  authentication: 'authentication',
  throttled: 'daily limit reached',
  token: 'token',
  service_disabled: 'service turned off',
  unknown: 'unclassified',
};

/** `Contoso Ltd: OneDrive backup failed. Authentication error – alice@contoso.com`, ≤ 100 characters. */
export function ticketTitle(state: AlertState, description: Description, ctx: TicketContext): string {
  const org = oneLine(ctx.orgName, 40);
  const resource = state.resource ? ` – ${oneLine(state.resource, 60)}` : '';
  return oneLine(`${org}: ${description.title}${resource}`, MAX_TICKET_TITLE);
}

export function ticketText(
  state: AlertState,
  description: Description,
  ctx: TicketContext,
): { title: string; description: string } {
  const lines = [description.title, '', `Organization: ${oneLine(ctx.orgName, 200)}`];
  lines.push(`Condition: ${state.condition}`);
  if (state.resource) lines.push(`Resource: ${oneLine(state.resource, 200)}`);
  if (state.errorCode) {
    lines.push(`Error: ${oneLine(state.errorCode, 100)} (${errorClassWords[description.errorClass]})`);
  }
  if (state.severity) lines.push(`Severity: ${state.severity}`);
  if (state.openedAt) lines.push(`Failing since: ${whenText(state.openedAt)}`);
  if (state.failCount > 1 && state.lastFailedAt) {
    lines.push(`Failures: ${state.failCount}, the last at ${whenText(state.lastFailedAt)}`);
  }
  if (state.message) lines.push(`Message: ${oneLine(state.message, MAX_MESSAGE)}`);
  lines.push('', 'What it means:', description.explanation, '', 'What to do:', description.action);
  const portal = safeUrl(ctx.portalUrl ?? state.portalUrl);
  if (portal) lines.push('', `Details in the vendor portal: ${portal}`);
  return { title: ticketTitle(state, description, ctx), description: lines.join('\n') };
}

/** "Failed 37 more times since …; the last at …" */
export function repeatNoteText(note: Extract<AlertNote, { kind: 'repeat' }>, state: AlertState): string {
  const lines = [
    `Failed ${note.count === 1 ? 'once more' : `${note.count} more times`} since ${whenText(note.since)}` +
      (note.count > 1 ? `; the last at ${whenText(note.until)}.` : '.'),
    `Failures in all: ${state.failCount}${state.openedAt ? `, failing since ${whenText(state.openedAt)}` : ''}.`,
  ];
  if (state.errorCode) lines.push(`Error: ${oneLine(state.errorCode, 100)}`);
  if (state.message) lines.push(`Message: ${oneLine(state.message, MAX_MESSAGE)}`);
  return lines.join('\n');
}

export function recurredNoteText(note: Extract<AlertNote, { kind: 'recurred' }>): string {
  return (
    `Failing again at ${whenText(note.at)}, ${durationText(note.resolvedAt, note.at)} after it cleared ` +
    `at ${whenText(note.resolvedAt)}.`
  );
}

export function reopenNoteText(note: Extract<AlertNote, { kind: 'reopened' }>, state: AlertState): string {
  if (note.reason === 'failing_again' && note.resolvedAt) {
    return (
      `Reopened: failing again at ${whenText(note.at)}, ${durationText(note.resolvedAt, note.at)} after ` +
      `it was resolved at ${whenText(note.resolvedAt)}.`
    );
  }
  const since = state.openedAt ? ` since ${whenText(state.openedAt)}` : '';
  return (
    `Reopened: the ticket was closed while the condition is still failing (${times(state.failCount)}` +
    `${since}). It will be resolved when the condition clears.`
  );
}

export function resolutionNoteText(
  note: Extract<AlertNote, { kind: 'resolution' }>,
  description: Description,
  opts: { autoResolved: boolean },
): string {
  const span = note.openedAt
    ? ` after failing for ${durationText(note.openedAt, note.at)} (since ${whenText(note.openedAt)})`
    : '';
  const lines = [`Resolved at ${whenText(note.at)}${span}; it failed ${times(note.failCount)} in all.`];
  if (note.unreported > 0) lines.push(`Since the last note it failed ${times(note.unreported)}.`);
  lines.push(description.resolved);
  if (!opts.autoResolved) lines.push('The ticket stays open: resolving it automatically is turned off.');
  return lines.join('\n');
}

/** The note text a want carries, or null for a create (its description says it all). */
export function wantNoteText(want: Want, state: AlertState, description: Description): string | null {
  switch (want.type) {
    case 'add_note':
      return want.note.kind === 'repeat' ? repeatNoteText(want.note, state) : recurredNoteText(want.note);
    case 'reopen':
      return reopenNoteText(want.note, state);
    case 'resolve':
      return resolutionNoteText(want.note, description, { autoResolved: true });
    case 'note_only':
      return resolutionNoteText(want.note, description, { autoResolved: false });
    case 'cancel':
      return cancelNoteText(state);
    case 'create_ticket':
      return null;
  }
}

/** Why the hub closed a ticket it no longer follows: the organization lost its link. */
export function cancelNoteText(state: AlertState): string {
  const since = state.openedAt ? ` since ${whenText(state.openedAt)}` : '';
  return [
    'Closed by psa-hub: the organization was unlinked from this company (or its integration was turned off), so the hub no longer updates this ticket.',
    state.resolvedAt
      ? `The condition had cleared at ${whenText(state.resolvedAt)}.`
      : `The condition was still failing (${times(state.failCount)}${since}); check it in the vendor portal.`,
  ].join('\n');
}
