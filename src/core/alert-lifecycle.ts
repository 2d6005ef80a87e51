// The alert lifecycle: one alert per organization × condition × resource, moved by the vendor's
// events, by what the reconciler sees of the ticket, by the organization losing its link, and by the
// clock (coalesced "failed again" notes). Pure: every function takes the state and returns the next
// state plus the ticket writes it wants; the caller stores both in one transaction and the ticket
// reconciler carries the wants out. The moves on events are a table (eventMoves) with one step per
// alert status × event status.
//
// Time: an event's `occurredAt` orders events and is what notes report ("since …"); `now` (the
// caller's clock) paces the PSA writes (at most one repeat note per repeatNoteMinutes) and stamps
// them. Times in the state are ISO strings (UTC).
//
// Out-of-order events (occurredAt before lastEventAt, the latest time applied so far) never move the
// status: a late `resolved` is ignored altogether; a late `failing` is only counted, and only when it
// belongs to the current episode (at or after openedAt). So the status always follows the newest
// event by occurredAt; events with equal times apply in arrival order. Duplicate event ids are
// filtered before this (the event store), not here.
import { eventSeverities, hubDefaults, type EventSeverity, type TechnicianClosed } from './ticket-fields.ts';

export const alertSeverities = eventSeverities;
export type AlertSeverity = EventSeverity;

/** The fields of a Source API event that the lifecycle reads. */
export interface AlertEventInput {
  organizationId: string;
  condition: string;
  resource?: string | null | undefined;
  status: 'failing' | 'resolved';
  severity?: AlertSeverity | null | undefined;
  errorCode?: string | null | undefined;
  message?: string | null | undefined;
  /** ISO 8601; the Source API has checked it. */
  occurredAt: string;
  details?: Record<string, unknown> | null | undefined;
}

export interface LifecycleSettings {
  /** At most one "failed N more times" note per this many minutes (≥ 1). */
  repeatNoteMinutes: number;
  /** Resolve the ticket when the condition clears; when off, only a note is written. */
  autoResolve: boolean;
  /** Failing again within this many minutes of the resolution reopens the ticket; 0 = never reopen. */
  reopenWindowMinutes: number;
  /** A technician closed the ticket while the condition still fails. */
  technicianClosed: TechnicianClosed;
  /** Which failures open a ticket, and where each rule was set (for the alert's reason). */
  ticketFilter: TicketFilter;
}

export interface TicketFilter {
  minimumSeverity: AlertSeverity;
  conditionsOff: string[];
  /** Where each was set, in words: "the organization", "connection Acme CW", "partner Acme". */
  minimumSeverityFrom: string;
  conditionsOffFrom: string;
}

export const defaultLifecycleSettings: LifecycleSettings = {
  repeatNoteMinutes: hubDefaults.repeatNoteMinutes,
  autoResolve: hubDefaults.autoResolve,
  reopenWindowMinutes: hubDefaults.reopenWindowMinutes,
  technicianClosed: hubDefaults.technicianClosed,
  ticketFilter: {
    minimumSeverity: hubDefaults.minimumSeverity,
    conditionsOff: hubDefaults.conditionsOff,
    minimumSeverityFrom: 'the hub default',
    conditionsOffFrom: 'the hub default',
  },
};

export type AlertStatus = 'failing' | 'resolved' | 'cancelled';
/** What the hub believes of the PSA ticket, once the wants are carried out. */
export type TicketState = 'none' | 'open' | 'resolved' | 'closed_by_technician' | 'cancelled';

