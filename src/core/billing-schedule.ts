// When a connection's billing runs: on a change of usage (debounced), daily at an hour, or monthly
// on a day (1–28 or the last), each at the partner's UTC offset. Pure: the clock is an argument.

export const scheduleKinds = ['on_change', 'daily', 'monthly'] as const;
export type ScheduleKind = (typeof scheduleKinds)[number];

export interface BillingSchedule {
  kind: ScheduleKind;
  /** on_change: wait this long after an organization's last usage change. */
  debounceMinutes: number;
  /** on_change: write a line at most once per this many hours. */
  minIntervalHours: number;
  /** daily / monthly: the hour (0–23) in the partner's time. */
  hour: number;
  /** monthly: the day of the month, or the last. */
  dayOfMonth: number | 'last';
  /** The partner's offset from UTC, in minutes (e.g. -300 for New York in winter). */
  utcOffsetMinutes: number;
}

export const defaultSchedule: BillingSchedule = {
  kind: 'on_change',
  debounceMinutes: 10,
  minIntervalHours: 12,
  hour: 2,
  dayOfMonth: 1,
  utcOffsetMinutes: 0,
};

const MINUTE = 60_000;
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** The latest scheduled time at or before `now` for daily and monthly schedules; null for on_change. */
export function lastScheduledTime(s: BillingSchedule, now: Date): Date | null {
  if (s.kind === 'on_change') return null;
  const local = new Date(now.getTime() + s.utcOffsetMinutes * MINUTE);
  const at = (y: number, m: number, d: number) =>
    new Date(Date.UTC(y, m, d, s.hour) - s.utcOffsetMinutes * MINUTE);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  if (s.kind === 'daily') {
    const today = at(y, m, local.getUTCDate());
    return today <= now ? today : new Date(today.getTime() - 24 * 60 * MINUTE);
  }
  const day = (yy: number, mm: number) =>
    s.dayOfMonth === 'last' ? daysIn(yy, mm) : Math.min(s.dayOfMonth, daysIn(yy, mm));
  const thisMonth = at(y, m, day(y, m));
  if (thisMonth <= now) return thisMonth;
  const py = m === 0 ? y - 1 : y;
  const pm = m === 0 ? 11 : m - 1;
  return at(py, pm, day(py, pm));
}

/**
 * Whether a scheduled run is due: a scheduled time has passed since `since` (the last run, or when
 * the schedule was set — a schedule set today does not run for a time that passed before it).
 */
export function scheduledRunDue(s: BillingSchedule, since: Date, now: Date): boolean {
  const last = lastScheduledTime(s, now);
  return last !== null && last > since;
}

/** on_change: when an organization whose usage changed at `changedAt` is due. */
export function debouncedDue(s: BillingSchedule, changedAt: Date): Date {
  return new Date(changedAt.getTime() + s.debounceMinutes * MINUTE);
}
