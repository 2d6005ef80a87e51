// The alert lifecycle without I/O: opening, coalesced repeat notes, resolving, reopening or starting
// anew, events out of order, a technician closing the ticket, the organization losing its link, the
// clock, and the text a technician reads.
import { describe, expect, it } from 'vitest';
import {
  alertKey,
  applyEvent,
  applyLinkLost,
  applyTick,
  applyTicketObserved,
  defaultLifecycleSettings,
  eventMoves,
  withTicketId,
  type AlertEventInput,
  type AlertState,
  type LifecycleSettings,
  type Move,
  type Outcome,
  type Want,
} from '../../src/core/alert-lifecycle.ts';
import {
  durationText,
  oneLine,
  readableTime,
  repeatNoteText,
  ticketText,
  wantNoteText,
} from '../../src/core/alert-text.ts';
import { defaultCatalog, describe as describeError } from '../../src/core/error-catalog.ts';

const T0 = Date.parse('2026-11-24T09:00:00.000Z');
const at = (min: number): string => new Date(T0 + min * 60_000).toISOString();
const clock = (min: number): Date => new Date(T0 + min * 60_000);

const settings: LifecycleSettings = {
  repeatNoteMinutes: 60,
  autoResolve: true,
  reopenWindowMinutes: 1440,
  technicianClosed: 'new_ticket',
  ticketFilter: defaultLifecycleSettings.ticketFilter,
};

function ev(
  status: 'failing' | 'resolved',
  min: number,
  extra: Partial<AlertEventInput> = {},
): AlertEventInput {
  return {
    organizationId: 'org-1',
    condition: 'backup.onedrive',
    resource: 'Alice@Contoso.com',
    status,
    occurredAt: at(min),
    ...(status === 'failing'
      ? { errorCode: 'graph.429', severity: 'high' as const, message: 'Too many requests' }
      : {}),
    ...extra,
  };
}
const fail = (min: number, extra?: Partial<AlertEventInput>): AlertEventInput => ev('failing', min, extra);
const ok = (min: number): AlertEventInput => ev('resolved', min);

