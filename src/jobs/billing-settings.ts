// A connection's billing settings, kept under `billing` in its settings object: the mode (off,
// preview — every change waits for a person —, auto), the approval thresholds, the drift policy
// and the schedule. A new connection is in preview, so no bill is written unseen.
import type { SafetySettings } from '../core/billing-diff.ts';
import { defaultSchedule, type BillingSchedule } from '../core/billing-schedule.ts';
import type { Connection } from '../store/connections.ts';

/** The backup statistics the vendor sends, each written into a company custom field when chosen. */
export const statNames = ['protectedItems', 'storageGb', 'lastSuccessAt'] as const;
export type StatName = (typeof statNames)[number];

export interface BillingSettings extends SafetySettings {
  schedule: BillingSchedule;
  /** The PSA custom field (id) each statistic is written into, at most daily; null = not written. */
  statsFields: Record<StatName, string | null>;
  /** When the settings were last saved: a schedule does not run for a time before it was set. */
  updatedAt: string | null;
}

export const defaultBillingSettings: BillingSettings = {
  mode: 'preview',
  approvalThresholdPercent: 50,
  approvalThresholdUnits: null,
  driftPolicy: 'hold',
  schedule: defaultSchedule,
  statsFields: { protectedItems: null, storageGb: null, lastSuccessAt: null },
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
    statsFields: { ...defaultBillingSettings.statsFields, ...(s.statsFields ?? {}) },
  };
}
