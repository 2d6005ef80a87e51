// The settings' choices in words: what each mode, drift policy and schedule does.
import type { BillingSettings, Schedule } from '../billing-types.ts';

export const modes: { value: BillingSettings['mode']; label: string; means: string }[] = [
  { value: 'off', label: 'Off', means: 'Billing is not reconciled: no change sets, nothing written.' },
  {
    value: 'preview',
    label: 'Preview',
    means:
      'Every change waits as a change set for a person to approve. Nothing is written unseen (the default).',
  },
  {
    value: 'auto',
    label: 'Automatic',
    means:
      'Changes are written at once; only drops to zero, large changes, hand edits and missing records wait.',
  },
];

export const driftPolicies: { value: BillingSettings['driftPolicy']; label: string; means: string }[] = [
  {
    value: 'hold',
    label: 'Hold for a person',
    means: 'A quantity someone changed in the PSA waits, showing both numbers.',
  },
  {
    value: 'overwrite',
    label: 'Overwrite',
    means: 'The hub writes over a quantity someone changed in the PSA.',
  },
];

export const scheduleKinds: { value: Schedule['kind']; label: string; means: string }[] = [
  {
    value: 'on_change',
    label: 'When usage changes',
    means: 'A change is synced a while after the last usage change, each line at most once per interval.',
  },
  { value: 'daily', label: 'Daily', means: 'Every day at the chosen hour of your time.' },
  { value: 'monthly', label: 'Monthly', means: 'Once a month, on the chosen day and hour of your time.' },
];

const pad = (n: number) => String(n).padStart(2, '0');

export const formatOffset = (minutes: number) => {
  const sign = minutes < 0 ? '−' : '+';
  const a = Math.abs(minutes);
  return `UTC${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
};

/** Every offset in use in the world's time zones, −12:00 to +14:00 in quarter hours. */
export const utcOffsets = Array.from({ length: (840 + 720) / 15 + 1 }, (_, i) => -720 + i * 15).filter(
  (m) => m % 30 === 0 || [345, 525, 765].includes(m),
);

export const formatHour = (h: number) => `${pad(h)}:00`;

export function describeSchedule(s: Schedule): string {
  if (s.kind === 'on_change')
    return `When usage changes: ${s.debounceMinutes} minutes after the last change, each line at most once per ${s.minIntervalHours} hours`;
  const at = `${formatHour(s.hour)} ${formatOffset(s.utcOffsetMinutes)}`;
  if (s.kind === 'daily') return `Daily at ${at}`;
  return `Monthly on ${s.dayOfMonth === 'last' ? 'the last day' : `day ${s.dayOfMonth}`} at ${at}`;
}