/** Applies events, each at `now` = its own time unless given, and collects wants and moves. */
function run(
  steps: (AlertEventInput | [AlertEventInput, number])[],
  s: LifecycleSettings = settings,
  start?: AlertState,
): { state: AlertState; wants: Want[]; moves: Move[]; outcomes: Outcome[] } {
  let state = start;
  const outcomes: Outcome[] = [];
  for (const step of steps) {
    const [e, nowMin] = Array.isArray(step) ? step : [step, (Date.parse(step.occurredAt) - T0) / 60_000];
    const o = applyEvent(state, e, s, clock(nowMin));
    outcomes.push(o);
    state = o.state;
  }
  if (!state) throw new Error('no events');
  return { state, wants: outcomes.flatMap((o) => o.wants), moves: outcomes.map((o) => o.move), outcomes };
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

describe('alertKey', () => {
  it('is organization + condition + resource, the resource trimmed and lower-cased', () => {
    expect(alertKey('org-1', 'backup.email', ' Alice@Contoso.com ')).toBe(
      alertKey('org-1', 'backup.email', 'alice@contoso.com'),
    );
    expect(alertKey('org-1', 'backup.email')).toBe(alertKey('org-1', 'backup.email', ''));
    expect(alertKey('org-1', 'backup.email', null)).toBe(alertKey('org-1', 'backup.email', '  '));
    expect(alertKey('org-1', 'backup.email', 'a')).not.toBe(alertKey('org-1', 'backup.email', 'b'));
    expect(alertKey('org-1', 'backup.email')).not.toBe(alertKey('org-2', 'backup.email'));
    expect(alertKey('org-1', 'backup.email')).not.toBe(alertKey('org-1', 'backup.calendar'));
  });

  it('cannot be confused by separators inside the parts', () => {
    expect(alertKey('a|b', 'c')).not.toBe(alertKey('a', 'b|c'));
    expect(alertKey('a","b', 'c')).not.toBe(alertKey('a', 'b","c'));
  });
});

describe('opening', () => {
  it('a first failure opens the alert and wants a ticket', () => {
    const o = applyEvent(
      undefined,
      fail(0, { details: { portalUrl: 'https://portal.example/orgs/1' } }),
      settings,
      clock(0),
    );
    expect(o.move).toBe('opened');
    expect(o.wants).toEqual([{ type: 'create_ticket', episode: 1, reason: 'first_failure' }]);
    expect(o.state).toEqual({
      organizationId: 'org-1',
      condition: 'backup.onedrive',
      resource: 'Alice@Contoso.com',
      status: 'failing',
      episode: 1,
      openedAt: at(0),
      lastFailedAt: at(0),
      lastEventAt: at(0),
      failCount: 1,
      failuresSinceNote: 0,
      pendingSince: null,
      lastNoteAt: at(0),
      resolvedAt: null,
      ticket: { id: null, state: 'open', createdAt: at(0) },
      severity: 'high',
      errorCode: 'graph.429',
      message: 'Too many requests',
      portalUrl: 'https://portal.example/orgs/1',
      noTicketReason: null,
    });
  });

  it('keeps only http(s) portal links', () => {
    for (const bad of ['javascript:alert(1)', 'not a url', 42, 'ftp://x.example/']) {
      const o = applyEvent(undefined, fail(0, { details: { portalUrl: bad } }), settings, clock(0));
      expect(o.state.portalUrl).toBeNull();
    }
  });

  it('records the ticket id for the episode that asked for it only', () => {
    const { state } = run([fail(0)]);
    expect(withTicketId(state, 1, 'T-1').ticket).toMatchObject({ id: 'T-1', state: 'open' });
    expect(withTicketId(state, 0, 'T-0')).toBe(state);
  });
});

describe('repeats and coalesced notes', () => {
  it('10 repeats every 10 minutes with a 60-minute interval give one note of 6, then the clock one of 4', () => {
    const r = run([fail(0), ...Array.from({ length: 10 }, (_, i) => fail(10 * (i + 1)))]);
    expect(r.wants.filter((w) => w.type === 'add_note')).toEqual([
      { type: 'add_note', note: { kind: 'repeat', count: 6, since: at(10), until: at(60) } },
    ]);
    expect(r.moves).toEqual(['opened', ...Array(5).fill('counted'), 'noted', ...Array(4).fill('counted')]);
    expect(r.state).toMatchObject({
      failCount: 11,
      failuresSinceNote: 4,
      pendingSince: at(70),
      lastNoteAt: at(60),
    });
    expect(applyTick(r.state, settings, clock(119)).wants).toEqual([]);
    const tick = applyTick(r.state, settings, clock(120));
    expect(tick.wants).toEqual([
      { type: 'add_note', note: { kind: 'repeat', count: 4, since: at(70), until: at(100) } },
    ]);
    expect(tick.state).toMatchObject({ failuresSinceNote: 0, pendingSince: null, lastNoteAt: at(120) });
    expect(applyTick(tick.state, settings, clock(500)).wants).toEqual([]);
  });

  it('a burst of repeats writes nothing until the interval passes', () => {
    const r = run([fail(0), ...Array.from({ length: 10 }, (_, i) => fail(1 + i / 10))]);
    expect(r.wants).toEqual([{ type: 'create_ticket', episode: 1, reason: 'first_failure' }]);
    expect(r.state.failuresSinceNote).toBe(10);
  });

  it('notes each repeat when they are further apart than the interval', () => {
    const r = run([fail(0), fail(60), fail(120), fail(180)], { ...settings, repeatNoteMinutes: 1 });
    expect(r.wants.filter((w) => w.type === 'add_note').map((w) => w.type === 'add_note' && w.note)).toEqual([
      { kind: 'repeat', count: 1, since: at(60), until: at(60) },
      { kind: 'repeat', count: 1, since: at(120), until: at(120) },
      { kind: 'repeat', count: 1, since: at(180), until: at(180) },
    ]);
  });

  it('paces notes by the clock, not by the event times', () => {
    // a backlog of old events delivered at once: one ticket, no note storm
    const r = run([
      [fail(0), 600],
      ...Array.from({ length: 5 }, (_, i) => [fail(100 * (i + 1)), 601] as [AlertEventInput, number]),
    ]);
    expect(r.wants.map((w) => w.type)).toEqual(['create_ticket']);
  });

  it('takes the newest facts from the newest failure', () => {
    const r = run([fail(0), fail(5, { errorCode: 'graph.401', severity: 'critical', message: 'Forbidden' })]);
    expect(r.state).toMatchObject({ errorCode: 'graph.401', severity: 'critical', message: 'Forbidden' });
  });
});

describe('resolving', () => {
  it('wants the resolved status and a resolution note', () => {
    const r = run([fail(0), fail(10), ok(30)]);
    expect(r.outcomes[2]).toEqual({
      state: expect.objectContaining({ status: 'resolved', resolvedAt: at(30), failuresSinceNote: 0 }),
      wants: [
        {
          type: 'resolve',
          note: { kind: 'resolution', at: at(30), openedAt: at(0), failCount: 2, unreported: 1 },
        },
      ],
      move: 'resolved',
    });
    expect(r.state.ticket.state).toBe('resolved');
  });

  it('with auto-resolve off wants only the note and the ticket stays open', () => {
    const r = run([fail(0), ok(30)], { ...settings, autoResolve: false });
    expect(r.wants[1]).toEqual({
      type: 'note_only',
      note: { kind: 'resolution', at: at(30), openedAt: at(0), failCount: 1, unreported: 0 },
    });
    expect(r.state).toMatchObject({ status: 'resolved', ticket: { state: 'open' } });
  });

  it('a second resolved changes nothing', () => {
    const r = run([fail(0), ok(30), ok(40)]);
    expect(r.outcomes[2]?.wants).toEqual([]);
    expect(r.outcomes[2]?.move).toBe('unchanged');
    expect(r.state).toMatchObject({ resolvedAt: at(30), lastEventAt: at(40) });
  });

  it('a resolved with no alert records a resolved alert without a ticket', () => {
    const o = applyEvent(undefined, ok(5), settings, clock(5));
    expect(o.wants).toEqual([]);
    expect(o.state).toMatchObject({
      status: 'resolved',
      episode: 0,
      failCount: 0,
      ticket: { state: 'none' },
    });
    expect(applyEvent(o.state, fail(10), settings, clock(10)).wants).toEqual([
      { type: 'create_ticket', episode: 1, reason: 'first_failure' },
    ]);
  });
});

describe('failing again after a resolution', () => {
  it('within the reopen window reopens the same ticket', () => {
    const r = run([fail(0), ok(30), fail(30 + 1439)]);
    expect(r.outcomes[2]?.wants).toEqual([
      {
        type: 'reopen',
        note: { kind: 'reopened', at: at(1469), reason: 'failing_again', resolvedAt: at(30) },
      },
    ]);
    expect(r.state).toMatchObject({
      status: 'failing',
      episode: 1,
      failCount: 2,
      resolvedAt: null,
      ticket: { state: 'open' },
    });
    // and it resolves again
    expect(applyEvent(r.state, ok(1500), settings, clock(1500)).wants[0]?.type).toBe('resolve');
  });

  it('after the window wants a new ticket, and counts anew', () => {
    const r = run([fail(0), fail(5), ok(30), fail(30 + 1440)]);
    expect(r.outcomes[3]?.wants).toEqual([{ type: 'create_ticket', episode: 2, reason: 'new_episode' }]);
    expect(r.outcomes[3]?.move).toBe('new_episode');
    expect(r.state).toMatchObject({
      episode: 2,
      failCount: 1,
      openedAt: at(1470),
      ticket: { id: null, state: 'open' },
    });
  });

  it('a window of 0 never reopens', () => {
    const r = run([fail(0), ok(30), fail(31)], { ...settings, reopenWindowMinutes: 0 });
    expect(r.wants[2]).toEqual({ type: 'create_ticket', episode: 2, reason: 'new_episode' });
  });

  it('with auto-resolve off the open ticket gets a note, however late', () => {
    const r = run([fail(0), ok(30), fail(5000)], { ...settings, autoResolve: false });
    expect(r.wants[2]).toEqual({
      type: 'add_note',
      note: { kind: 'recurred', at: at(5000), resolvedAt: at(30) },
    });
    expect(r.state).toMatchObject({ status: 'failing', episode: 1, failCount: 2 });
  });
});

describe('events out of order', () => {
  it('a late failure after a newer resolution only counts', () => {
    const r = run([fail(0), ok(30), fail(20)]);
    expect(r.outcomes[2]).toMatchObject({ wants: [], move: 'late_counted' });
    expect(r.state).toMatchObject({
      status: 'resolved',
      failCount: 2,
      lastFailedAt: at(20),
      lastEventAt: at(30),
    });
  });

  it('a late resolution after a newer failure is ignored altogether', () => {
    const r = run([fail(0), fail(30), ok(20)]);
    expect(r.outcomes[2]).toEqual({ state: r.outcomes[1]?.state, wants: [], move: 'late_ignored' });
    expect(r.state.status).toBe('failing');
  });

  it('a late failure while failing joins the pending count, reported from its own time', () => {
    const r = run([fail(0), fail(30), [fail(10), 61]]);
    expect(r.outcomes[2]?.wants).toEqual([
      { type: 'add_note', note: { kind: 'repeat', count: 2, since: at(10), until: at(30) } },
    ]);
  });

  it('a late failure from before the current episode is ignored', () => {
    const r = run([fail(0), ok(30), fail(3000), fail(20)]);
    expect(r.outcomes[3]?.move).toBe('late_ignored');
    expect(r.state).toMatchObject({ episode: 2, failCount: 1 });
  });

  it('failures arriving after their resolution open no ticket', () => {
    const r = run([ok(30), fail(20), fail(10)]);
    expect(r.wants).toEqual([]);
    expect(r.state).toMatchObject({
      status: 'resolved',
      failCount: 2,
      openedAt: at(10),
      lastFailedAt: at(20),
    });
  });

  it('events of the same time apply in arrival order', () => {
    expect(run([fail(0), ok(10), fail(10)]).state.status).toBe('failing');
    expect(run([fail(0), fail(10), ok(10)]).state.status).toBe('resolved');
  });

  it('a late event does not overwrite the newest facts', () => {
    const r = run([
      fail(0, { message: 'old' }),
      fail(30, { message: 'new' }),
      fail(10, { message: 'older' }),
    ]);
    expect(r.state.message).toBe('new');
  });

  // Property: whatever the arrival order, the status is that of the newest event so far, and the end
  // state agrees with applying the same events in time order.
  it('never moves backwards, for any arrival order (seeded random sequences)', () => {
    let seed = 42;
    const rand = (): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const shuffle = <T>(xs: T[]): T[] => {
      const a = [...xs];
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [a[i], a[j]] = [a[j] as T, a[i] as T];
      }
      return a;
    };
    for (let round = 0; round < 300; round++) {
      const n = 2 + Math.floor(rand() * 8);
      const times = shuffle(Array.from({ length: 40 }, (_, i) => i * 400)).slice(0, n);
      const events = times.map((t) => ev(rand() < 0.6 ? 'failing' : 'resolved', t));
      const inOrder = [...events].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
      const expected = run(inOrder.map((e) => [e, 20_000] as [AlertEventInput, number])).state;
      const s = { ...settings, repeatNoteMinutes: 1 + Math.floor(rand() * 600) };
      let state: AlertState | undefined;
      let newest: AlertEventInput | undefined;
      shuffle(events).forEach((e, i) => {
        state = applyEvent(state, e, s, clock(20_000 + i)).state;
        if (!newest || Date.parse(e.occurredAt) > Date.parse(newest.occurredAt)) newest = e;
        expect(state.status).toBe(newest.status);
        expect(state.lastEventAt).toBe(newest.occurredAt);
        expect(state.failCount).toBeLessThanOrEqual(events.filter((x) => x.status === 'failing').length);
        expect(state.failuresSinceNote).toBeLessThanOrEqual(state.failCount);
      });
      expect(state?.status).toBe(expected.status);
      expect(state?.lastEventAt).toBe(expected.lastEventAt);
    }
  });
});

