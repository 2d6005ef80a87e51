// Writing an approved change set: each line's intent recorded before its PSA write (so a crash
// between the write and its record is not mistaken for a hand edit), then the write — only the
// fields that differ, absolute quantities, so repeating it writes nothing twice — then its
// delivery in the event log, the hub's last written value and the line's outcome, together.
import type { PsaClient } from '../psa/client.ts';
import { tellBilling } from './vendor-events.ts';
import { insertDelivery, type NewDelivery } from '../store/alerts.ts';
import { recordIntent, recordWritten } from '../store/billing-lines.ts';
import { moveChangeSets, recordLineOutcome, type ChangeSet } from '../store/change-sets.ts';
import type { Db } from '../store/db.ts';
import { logPsaWrite, quietLog, type HubLog } from './hub-log.ts';

export interface Applied {
  writes: number;
  failed: number;
  /** The first failure's answer, when any line failed. */
  error: string | null;
  /** Whether the failure may pass by itself (rate limit, PSA down): worth trying again soon. */
  retryable: boolean;
}

export async function applyChangeSet(
  db: Db,
  client: PsaClient,
  cs: ChangeSet,
  log: HubLog = quietLog,
): Promise<Applied> {
  const result: Applied = { writes: 0, failed: 0, error: null, retryable: false };
  for (const line of cs.lines) {
    if (!line.write || line.outcome === 'ok') continue;
    await recordIntent(db, cs.linkId, line.planId, line.write.quantity);
    const started = performance.now();
    let after: number | null = null;
    let answer: string;
    let ok = true;
    try {
      const state = await client.writeBillingLine(line.targetId, line.write);
      after = state.quantity;
      answer = `${line.targetLabel}: ${line.current ?? '—'} → ${state.quantity}`;
    } catch (err) {
      ok = false;
      answer = (err as Error).message;
      result.retryable ||= (err as { retryable?: boolean }).retryable === true;
      result.error ??= answer;
    }
    const at = new Date();
    let written: NewDelivery | undefined;
    await db.transaction(async (tx) => {
      if (ok) await recordWritten(tx, cs.linkId, line.planId, after!, at);
      await recordLineOutcome(tx, cs.id, line.targetId, { outcome: ok ? 'ok' : 'failed', answer, after, at });
      await insertDelivery(
        tx,
        (written = {
          partnerId: cs.partnerId,
          connectionId: cs.connectionId,
          organizationId: cs.organizationId,
          alertId: null,
          changeSetId: cs.id,
          action: 'billing',
          request: {
            targetId: line.targetId,
            target: line.targetLabel,
            plan: line.planName,
            before: line.current,
            ...line.write,
          },
          outcome: ok ? 'ok' : 'failed',
          answer,
          durationMs: performance.now() - started,
          attempt: 1,
          ticketId: null,
        }),
      );
    });
    logPsaWrite(log, client.kind, written!);
    if (ok) result.writes++;
    else result.failed++;
  }
  await db.transaction(async (tx) => {
    const moved = await moveChangeSets(
      tx,
      [cs.id],
      ['approved'],
      result.failed ? 'failed' : 'applied',
      null,
      result.error,
    );
    if (moved.length && !result.failed)
      await tellBilling(tx, 'billing.applied', cs, { writes: result.writes });
  });
  return result;
}
