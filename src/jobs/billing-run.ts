// A billing run: the reconcile of a connection's organization links (or one organization's). The
// PSA's lines are read a chunk of links at a time, in as few requests as the connector can make
// them; each link's diff becomes a change set, applied at once unless a safety rule holds it for a
// person; a held change set that is still wanted is kept (refreshed), not written again.
import { tellBilling } from './vendor-events.ts';
import { billingDiff, sameChanges, type ChangeSetPlan, type DesiredLine } from '../core/billing-diff.ts';
import { billedQuantity, effectiveRules, lineDescription, type BillingRules } from '../core/billing-rules.ts';
import type { PsaClient } from '../psa/client.ts';
import type { BillingTargetState } from '../psa/types.ts';
import { billedLinkIds, billingLinesOf, setDue, type BillingLineRow } from '../store/billing-lines.ts';
import {
  finishRun,
  getRun,
  runLinks,
  runProgress,
  startRun,
  type BillingRun,
} from '../store/billing-runs.ts';
import {
  getChangeSets,
  insertChangeSet,
  lastRejected,
  moveChangeSets,
  openChangeSet,
  touchChangeSet,
} from '../store/change-sets.ts';
import { getConnection, type Connection } from '../store/connections.ts';
import { recordLinkHealth } from '../store/org-links.ts';
import type { Db } from '../store/db.ts';
import { applyChangeSet } from './billing-apply.ts';
import { billingSettings, type BillingSettings } from './billing-settings.ts';
import { goneDetail } from './link-health.ts';
import { clientFor, type SessionDeps } from './psa-session.ts';
import { writeStats } from './stats-write.ts';

/** Links reconciled per PSA read: their lines are asked for together. */
export const LINKS_PER_READ = 100;
/** After a failed write that may pass by itself, the link is tried again this much later. */
const RETRY_AFTER_MS = 5 * 60_000;

export interface BillingDeps extends SessionDeps {
  /** The clock of the schedules' tick (tests move it). */
  now?: () => Date;
}

interface Tally {
  linksDone: number;
  changeSets: number;
  writes: number;
}

/** Carry out one run; a failure ends it with the reason (due links stay due for the next one). */
export async function runBilling(deps: BillingDeps, runId: string): Promise<void> {
  const run = await getRun(deps.db, runId);
  if (!run || run.state === 'done' || run.state === 'failed') return;
  const connection = await getConnection(deps.db, run.connectionId);
  // The run reconciles as of the time it was made for (a schedule's tick), not when a worker got to it.
  const now = run.asOf;
  if (!connection || connection.status === 'revoked')
    return finishRun(deps.db, runId, 'The connection is revoked');
  const settings = billingSettings(connection);
  if (settings.mode === 'off') return finishRun(deps.db, runId, 'Billing is off for this connection');
  if (run.cause === 'stats') return statsRun(deps, run, connection, settings);
  const linkIds = await linksOf(deps.db, run);
  await startRun(deps.db, runId, linkIds.length);
  const tally: Tally = { linksDone: 0, changeSets: 0, writes: 0 };
  try {
    const client = await clientFor(deps, connection);
    for (let i = 0; i < linkIds.length; i += LINKS_PER_READ) {
      const chunk = linkIds.slice(i, i + LINKS_PER_READ);
      const lines = await billingLinesOf(deps.db, chunk);
      const targets = [...new Set([...lines.values()].flat().map((l) => l.targetId))];
      const held = targets.length ? await client.readBillingTargets(targets) : new Map();
      for (const linkId of chunk) {
        await reconcileLink(
          deps,
          { client, connection, settings, run, now, tally },
          linkId,
          lines.get(linkId) ?? [],
          held,
        );
        tally.linksDone++;
      }
      await runProgress(deps.db, runId, tally);
    }
    await finishRun(deps.db, runId, null);
  } catch (err) {
    await runProgress(deps.db, runId, tally);
    await finishRun(deps.db, runId, (err as Error).message);
  }
}

/** A daily run writing backup statistics onto the companies (the links count as its progress). */
async function statsRun(
  deps: BillingDeps,
  run: BillingRun,
  connection: Connection,
  settings: BillingSettings,
) {
  await startRun(deps.db, run.id, 0);
  try {
    const client = await clientFor(deps, connection);
    const tally = await writeStats(
      deps.db,
      client,
      connection,
      settings.statsFields,
      (done, total) => runLinks(deps.db, run.id, done, total),
      deps.log,
    );
    await runProgress(deps.db, run.id, {
      linksDone: tally.organizations,
      changeSets: 0,
      writes: tally.writes,
    });
    await finishRun(deps.db, run.id, null);
  } catch (err) {
    await finishRun(deps.db, run.id, (err as Error).message);
  }
}