describe('a technician closed the ticket while the condition fails', () => {
  const open = run([fail(0), fail(10)]).state;

  it('leave: the hub stops writing to it until the condition clears', () => {
    const o = applyTicketObserved(
      open,
      { closed: true },
      { ...settings, technicianClosed: 'leave' },
      clock(20),
    );
    expect(o).toMatchObject({
      wants: [],
      move: 'ticket_closed',
      state: { ticket: { state: 'closed_by_technician' } },
    });
    const r = run([fail(100), fail(200), [fail(300), 900], ok(400)], settings, o.state);
    expect(r.wants).toEqual([]);
    expect(applyTick(r.outcomes[2]!.state, settings, clock(1000)).wants).toEqual([]);
    // failing after the resolution wants a new ticket, not a reopened one
    expect(applyEvent(r.state, fail(410), settings, clock(410)).wants).toEqual([
      { type: 'create_ticket', episode: 2, reason: 'new_episode' },
    ]);
  });

  it('reopen: wants the ticket reopened with a note saying why', () => {
    const o = applyTicketObserved(
      open,
      { closed: true },
      { ...settings, technicianClosed: 'reopen' },
      clock(20),
    );
    expect(o.wants).toEqual([
      {
        type: 'reopen',
        note: { kind: 'reopened', at: at(20), reason: 'technician_closed', resolvedAt: null },
      },
    ]);
    expect(o.state.ticket.state).toBe('open');
  });

  it('new_ticket: wants a new ticket, keeping the failing-since and the count', () => {
    const o = applyTicketObserved(withTicketId(open, 1, 'T-1'), { closed: true }, settings, clock(20));
    expect(o.wants).toEqual([{ type: 'create_ticket', episode: 2, reason: 'technician_closed' }]);
    expect(o.state).toMatchObject({
      episode: 2,
      openedAt: at(0),
      failCount: 2,
      ticket: { id: null, state: 'open', createdAt: at(20) },
    });
  });

  it('a technician reopening it gives it back to the hub', () => {
    const closed = applyTicketObserved(
      open,
      { closed: true },
      { ...settings, technicianClosed: 'leave' },
      clock(20),
    ).state;
    const o = applyTicketObserved(closed, { closed: false }, settings, clock(30));
    expect(o).toMatchObject({
      wants: [],
      move: 'ticket_reopened_by_technician',
      state: { ticket: { state: 'open' } },
    });
  });

  it('an open ticket seen open, or a resolved ticket seen closed, changes nothing', () => {
    expect(applyTicketObserved(open, { closed: false }, settings, clock(20)).move).toBe('unchanged');
    const resolved = run([ok(30)], settings, open).state;
    expect(applyTicketObserved(resolved, { closed: true }, settings, clock(40))).toEqual({
      state: resolved,
      wants: [],
      move: 'unchanged',
    });
  });

  it('with auto-resolve off, closing the resolved alert’s ticket counts as resolving it', () => {
    const s = { ...settings, autoResolve: false };
    const resolved = run([ok(30)], s, open).state;
    const o = applyTicketObserved(resolved, { closed: true }, s, clock(40));
    expect(o).toMatchObject({ wants: [], move: 'ticket_closed', state: { ticket: { state: 'resolved' } } });
    expect(applyEvent(o.state, fail(60), s, clock(60)).wants[0]?.type).toBe('reopen');
  });
});

