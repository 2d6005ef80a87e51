// Billing without I/O: usage → billed quantity under the rules, the diff against what the PSA
// holds with its safety holds, and when scheduled runs fall due.
import { describe, expect, it } from 'vitest';
import {
  billedQuantity,
  defaultBillingRules,
  effectiveRules,
  lineDescription,
  ruleProblems,
  type BillingRules,
} from '../../src/core/billing-rules.ts';
import {
  billingDiff,
  sameChanges,
  type DesiredLine,
  type HeldLine,
  type SafetySettings,
} from '../../src/core/billing-diff.ts';
import { defaultSchedule, lastScheduledTime, scheduledRunDue } from '../../src/core/billing-schedule.ts';

const rules = (r: Partial<BillingRules> = {}): BillingRules => ({ ...defaultBillingRules, ...r });

describe('billed quantity', () => {
  it.each([
    [12, {}, 12],
    [12.2, {}, 13],
    [12.2, { rounding: 'down' as const }, 12],
    [12.5, { rounding: 'nearest' as const }, 13],
    [12.4, { rounding: 'nearest' as const }, 12],
    [120, { includedQuantity: 150 }, 0],
    [170, { includedQuantity: 150 }, 20],
    [170, { includedQuantity: 150, step: 50 }, 50],
    [201, { step: 50 }, 250],
    [200, { step: 50 }, 200],
    [3, { minimum: 5 }, 5],
    [0, { minimum: 5 }, 5],
    [11, { multiplier: 0.2 }, 3],
    [10, { multiplier: 0.2 }, 2],
    [0.1 + 0.2, { step: 0.001 }, 0.3],
    [1.001, { multiplier: 0.5, step: 0.001, rounding: 'down' as const }, 0.5],
    [1.001, { multiplier: 0.5, step: 0.001 }, 0.501],
    [0.3, { multiplier: 10 }, 3],
  ])('%s with %j bills %s', (usage, r, expected) => {
    expect(billedQuantity(usage, rules(r))).toBe(expected);
  });

  it('applies the organization override over the plan link', () => {
    const r = effectiveRules({ includedQuantity: 10, step: 5 }, { includedQuantity: 0, minimum: undefined });
    expect(r).toMatchObject({ includedQuantity: 0, step: 5, minimum: 0, rounding: 'up' });
  });

  it('names bad rules by field', () => {
    expect(
      ruleProblems({
        step: 0,
        multiplier: -1,
        minimum: Number.NaN,
        unitPrice: -2,
        descriptionTemplate: '{plan} {foo}',
      }).map((p) => p.field),
    ).toEqual(['minimum', 'unitPrice', 'step', 'multiplier', 'descriptionTemplate']);
    expect(
      ruleProblems({ step: 50, descriptionTemplate: '{plan} — {quantity} {unit} as of {date}' }),
    ).toEqual([]);
  });

  it('writes the description from the template, or leaves it alone', () => {
    const v = {
      plan: 'M365 Backup',
      unit: 'seat',
      quantity: 12,
      usage: 11.5,
      asOf: new Date('2026-12-01T10:00:00Z'),
    };
    expect(
      lineDescription(rules({ descriptionTemplate: '{plan} — {quantity} {unit} as of {date}' }), v),
    ).toBe('M365 Backup — 12 seat as of 2026-12-01');
    expect(lineDescription(rules(), v)).toBeNull();
  });
});

const safety = (s: Partial<SafetySettings> = {}): SafetySettings => ({
  mode: 'auto',
  approvalThresholdPercent: 50,
  approvalThresholdUnits: null,
  driftPolicy: 'hold',
  ...s,
});
const wrote = new Date('2026-12-01T00:00:00Z');
const now = new Date('2026-12-02T00:00:00Z');
const line = (d: Partial<DesiredLine> = {}): DesiredLine => ({
  planId: 'p1',
  targetId: 't1',
  quantity: 12,
  unitPrice: null,
  unitCost: null,
  description: null,
  lastWritten: { quantity: 10, at: wrote },
  intentQuantity: null,
  ...d,
});
const psa = (q: number, extra: Partial<HeldLine> = {}) =>
  new Map([['t1', { quantity: q, unitPrice: 5, unitCost: 2, description: 'old', ...extra }]]);
const diff = (
  d: Partial<DesiredLine>,
  held: Map<string, HeldLine>,
  s: Partial<SafetySettings> = {},
  minIntervalMs = 0,
) => billingDiff([line(d)], held, safety(s), { now, minIntervalMs });