async function linksOf(db: Db, run: BillingRun): Promise<string[]> {
  return run.linkIds ?? billedLinkIds(db, run.connectionId, run.organizationId);
}

interface RunContext {
  client: PsaClient;
  connection: Connection;
  settings: BillingSettings;
  run: BillingRun;
  now: Date;
  tally: Tally;
}

/** The lines a link should hold: each billed plan that has usage, under its rules. */
export function desiredLines(lines: BillingLineRow[]): DesiredLine[] {
  return lines.flatMap((l) => {
    if (!l.usage) return [];
    const rules = effectiveRules(
      l.planRules as Partial<BillingRules>,
      l.overrideRules as Partial<BillingRules>,
    );
    const quantity = billedQuantity(l.usage.quantity, rules);
    return [
      {
        planId: l.planId,
        targetId: l.targetId,
        quantity,
        unitPrice: rules.unitPrice,
        unitCost: rules.unitCost,
        description: lineDescription(rules, {
          plan: l.planName,
          unit: l.planUnit,
          quantity,
          usage: l.usage.quantity,
          asOf: l.usage.changedAsOf,
        }),
        lastWritten:
          l.writtenQuantity !== null && l.writtenAt ? { quantity: l.writtenQuantity, at: l.writtenAt } : null,
        intentQuantity: l.intentQuantity,
      },
    ];
  });
}

async function reconcileLink(
  deps: BillingDeps,
  ctx: RunContext,
  linkId: string,
  lines: BillingLineRow[],
  held: Map<string, BillingTargetState>,
): Promise<void> {
  const first = lines[0];
  if (!first) return;
  const onChange = ctx.run.cause === 'on_change';
  const plan = billingDiff(desiredLines(lines), held, ctx.settings, {
    now: ctx.now,
    minIntervalMs: onChange ? ctx.settings.schedule.minIntervalHours * 3600_000 : 0,
  });
  const toApply = await deps.db.transaction(async (tx) => {
    const open = await openChangeSet(tx, linkId);
    // An approved set not yet written (an approval run, or a worker that died): write it now.
    if (open?.state === 'approved') return open.id;
    if (plan.lines.length === 0) {
      if (open) await moveChangeSets(tx, [open.id], ['pending'], 'superseded', { by: null, how: 'schedule' });
      return null;
    }
    if (open && sameChanges(open.lines, plan.lines)) {
      await touchChangeSet(tx, open.id);
      return null;
    }
    const rejected = !open && (await lastRejected(tx, linkId));
    if (rejected && sameChanges(rejected.lines, plan.lines)) return null;
    if (open) await moveChangeSets(tx, [open.id], ['pending'], 'superseded', { by: null, how: 'schedule' });
    ctx.tally.changeSets++;
    const id = await insertChangeSet(tx, {
      linkId,
      connectionId: ctx.connection.id,
      organizationId: first.organizationId,
      partnerId: first.partnerId,
      runId: ctx.run.id,
      state: plan.held.length ? 'pending' : 'approved',
      held: plan.held,
      cause: ctx.run.cause,
      lines: planLines(plan, lines),
    });
    if (!plan.held.length) return id;
    await tellBilling(
      tx,
      'billing.pending_approval',
      { id, connectionId: ctx.connection.id, organizationId: first.organizationId },
      { held: plan.held, lines: plan.lines.length },
    );
    return null;
  });
  const gone = plan.lines.filter((l) => l.held.includes('target_gone'));
  if (gone.length > 0)
    // Link health says why nothing is written, as the six-hourly check would (src/jobs/link-health.ts).
    await recordLinkHealth(deps.db, linkId, {
      health: 'invalid',
      detail: goneDetail(
        gone.map((g) => lines.find((l) => l.targetId === g.targetId)?.targetLabel ?? g.targetId),
      ),
    });
  let retryAt: Date | null = plan.deferredUntil;
  if (toApply) {
    const [cs] = await getChangeSets(deps.db, [toApply], null);
    const applied = await applyChangeSet(deps.db, ctx.client, cs!, deps.log);
    ctx.tally.writes += applied.writes;
    if (applied.retryable) retryAt = new Date(ctx.now.getTime() + RETRY_AFTER_MS);
  }
  await setDue(deps.db, [{ linkId, connectionId: ctx.connection.id, dueAt: retryAt }]);
}

function planLines(plan: ChangeSetPlan, lines: BillingLineRow[]) {
  const byTarget = new Map(lines.map((l) => [l.targetId, l]));
  return plan.lines.map((l) => ({
    ...l,
    targetLabel: byTarget.get(l.targetId)?.targetLabel ?? l.targetId,
    usage: byTarget.get(l.targetId)?.usage?.quantity ?? null,
  }));
}