describe('the organization loses its link', () => {
  it('cancels an open ticket', () => {
    const o = applyLinkLost(run([fail(0), fail(10)]).state);
    expect(o.wants).toEqual([{ type: 'cancel', reason: 'link_lost' }]);
    expect(o.state).toMatchObject({
      status: 'cancelled',
      failuresSinceNote: 0,
      ticket: { state: 'cancelled' },
    });
    expect(applyLinkLost(o.state)).toEqual({ state: o.state, wants: [], move: 'unchanged' });
  });

  it('cancels the ticket a resolved alert left open (auto-resolve off)', () => {
    const s = run([fail(0), ok(10)], { ...settings, autoResolve: false }).state;
    expect(applyLinkLost(s).wants).toEqual([{ type: 'cancel', reason: 'link_lost' }]);
  });

  it('leaves a resolved ticket alone, and ends a failing alert whose ticket a technician closed', () => {
    const resolved = run([fail(0), ok(10)]).state;
    expect(applyLinkLost(resolved)).toEqual({ state: resolved, wants: [], move: 'unchanged' });
    const left = applyTicketObserved(
      run([fail(0)]).state,
      { closed: true },
      { ...settings, technicianClosed: 'leave' },
      clock(1),
    ).state;
    expect(applyLinkLost(left)).toMatchObject({
      wants: [],
      move: 'cancelled',
      state: { status: 'cancelled' },
    });
  });

  it('after a cancel, a failure wants a new ticket and a resolution records it quietly', () => {
    const cancelled = applyLinkLost(run([fail(0)]).state).state;
    expect(applyEvent(cancelled, fail(20), settings, clock(20)).wants).toEqual([
      { type: 'create_ticket', episode: 2, reason: 'new_episode' },
    ]);
    const o = applyEvent(cancelled, ok(20), settings, clock(20));
    expect(o).toMatchObject({
      wants: [],
      state: { status: 'resolved', resolvedAt: at(20), ticket: { state: 'cancelled' } },
    });
    expect(applyEvent(o.state, fail(30), settings, clock(30)).wants[0]?.type).toBe('create_ticket');
    // late events while cancelled are ignored
    expect(applyEvent(cancelled, fail(-5), settings, clock(20)).move).toBe('late_ignored');
  });
});

