// The billing diff: the lines an organization link should hold against what the PSA holds, as a
// change set — per line the current and desired quantity, the difference, why, and whether a person
// must approve it first. Pure: the reconciler reads the PSA, this decides, the reconciler writes.
import { toThousandths } from './billing-rules.ts';

export const billingModes = ['off', 'preview', 'auto'] as const;
export type BillingMode = (typeof billingModes)[number];
export const driftPolicies = ['hold', 'overwrite'] as const;
export type DriftPolicy = (typeof driftPolicies)[number];

/** Why a change set waits for a person. */
export const holdReasons = ['preview', 'drop_to_zero', 'threshold', 'drift', 'target_gone'] as const;
export type HoldReason = (typeof holdReasons)[number];

export interface SafetySettings {
  mode: BillingMode;
  /** A change of more than this share of the current quantity is held (when the line holds some). */
  approvalThresholdPercent: number;
  /** A change of more than this many units is held; null = no such rule. */
  approvalThresholdUnits: number | null;
  driftPolicy: DriftPolicy;
}

/** One plan's line as the hub wants it. */
export interface DesiredLine {
  planId: string;
  targetId: string;
  quantity: number;
  /** Written when not null; the PSA's value stays when null. */
  unitPrice: number | null;
  unitCost: number | null;
  description: string | null;
  /** What the hub last wrote on this target, and when: a PSA value that differs is a hand edit. */
  lastWritten: { quantity: number; at: Date } | null;
  /** A write the hub started and did not see finish (a crash): its value is not a hand edit. */
  intentQuantity: number | null;
}

/** The target as the PSA holds it now; undefined when it is gone. */
export interface HeldLine {
  quantity: number;
  unitPrice: number | null;
  unitCost: number | null;
  description: string | null;
}

export interface LineWrite {
  quantity: number;
  unitPrice?: number;
  unitCost?: number;
  description?: string;
}

export interface ChangeLine {
  planId: string;
  targetId: string;
  /** null: the target is gone from the PSA. */
  current: number | null;
  desired: number;
  difference: number | null;
  /** What to write; null when nothing can be written (the target is gone). */
  write: LineWrite | null;
  reason: string;
  held: HoldReason[];
  /** A hand edit: the PSA's quantity is not what the hub last wrote. */
  drift: { psaQuantity: number; hubQuantity: number; hubWroteAt: Date } | null;
}

export interface ChangeSetPlan {
  /** Lines with something to write or to report; empty when the PSA already holds it all. */
  lines: ChangeLine[];
  /** Every hold reason of its lines (and `preview`); empty = apply at once. */
  held: HoldReason[];
  /** The earliest time a line kept back by the minimum interval may be written, if any. */
  deferredUntil: Date | null;
}

export interface DiffOptions {
  now: Date;
  /** On-change schedules write a line at most once per this interval; 0 = no limit. */
  minIntervalMs: number;
}

const same = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : toThousandths(a) === toThousandths(b);

export function billingDiff(
  desired: DesiredLine[],
  psa: ReadonlyMap<string, HeldLine>,
  settings: SafetySettings,
  opts: DiffOptions,
): ChangeSetPlan {
  const lines: ChangeLine[] = [];
  let deferredUntil: Date | null = null;
  for (const d of desired) {
    const held = psa.get(d.targetId);
    if (!held) {
      lines.push({
        planId: d.planId,
        targetId: d.targetId,
        current: null,
        desired: d.quantity,
        difference: null,
        write: null,
        reason: 'the billing record is gone from the PSA: choose another one on the link',
        held: ['target_gone'],
        drift: null,
      });
      continue;
    }
    const write = lineWrite(d, held);
    if (!write) continue;
    if (d.lastWritten && opts.minIntervalMs > 0) {
      const allowed = new Date(d.lastWritten.at.getTime() + opts.minIntervalMs);
      if (allowed > opts.now) {
        if (!deferredUntil || allowed < deferredUntil) deferredUntil = allowed;
        continue;
      }
    }
    lines.push(changeLine(d, held, write, settings));
  }
  const reasons = new Set<HoldReason>(lines.flatMap((l) => l.held));
  if (settings.mode === 'preview' && lines.length > 0) reasons.add('preview');
  return { lines, held: holdReasons.filter((r) => reasons.has(r)), deferredUntil };
}

/** The fields that differ, or null when the PSA holds the line as desired. */
function lineWrite(d: DesiredLine, held: HeldLine): LineWrite | null {
  const w: LineWrite = { quantity: d.quantity };
  let differs = !same(d.quantity, held.quantity);
  if (d.unitPrice !== null && !same(d.unitPrice, held.unitPrice)) {
    w.unitPrice = d.unitPrice;
    differs = true;
  }
  if (d.unitCost !== null && !same(d.unitCost, held.unitCost)) {
    w.unitCost = d.unitCost;
    differs = true;
  }
  if (d.description !== null && d.description !== (held.description ?? '')) {
    w.description = d.description;
    differs = true;
  }
  return differs ? w : null;
}

function changeLine(d: DesiredLine, held: HeldLine, write: LineWrite, s: SafetySettings): ChangeLine {
  const current = held.quantity;
  const difference = toThousandths(d.quantity - current);
  const holds: HoldReason[] = [];
  const why: string[] = [];
  const drifted =
    d.lastWritten !== null &&
    !same(current, d.lastWritten.quantity) &&
    !(d.intentQuantity !== null && same(current, d.intentQuantity));
  const drift = drifted
    ? { psaQuantity: current, hubQuantity: d.lastWritten!.quantity, hubWroteAt: d.lastWritten!.at }
    : null;
  if (drift) {
    const edit = `the PSA holds ${current}, the hub last wrote ${drift.hubQuantity} (${drift.hubWroteAt.toISOString()}): edited by hand`;
    if (s.driftPolicy === 'hold') {
      holds.push('drift');
      why.push(edit);
    } else why.push(`${edit}; overwritten as the drift policy says`);
  }
  if (difference === 0) why.push('quantity as it should be; other fields differ');
  else
    why.push(
      `usage says ${d.quantity}, the PSA holds ${current} (${difference > 0 ? '+' : ''}${difference})`,
    );
  if (d.quantity === 0 && current > 0) {
    holds.push('drop_to_zero');
    why.push('would drop to 0');
  }
  const percent = current > 0 ? (Math.abs(difference) / current) * 100 : null;
  const overPercent = percent !== null && percent > s.approvalThresholdPercent;
  const overUnits = s.approvalThresholdUnits !== null && Math.abs(difference) > s.approvalThresholdUnits;
  if ((overPercent || overUnits) && !holds.includes('drop_to_zero')) {
    holds.push('threshold');
    why.push(
      overPercent
        ? `a change of ${Math.round(percent!)} % is over the ${s.approvalThresholdPercent} % threshold`
        : `a change of ${Math.abs(difference)} units is over the ${s.approvalThresholdUnits}-unit threshold`,
    );
  }
  return {
    planId: d.planId,
    targetId: d.targetId,
    current,
    desired: d.quantity,
    difference,
    write,
    reason: why.join('; '),
    held: holds,
    drift,
  };
}

/** Whether two plans would write the same lines for the same reasons (a pending one is kept, not replaced). */
export function sameChanges(
  a: Pick<ChangeLine, 'targetId' | 'write' | 'current' | 'held'>[],
  b: typeof a,
): boolean {
  if (a.length !== b.length) return false;
  const key = (l: (typeof a)[number]) => JSON.stringify([l.targetId, l.current, l.write, [...l.held].sort()]);
  const keys = new Set(a.map(key));
  return b.every((l) => keys.has(key(l)));
}
