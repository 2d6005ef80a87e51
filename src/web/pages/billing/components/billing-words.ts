// Billing's states, holds, modes and numbers in words, the same on every billing page.
import type { ChangeSetState, HoldReason } from '../billing-types.ts';

export const stateLooks: Record<ChangeSetState, { label: string; color: string }> = {
  pending: { label: 'Waiting for approval', color: 'yellow' },
  approved: { label: 'Approved, being written', color: 'blue' },
  applied: { label: 'Applied', color: 'green' },
  rejected: { label: 'Rejected', color: 'gray' },
  superseded: { label: 'Superseded by a newer one', color: 'gray' },
  failed: { label: 'Failed', color: 'red' },
};

export const holdLabels: Record<HoldReason, string> = {
  preview: 'Preview mode',
  drop_to_zero: 'Drops to 0',
  threshold: 'Over the threshold',
  drift: 'Edited in the PSA',
  target_gone: 'Billing record gone',
};

export const holdExplanations: Record<HoldReason, string> = {
  preview: 'the connection is in preview: every change waits for a person',
  drop_to_zero: 'a line would go to 0',
  threshold: 'the change is larger than the approval threshold',
  drift: 'someone changed the quantity in the PSA since the hub last wrote it',
  target_gone: 'the billing record is gone from the PSA; choose another on the organization’s link',
};

export const causeLabels: Record<string, string> = {
  sync_now: 'Sync now',
  on_change: 'Usage change',
  daily: 'Daily schedule',
  monthly: 'Monthly schedule',
  approval: 'Approval',
};

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 });

export const formatNumber = (n: number | null | undefined) => (n == null ? '—' : number.format(n));

export const formatDifference = (n: number | null) =>
  n == null ? '—' : n > 0 ? `+${number.format(n)}` : number.format(n);