describe('the move table', () => {
  // Every row of eventMoves, from a state in that status, with the move it makes.
  const failing = run([fail(0)]).state;
  const resolved = run([fail(0), ok(10)]).state;
  const cancelled = applyLinkLost(failing).state;
  const from = { failing, resolved, cancelled };
  const expected: Record<keyof typeof eventMoves, Record<'failing' | 'resolved', Move>> = {
    failing: { failing: 'counted', resolved: 'resolved' },
    resolved: { failing: 'reopened', resolved: 'unchanged' },
    cancelled: { failing: 'new_episode', resolved: 'resolved' },
  };
  for (const status of Object.keys(eventMoves) as (keyof typeof eventMoves)[]) {
    for (const e of ['failing', 'resolved'] as const) {
      it(`${status} × ${e} → ${expected[status][e]}`, () => {
        const state = deepFreeze(structuredClone(from[status]));
        const o = applyEvent(state, ev(e, 20), settings, clock(20));
        expect(o.move).toBe(expected[status][e]);
        expect(o.state.lastEventAt).toBe(at(20));
      });
    }
  }

  it('never changes the state it is given', () => {
    let state: AlertState | undefined;
    for (const [i, e] of [fail(0), fail(70), ok(80), fail(90), fail(10)].entries()) {
      state = applyEvent(state ? deepFreeze(state) : undefined, e, settings, clock(100 + i * 100)).state;
    }
    const frozen = deepFreeze(state!);
    applyTick(frozen, settings, clock(5000));
    applyTicketObserved(frozen, { closed: true }, settings, clock(5000));
    applyLinkLost(frozen);
    expect(defaultLifecycleSettings).toEqual({
      repeatNoteMinutes: 60,
      autoResolve: true,
      reopenWindowMinutes: 1440,
      technicianClosed: 'new_ticket',
      ticketFilter: {
        minimumSeverity: 'informational',
        conditionsOff: [],
        minimumSeverityFrom: 'the hub default',
        conditionsOffFrom: 'the hub default',
      },
    });
  });
});

