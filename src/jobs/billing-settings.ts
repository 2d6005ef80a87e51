// A connection's billing settings, kept under `billing` in its settings object: the mode (off,
// preview — every change waits for a person —, auto), the approval thresholds, the drift policy
// and the schedule. A new connection is in preview, so no bill is written unseen.
import type { SafetySettings } from '../core/billing-diff.ts';
import { defaultSchedule, type BillingSchedule } from '../core/billing-schedule.ts';
import type { Connection } from '../store/connections.ts';

export interface BillingSettings extends SafetySettings {
  schedule: BillingSchedule;
  /** When the settings were last saved: a schedule does not run for a time before it was set. */
  updatedAt: string | null;
}

export const defaultBillingSettings: BillingSettings = {
  mode: 'preview',
  approvalThresholdPercent: 50,
  approvalThresholdUnits: null,
  driftPolicy: 'hold',
  schedule: defaultSchedule,
  updatedAt: null,
};

export function billingSettings(connection: Pick<Connection, 'settings'>): BillingSettings {
  const stored = connection.settings.billing;
  if (!stored || typeof stored !== 'object') return defaultBillingSettings;
  const s = stored as Partial<BillingSettings>;
  return {
    ...defaultBillingSettings,
    ...s,
    schedule: { ...defaultSchedule, ...(s.schedule ?? {}) },
  };
}
