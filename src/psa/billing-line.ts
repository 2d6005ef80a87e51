// What every connector's billing-line write shares: the checks of the optional numbers, the reading
// of a PSA's nullable number, and the `setBillingQuantity` answer derived from a line write.
import { PsaError } from './errors.ts';
import type { BillingLineWrite, BillingTargetState, QuantityChange } from './types.ts';

/** A line write's outcome: the state read before and the state after. */
export interface LineWritten {
  before: BillingTargetState;
  after: BillingTargetState;
}

/** Price and cost, when given, must be numbers; refused before any request. */
export function checkPrices(line: BillingLineWrite): void {
  for (const k of ['unitPrice', 'unitCost'] as const) {
    const v = line[k];
    if (v !== undefined && !Number.isFinite(v))
      throw new PsaError('validation', `${k} must be a number`, { fields: { [k]: 'not a number' } });
  }
}

/** A PSA number that may be unset (null, absent, empty). */
export const numOrNull = (v: unknown): number | null =>
  v === null || v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v);

export const quantityChange = ({ before, after }: LineWritten): QuantityChange => ({
  previous: before.quantity,
  current: after.quantity,
});