describe('ticket and note text', () => {
  const r = run([
    fail(0, { details: { portalUrl: 'https://portal.example/orgs/1?tab=backup' } }),
    fail(30),
    fail(65, { message: 'Throttled\nby Graph\u0007' }),
  ]);
  const desc = describeError(defaultCatalog, { condition: r.state.condition, errorCode: r.state.errorCode });

  it('tells a technician what failed, since when, how often, what it means and what to do', () => {
    const t = ticketText(r.state, desc, { orgName: 'Contoso Ltd' });
    expect(t.title).toBe(
      'Contoso Ltd: OneDrive backup failed. Unable to connect to the mail server – Alice@Contoso.com',
    );
    expect(t.title.length).toBeLessThanOrEqual(100);
    for (const part of [
      'Organization: Contoso Ltd',
      'Condition: backup.onedrive',
      'Resource: Alice@Contoso.com',
      'Error: graph.429 (cannot connect)',
      'Severity: high',
      `Failing since: ${at(0)} (Tue 24 Nov 2026, 09:00 UTC)`,
      `Failures: 3, the last at ${at(65)} (Tue 24 Nov 2026, 10:05 UTC)`,
      'Message: Throttled by Graph',
      `What it means:\n${desc.explanation}`,
      `What to do:\n${desc.action}`,
      'Details in the vendor portal: https://portal.example/orgs/1?tab=backup',
    ]) {
      expect(t.description).toContain(part);
    }
  });

  it('keeps titles within 100 characters and drops unsafe links', () => {
    const long = { ...r.state, resource: 'r'.repeat(300) };
    const t = ticketText(long, desc, { orgName: 'O'.repeat(300), portalUrl: 'javascript:alert(1)' });
    expect(Array.from(t.title).length).toBeLessThanOrEqual(100);
    expect(t.title.endsWith('…')).toBe(true);
    expect(t.description).not.toContain('javascript');
    expect(t.description).not.toContain('vendor portal');
    const bare = ticketText(
      {
        ...r.state,
        portalUrl: null,
        resource: '',
        errorCode: null,
        severity: null,
        message: null,
        failCount: 1,
      },
      desc,
      { orgName: 'A' },
    );
    expect(bare.title).toBe('A: OneDrive backup failed. Unable to connect to the mail server');
    expect(bare.description).not.toMatch(/Resource:|Error:|Severity:|Failures:|Message:|portal/);
  });

  it('writes each note a want carries', () => {
    const notes = run([fail(0), fail(10), fail(20), [fail(70), 70], ok(80), fail(90), ok(100)]).wants.map(
      (w) => [w.type, wantNoteText(w, r.state, desc)],
    );
    expect(notes[0]).toEqual(['create_ticket', null]);
    expect(notes[1]?.[1]).toContain(
      `Failed 3 more times since ${at(10)} (Tue 24 Nov 2026, 09:10 UTC); the last at ${at(70)}`,
    );
    expect(notes[2]?.[1]).toMatch(
      /^Resolved at .* after failing for 1 h 20 min \(since .*\); it failed 4 times in all\.\nThe vendor reports that OneDrive works again\.$/,
    );
    expect(notes[3]?.[1]).toMatch(/^Reopened: failing again at .*, 10 min after it was resolved at /);
    expect(notes[4]?.[0]).toBe('resolve');
    expect(wantNoteText({ type: 'cancel', reason: 'link_lost' }, r.state, desc)).toMatch(
      /^Closed by psa-hub: the organization was unlinked/,
    );
    expect(
      wantNoteText(
        {
          type: 'note_only',
          note: { kind: 'resolution', at: at(90), openedAt: at(0), failCount: 1, unreported: 1 },
        },
        r.state,
        desc,
      ),
    ).toMatch(/failed once in all\.\nSince the last note it failed once\.\n.*\nThe ticket stays open/);
    expect(
      wantNoteText(
        { type: 'add_note', note: { kind: 'recurred', at: at(3000), resolvedAt: at(60) } },
        r.state,
        desc,
      ),
    ).toBe(
      `Failing again at ${at(3000)} (Thu 26 Nov 2026, 11:00 UTC), 2 d 1 h after it cleared at ${at(60)} (Tue 24 Nov 2026, 10:00 UTC).`,
    );
    expect(
      wantNoteText(
        {
          type: 'reopen',
          note: { kind: 'reopened', at: at(70), reason: 'technician_closed', resolvedAt: null },
        },
        r.state,
        desc,
      ),
    ).toMatch(/^Reopened: the ticket was closed while the condition is still failing \(3 times since /);
  });

  it('says "once more" for a single repeat and shows the error', () => {
    const text = repeatNoteText({ kind: 'repeat', count: 1, since: at(5), until: at(5) }, r.state);
    expect(text).toBe(
      `Failed once more since ${at(5)} (Tue 24 Nov 2026, 09:05 UTC).\nFailures in all: 3, failing since ${at(0)} (Tue 24 Nov 2026, 09:00 UTC).\nError: graph.429\nMessage: Throttled by Graph`,
    );
  });

  it('formats times and durations the same everywhere', () => {
    expect(readableTime('2026-01-04T23:59:59.000Z')).toBe('Sun 4 Jan 2026, 23:59 UTC');
    expect(readableTime('nonsense')).toBe('nonsense');
    expect(durationText(at(0), at(0))).toBe('under a minute');
    expect(durationText(at(0), at(7))).toBe('7 min');
    expect(durationText(at(0), at(120))).toBe('2 h');
    expect(durationText(at(0), at(2880))).toBe('2 d');
    expect(oneLine('a\r\n\tb   c', 10)).toBe('a b c');
    expect(oneLine('😀'.repeat(5), 3)).toBe('😀😀…');
  });
});

describe('which failures open a ticket', () => {
  const filtered = (f: Partial<LifecycleSettings['ticketFilter']>): LifecycleSettings => ({
    ...settings,
    ticketFilter: { ...settings.ticketFilter, ...f },
  });
  const minHigh = filtered({ minimumSeverity: 'high', minimumSeverityFrom: 'connection Acme CW' });

  it('keeps a failure below the minimum severity out, with the reason, and counts its repeats', () => {
    const r = run([fail(0, { severity: 'low' }), fail(5, { severity: 'medium' })], minHigh);
    expect(r.wants).toEqual([]);
    expect(r.moves).toEqual(['not_ticketed', 'not_ticketed']);
    expect(r.state).toMatchObject({
      status: 'failing',
      failCount: 2,
      ticket: { state: 'none' },
      noTicketReason:
        'No ticket: severity medium is below the minimum severity high set on connection Acme CW',
    });
  });

  it('opens the ticket when a later failure reaches the minimum, and forgets the reason', () => {
    const r = run([fail(0, { severity: 'low' }), fail(5, { severity: 'critical' })], minHigh);
    expect(r.wants).toEqual([{ type: 'create_ticket', episode: 1, reason: 'first_failure' }]);
    expect(r.state).toMatchObject({ ticket: { state: 'open' }, noTicketReason: null });
  });

  it('lets failures without a severity through, and resolves a kept-out alert without a write', () => {
    expect(run([fail(0, { severity: null })], minHigh).wants).toHaveLength(1);
    const r = run([fail(0, { severity: 'low' }), ok(5)], minHigh);
    expect(r.wants).toEqual([]);
    expect(r.state.status).toBe('resolved');
  });

  it('keeps conditions that are switched off out, whatever their severity', () => {
    const off = filtered({ conditionsOff: ['Backup.OneDrive'], conditionsOffFrom: 'the organization' });
    const r = run([fail(0, { severity: 'critical' })], off);
    expect(r.wants).toEqual([]);
    expect(r.state.noTicketReason).toBe(
      'No ticket: condition backup.onedrive is switched off on the organization',
    );
  });
});