export interface AlertState {
  organizationId: string;
  condition: string;
  /** As sent, trimmed ('' when none); alertKey() lower-cases it. */
  resource: string;
  status: AlertStatus;
  /** Counts the tickets wanted for this alert: 1 for the first, +1 for each new one. 0 = none yet. */
  episode: number;
  /** occurredAt of the episode's first failure; null when only a `resolved` was ever seen. */
  openedAt: string | null;
  lastFailedAt: string | null;
  /** The newest occurredAt applied. */
  lastEventAt: string;
  /** Failures in this episode (a reopened ticket keeps counting). */
  failCount: number;
  /** Failures no ticket text has reported yet (the one that opened the ticket is reported by it). */
  failuresSinceNote: number;
  /** occurredAt of the oldest unreported failure. */
  pendingSince: string | null;
  /** `now` of the last write that reported failures: ticket create, repeat note, reopen. */
  lastNoteAt: string | null;
  /** occurredAt of the `resolved` event that cleared the episode; null while failing. */
  resolvedAt: string | null;
  ticket: { id: string | null; state: TicketState; createdAt: string | null };
  /** From the newest failing event. */
  severity: AlertSeverity | null;
  errorCode: string | null;
  message: string | null;
  /** details.portalUrl of the newest event that had one (http or https only). */
  portalUrl: string | null;
  /** Why this episode's failure opened no ticket (below the minimum severity, condition off). */
  noTicketReason?: string | null;
}

export interface RepeatNote {
  kind: 'repeat';
  count: number;
  since: string;
  until: string;
}
/** Failing again while the ticket is still open (auto-resolve off, nobody closed it). */
export interface RecurredNote {
  kind: 'recurred';
  at: string;
  resolvedAt: string;
}
export interface ReopenNote {
  kind: 'reopened';
  at: string;
  reason: 'failing_again' | 'technician_closed';
  resolvedAt: string | null;
}
export interface ResolutionNote {
  kind: 'resolution';
  at: string;
  openedAt: string | null;
  failCount: number;
  /** Failures since the last note, reported by this one. */
  unreported: number;
}
export type AlertNote = RepeatNote | RecurredNote | ReopenNote | ResolutionNote;

export type Want =
  | { type: 'create_ticket'; episode: number; reason: 'first_failure' | 'new_episode' | 'technician_closed' }
  | { type: 'add_note'; note: RepeatNote | RecurredNote }
  | { type: 'resolve'; note: ResolutionNote }
  | { type: 'note_only'; note: ResolutionNote }
  | { type: 'reopen'; note: ReopenNote }
  | { type: 'cancel'; reason: 'link_lost' };

/** What happened, for the event log and tests. */
export type Move =
  | 'opened'
  | 'counted'
  | 'resolved'
  | 'reopened'
  | 'recurred'
  | 'new_episode'
  | 'unchanged'
  | 'late_counted'
  | 'late_ignored'
  | 'ticket_closed'
  | 'ticket_reopened_by_technician'
  | 'cancelled'
  | 'noted'
  | 'not_ticketed';

export interface Outcome {
  state: AlertState;
  wants: Want[];
  move: Move;
}

/** Stable key: organization + condition + resource (trimmed, lower-cased; absent → ''). */
export function alertKey(organizationId: string, condition: string, resource?: string | null): string {
  return JSON.stringify([organizationId, condition.trim(), (resource ?? '').trim().toLowerCase()]);
}

const MINUTE = 60_000;
const iso = (t: number): string => new Date(t).toISOString();
const ms = (s: string): number => Date.parse(s);