describe('billing diff', () => {
  it('is empty when the PSA holds what usage says', () => {
    expect(diff({ quantity: 10 }, psa(10))).toEqual({ lines: [], held: [], deferredUntil: null });
  });

  it('writes an increase at once in auto mode, with the reason', () => {
    const plan = diff({}, psa(10));
    expect(plan.held).toEqual([]);
    expect(plan.lines[0]).toMatchObject({ current: 10, desired: 12, difference: 2, write: { quantity: 12 } });
    expect(plan.lines[0]!.reason).toContain('usage says 12, the PSA holds 10 (+2)');
  });

  it('holds everything in preview mode', () => {
    expect(diff({}, psa(10), { mode: 'preview' }).held).toEqual(['preview']);
  });

  it('holds a drop to zero', () => {
    const plan = diff({ quantity: 0 }, psa(10));
    expect(plan.held).toEqual(['drop_to_zero']);
    expect(plan.lines[0]!.difference).toBe(-10);
  });

  it('holds a change over the percent threshold, and over the unit threshold', () => {
    expect(diff({ quantity: 16 }, psa(10)).held).toEqual(['threshold']);
    expect(diff({ quantity: 15 }, psa(10)).held).toEqual([]);
    expect(diff({ quantity: 13 }, psa(10), { approvalThresholdUnits: 2 }).held).toEqual(['threshold']);
    // From nothing, the percent rule does not apply (a first sync); the unit rule does.
    expect(diff({ quantity: 40, lastWritten: null }, psa(0)).held).toEqual([]);
    expect(diff({ quantity: 40, lastWritten: null }, psa(0), { approvalThresholdUnits: 30 }).held).toEqual([
      'threshold',
    ]);
  });

  it('holds a hand edit, or overwrites it when the policy says', () => {
    const held = diff({}, psa(11));
    expect(held.held).toEqual(['drift']);
    expect(held.lines[0]!.drift).toEqual({ psaQuantity: 11, hubQuantity: 10, hubWroteAt: wrote });
    const over = diff({}, psa(11), { driftPolicy: 'overwrite' });
    expect(over.held).toEqual([]);
    expect(over.lines[0]!.reason).toContain('overwritten');
  });

  it('does not take the hub’s own unfinished write for a hand edit', () => {
    expect(diff({ intentQuantity: 12 }, psa(12))).toMatchObject({ lines: [], held: [] });
    expect(diff({ quantity: 13, intentQuantity: 12 }, psa(12)).held).toEqual([]);
  });

  it('reports a target gone from the PSA without writing', () => {
    const plan = diff({}, new Map());
    expect(plan.held).toEqual(['target_gone']);
    expect(plan.lines[0]).toMatchObject({ current: null, write: null });
  });

  it('writes price, cost and description only when set and different', () => {
    expect(diff({ quantity: 10, unitPrice: 5, unitCost: 2, description: 'old' }, psa(10)).lines).toEqual([]);
    const plan = diff({ quantity: 10, unitPrice: 6, description: 'new' }, psa(10));
    expect(plan.lines[0]!.write).toEqual({ quantity: 10, unitPrice: 6, description: 'new' });
    expect(plan.lines[0]!.reason).toContain('other fields differ');
  });

  it('keeps a line back within the minimum interval and says until when', () => {
    const plan = diff({}, psa(10), {}, 48 * 3600_000);
    expect(plan.lines).toEqual([]);
    expect(plan.deferredUntil).toEqual(new Date(wrote.getTime() + 48 * 3600_000));
    expect(diff({}, psa(10), {}, 12 * 3600_000).lines).toHaveLength(1);
  });

  it('compares two plans by what they would write', () => {
    const a = diff({}, psa(10)).lines;
    expect(sameChanges(a, diff({}, psa(10)).lines)).toBe(true);
    expect(sameChanges(a, diff({ quantity: 13 }, psa(10)).lines)).toBe(false);
  });
});

describe('billing schedule', () => {
  const at = (iso: string) => new Date(iso);
  it('daily at an hour in the partner’s time', () => {
    const s = { ...defaultSchedule, kind: 'daily' as const, hour: 2, utcOffsetMinutes: -300 };
    // 02:00 in UTC-5 is 07:00 UTC.
    expect(lastScheduledTime(s, at('2026-12-03T08:00:00Z'))).toEqual(at('2026-12-03T07:00:00Z'));
    expect(lastScheduledTime(s, at('2026-12-03T06:59:00Z'))).toEqual(at('2026-12-02T07:00:00Z'));
    expect(scheduledRunDue(s, at('2026-12-03T06:00:00Z'), at('2026-12-03T07:01:00Z'))).toBe(true);
    expect(scheduledRunDue(s, at('2026-12-03T07:00:30Z'), at('2026-12-03T09:00:00Z'))).toBe(false);
  });

  it('monthly on the last day, in short months and leap years', () => {
    const s = { ...defaultSchedule, kind: 'monthly' as const, dayOfMonth: 'last' as const, hour: 0 };
    expect(lastScheduledTime(s, at('2026-03-15T00:00:00Z'))).toEqual(at('2026-02-28T00:00:00Z'));
    expect(lastScheduledTime(s, at('2028-03-01T00:00:00Z'))).toEqual(at('2028-02-29T00:00:00Z'));
    expect(lastScheduledTime(s, at('2026-01-31T05:00:00Z'))).toEqual(at('2026-01-31T00:00:00Z'));
    expect(lastScheduledTime(s, at('2026-01-15T05:00:00Z'))).toEqual(at('2025-12-31T00:00:00Z'));
  });

  it('monthly on a day; never for on_change', () => {
    const s = { ...defaultSchedule, kind: 'monthly' as const, dayOfMonth: 15, hour: 6 };
    expect(lastScheduledTime(s, at('2026-12-15T06:00:00Z'))).toEqual(at('2026-12-15T06:00:00Z'));
    expect(lastScheduledTime(s, at('2026-12-15T05:59:00Z'))).toEqual(at('2026-11-15T06:00:00Z'));
    expect(lastScheduledTime(defaultSchedule, now)).toBeNull();
    expect(scheduledRunDue(defaultSchedule, wrote, now)).toBe(false);
  });
});