function portalUrlOf(details: AlertEventInput['details']): string | null {
  const v = details?.portalUrl;
  if (typeof v !== 'string' || v.length > 2000) return null;
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The newest failing event's facts. */
function withFacts(s: AlertState, e: AlertEventInput): AlertState {
  return {
    ...s,
    severity: e.severity ?? s.severity,
    errorCode: e.errorCode ?? null,
    message: e.message ?? null,
    portalUrl: portalUrlOf(e.details) ?? s.portalUrl,
  };
}

function countFailure(s: AlertState, at: string, pending: boolean): AlertState {
  const t = ms(at);
  return {
    ...s,
    failCount: s.failCount + 1,
    // Before any ticket (only a `resolved` seen), late failures may come in any order.
    openedAt: s.openedAt === null || (s.episode === 0 && t < ms(s.openedAt)) ? at : s.openedAt,
    lastFailedAt: s.lastFailedAt === null || t > ms(s.lastFailedAt) ? at : s.lastFailedAt,
    ...(pending
      ? {
          failuresSinceNote: s.failuresSinceNote + 1,
          pendingSince: s.pendingSince === null || t < ms(s.pendingSince) ? at : s.pendingSince,
        }
      : {}),
  };
}

/** A repeat note when failures wait and the interval since the last note has passed. */
function noteIfDue(s: AlertState, settings: LifecycleSettings, now: Date, move: Move): Outcome {
  const due =
    s.status === 'failing' &&
    s.ticket.state === 'open' &&
    s.failuresSinceNote > 0 &&
    (s.lastNoteAt === null ||
      now.getTime() - ms(s.lastNoteAt) >= Math.max(0, settings.repeatNoteMinutes) * MINUTE);
  if (!due) return { state: s, wants: [], move };
  const note: RepeatNote = {
    kind: 'repeat',
    count: s.failuresSinceNote,
    since: s.pendingSince ?? s.lastFailedAt ?? s.lastEventAt,
    until: s.lastFailedAt ?? s.lastEventAt,
  };
  return {
    state: { ...s, failuresSinceNote: 0, pendingSince: null, lastNoteAt: iso(now.getTime()) },
    wants: [{ type: 'add_note', note }],
    move: move === 'counted' ? 'noted' : move,
  };
}

/** Why the settings keep this failure from opening a ticket, or null when it opens one. */
export function noTicketReason(
  condition: string,
  severity: AlertSeverity | null,
  filter: TicketFilter,
): string | null {
  const key = condition.trim().toLowerCase();
  if (filter.conditionsOff.some((c) => c.trim().toLowerCase() === key))
    return `No ticket: condition ${condition} is switched off on ${filter.conditionsOffFrom}`;
  // An event without a severity cannot be judged below anything: it opens a ticket.
  if (severity && alertSeverities.indexOf(severity) < alertSeverities.indexOf(filter.minimumSeverity))
    return `No ticket: severity ${severity} is below the minimum severity ${filter.minimumSeverity} set on ${filter.minimumSeverityFrom}`;
  return null;
}

/**
 * A failure that would open a ticket, unless the ticket filter keeps it out: then the alert fails
 * without a ticket (counted, with the reason) until a failure that passes the filter comes.
 */
function openOrSkip(
  s: AlertState,
  e: AlertEventInput,
  at: string,
  now: Date,
  reason: 'first_failure' | 'new_episode',
  settings: LifecycleSettings,
): Outcome {
  const why = noTicketReason(s.condition, e.severity ?? s.severity, settings.ticketFilter);
  if (!why) return openEpisode(s, e, at, now, reason);
  const fresh = s.status !== 'failing';
  return {
    state: withFacts(
      {
        ...(fresh
          ? { ...s, status: 'failing', openedAt: at, lastFailedAt: at, failCount: 1, resolvedAt: null }
          : countFailure(s, at, false)),
        failuresSinceNote: 0,
        pendingSince: null,
        ticket: { id: null, state: 'none', createdAt: null },
        noTicketReason: why,
      },
      e,
    ),
    wants: [],
    move: 'not_ticketed',
  };
}

/** A new ticket for a new episode of the alert. */
function openEpisode(
  s: AlertState,
  e: AlertEventInput | null,
  at: string,
  now: Date,
  reason: 'first_failure' | 'new_episode' | 'technician_closed',
): Outcome {
  if (s.episode === 0) reason = 'first_failure';
  const fresh = reason !== 'technician_closed';
  const episode = s.episode + 1;
  const base: AlertState = {
    ...s,
    status: 'failing',
    episode,
    openedAt: fresh ? at : s.openedAt,
    lastFailedAt: fresh ? at : s.lastFailedAt,
    failCount: fresh ? 1 : s.failCount,
    failuresSinceNote: 0,
    pendingSince: null,
    lastNoteAt: iso(now.getTime()),
    resolvedAt: null,
    ticket: { id: null, state: 'open', createdAt: iso(now.getTime()) },
    noTicketReason: null,
  };
  return {
    state: e ? withFacts(base, e) : base,
    wants: [{ type: 'create_ticket', episode, reason }],
    move: reason === 'first_failure' ? 'opened' : 'new_episode',
  };
}

interface StepInput {
  state: AlertState;
  event: AlertEventInput;
  at: string;
  settings: LifecycleSettings;
  now: Date;
}
type Step = (x: StepInput) => Outcome;

/** The alert is failing and fails again: count; a note when one is due. Failing without a ticket
 * (kept out by the ticket filter): a failure that passes the filter now opens one. */
const repeat: Step = ({ state, event, at, settings, now }) =>
  state.ticket.state === 'none'
    ? openOrSkip(state, event, at, now, 'new_episode', settings)
    : noteIfDue(
        withFacts(countFailure(state, at, state.ticket.state === 'open'), event),
        settings,
        now,
        'counted',
      );

/** The condition cleared: resolve the ticket (or only note it, with auto-resolve off). */
const resolve: Step = ({ state, at, settings }) => {
  const note: ResolutionNote = {
    kind: 'resolution',
    at,
    openedAt: state.openedAt,
    failCount: state.failCount,
    unreported: state.failuresSinceNote,
  };
  const cleared: AlertState = {
    ...state,
    status: 'resolved',
    resolvedAt: at,
    failuresSinceNote: 0,
    pendingSince: null,
  };
  if (state.ticket.state !== 'open') return { state: cleared, wants: [], move: 'resolved' };
  if (!settings.autoResolve)
    return { state: cleared, wants: [{ type: 'note_only', note }], move: 'resolved' };
  return {
    state: { ...cleared, ticket: { ...state.ticket, state: 'resolved' } },
    wants: [{ type: 'resolve', note }],
    move: 'resolved',
  };
};

/** Failing after a resolution: same ticket while it is open or within the window, else a new one. */
const recur: Step = ({ state, event, at, settings, now }) => {
  const resolvedAt = state.resolvedAt ?? state.lastEventAt;
  const back = (s: AlertState): AlertState =>
    withFacts(
      { ...countFailure(s, at, false), status: 'failing', resolvedAt: null, lastNoteAt: iso(now.getTime()) },
      event,
    );
  if (state.ticket.state === 'open') {
    return {
      state: back(state),
      wants: [{ type: 'add_note', note: { kind: 'recurred', at, resolvedAt } }],
      move: 'recurred',
    };
  }
  const within = ms(at) - ms(resolvedAt) < settings.reopenWindowMinutes * MINUTE;
  if (state.ticket.state === 'resolved' && within) {
    return {
      state: { ...back(state), ticket: { ...state.ticket, state: 'open' } },
      wants: [{ type: 'reopen', note: { kind: 'reopened', at, reason: 'failing_again', resolvedAt } }],
      move: 'reopened',
    };
  }
  return openOrSkip(state, event, at, now, 'new_episode', settings);
};

const stay: Step = ({ state }) => ({ state, wants: [], move: 'unchanged' });

const newEpisode: Step = ({ state, event, at, now, settings }) =>
  openOrSkip(state, event, at, now, 'new_episode', settings);

/** Cancelled (link lost) and the condition cleared: remember it, write nothing. */
const clearCancelled: Step = ({ state, at }) => ({
  state: { ...state, status: 'resolved', resolvedAt: at, failuresSinceNote: 0, pendingSince: null },
  wants: [],
  move: 'resolved',
});

/** Alert status × event status → step, for events in order. */
export const eventMoves: { [S in AlertStatus]: { [E in AlertEventInput['status']]: Step } } = {
  failing: { failing: repeat, resolved: resolve },
  resolved: { failing: recur, resolved: stay },
  cancelled: { failing: newEpisode, resolved: clearCancelled },
};

/** An event older than the newest applied: a failure of this episode is counted; nothing else moves. */
function lateEvent({ state, event, at, settings, now }: StepInput): Outcome {
  const ignored: Outcome = { state, wants: [], move: 'late_ignored' };
  if (event.status === 'resolved' || state.status === 'cancelled') return ignored;
  if (state.episode > 0 && state.openedAt !== null && ms(at) < ms(state.openedAt)) return ignored;
  const pending = state.status === 'failing' && state.ticket.state === 'open';
  return noteIfDue(countFailure(state, at, pending), settings, now, 'late_counted');
}

function blank(e: AlertEventInput, at: string): AlertState {
  return {
    organizationId: e.organizationId,
    condition: e.condition.trim(),
    resource: (e.resource ?? '').trim(),
    status: 'resolved',
    episode: 0,
    openedAt: null,
    lastFailedAt: null,
    lastEventAt: at,
    failCount: 0,
    failuresSinceNote: 0,
    pendingSince: null,
    lastNoteAt: null,
    resolvedAt: null,
    ticket: { id: null, state: 'none', createdAt: null },
    severity: null,
    errorCode: null,
    message: null,
    portalUrl: portalUrlOf(e.details),
  };
}

/**
 * Applies one vendor event. With no state yet, `failing` opens the alert (create_ticket) and
 * `resolved` records a resolved alert without a ticket, so that failures arriving late for it are
 * only counted.
 */
export function applyEvent(
  state: AlertState | undefined,
  event: AlertEventInput,
  settings: LifecycleSettings,
  now: Date,
): Outcome {
  const at = iso(ms(event.occurredAt));
  if (!state) {
    const b = blank(event, at);
    if (event.status === 'failing') return openOrSkip(b, event, at, now, 'first_failure', settings);
    return { state: { ...b, resolvedAt: at }, wants: [], move: 'resolved' };
  }
  const input: StepInput = { state, event, at, settings, now };
  if (ms(at) < ms(state.lastEventAt)) return lateEvent(input);
  return eventMoves[state.status][event.status]({ ...input, state: { ...state, lastEventAt: at } });
}

/** The clock: sends the coalesced repeat note once the interval has passed, even with no new event. */
export function applyTick(state: AlertState, settings: LifecycleSettings, now: Date): Outcome {
  return noteIfDue(state, settings, now, 'unchanged');
}

/**
 * What the reconciler saw of the ticket in the PSA. Closed while the alert fails: per
 * settings.technicianClosed leave it (no more notes), reopen it, or want a new ticket. Closed while
 * the alert is resolved and the ticket was left open (auto-resolve off): it counts as resolved, so
 * the reopen window applies. Open again after a technician closed it: the hub uses it again.
 */
export function applyTicketObserved(
  state: AlertState,
  observed: { closed: boolean },
  settings: LifecycleSettings,
  now: Date,
): Outcome {
  const unchanged: Outcome = { state, wants: [], move: 'unchanged' };
  if (!observed.closed) {
    if (state.ticket.state !== 'closed_by_technician') return unchanged;
    return {
      state: { ...state, ticket: { ...state.ticket, state: 'open' } },
      wants: [],
      move: 'ticket_reopened_by_technician',
    };
  }
  if (state.ticket.state !== 'open') return unchanged;
  if (state.status === 'resolved') {
    return {
      state: { ...state, ticket: { ...state.ticket, state: 'resolved' } },
      wants: [],
      move: 'ticket_closed',
    };
  }
  if (state.status !== 'failing') return unchanged;
  const at = iso(now.getTime());
  switch (settings.technicianClosed) {
    case 'leave':
      return {
        state: { ...state, ticket: { ...state.ticket, state: 'closed_by_technician' } },
        wants: [],
        move: 'ticket_closed',
      };
    case 'reopen':
      return {
        state: { ...state, lastNoteAt: at },
        wants: [
          { type: 'reopen', note: { kind: 'reopened', at, reason: 'technician_closed', resolvedAt: null } },
        ],
        move: 'reopened',
      };
    case 'new_ticket':
      return openEpisode(state, null, at, now, 'technician_closed');
  }
}

/** The organization was unlinked or skipped: cancel an open ticket; a failing alert ends. */
export function applyLinkLost(state: AlertState): Outcome {
  if (state.ticket.state === 'open') {
    return {
      state: {
        ...state,
        status: 'cancelled',
        failuresSinceNote: 0,
        pendingSince: null,
        ticket: { ...state.ticket, state: 'cancelled' },
      },
      wants: [{ type: 'cancel', reason: 'link_lost' }],
      move: 'cancelled',
    };
  }
  if (state.status === 'failing') {
    return {
      state: { ...state, status: 'cancelled', failuresSinceNote: 0, pendingSince: null },
      wants: [],
      move: 'cancelled',
    };
  }
  return { state, wants: [], move: 'unchanged' };
}

/** Records the PSA ticket id once it is created; ignored when a newer episode was wanted meanwhile. */
export function withTicketId(state: AlertState, episode: number, ticketId: string): AlertState {
  if (episode !== state.episode) return state;
  return { ...state, ticket: { ...state.ticket, id: ticketId } };
}
