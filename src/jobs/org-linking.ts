// Linking an organization to a PSA company: one PSA at a time, plans first, the company and the
// billing records read from the PSA itself, and history kept on every change.
import { AppError, type ErrorDetail } from '../core/errors.ts';
import type { PsaClient } from '../psa/client.ts';
import type { BillingTarget, PsaCompany } from '../psa/types.ts';
import type { Connection } from '../store/connections.ts';
import type { Db } from '../store/db.ts';
import type { Organization } from '../store/organizations.ts';
import {
  billingTargetsTaken,
  closeLink,
  currentLink,
  openLink,
  organizationPlans,
  unmappedPlans,
  type BillingChoice,
  type LinkMethod,
  type OrgLink,
} from '../store/org-links.ts';
import { getConnection } from '../store/connections.ts';
import { waitingAlertIds } from '../store/alerts.ts';
import { enqueueReconciles } from './reconcile-queue.ts';
import { organizationLostPsa } from './alert-moves.ts';
import { asAppError } from './connect.ts';
import type { Queue } from './queue.ts';
import { mappingSettings } from './mapping-settings.ts';
import { clientFor, type SessionDeps } from './psa-session.ts';

/** Per plan: an existing billing record, none (null), or a new line on one of the company's parents. */
export interface BillingRequest {
  planId: string;
  targetId?: string | null;
  createOn?: string;
}

export interface LinkInput {
  connection: Connection;
  organization: Organization;
  companyId: string;
  /** The company as just read from the PSA (a bulk operation's directory), to save a call. */
  company?: PsaCompany | undefined;
  billing?: BillingRequest[] | undefined;
  method: LinkMethod;
  actorId: string | null;
}

export interface LinkContext extends SessionDeps {
  /** Writes the audit entry in the link's transaction. */
  audit?: (tx: Db, link: OrgLink) => Promise<void>;
  /** Reuse one client across a bulk operation. */
  client?: PsaClient;
  /** Wakes the organization's alerts that wait for a link. */
  queue?: Queue;
}

const label = (c: Connection) => `${c.name} (${c.kind})`;

/** Refusals that need no PSA call: linked on another connection, or plans not mapped here. */
export async function assertLinkable(db: Db, connection: Connection, org: Organization): Promise<void> {
  const existing = await currentLink(db, org.id);
  if (existing && existing.connectionId !== connection.id) {
    const other = await getConnection(db, existing.connectionId);
    throw new AppError(
      'conflict',
      `Organization "${org.name}" is linked to "${existing.companyName}" on ${other ? label(other) : 'another connection'}; unlink it there first`,
    );
  }
  const missing = await unmappedPlans(db, org.id, connection.id);
  if (missing.length > 0) {
    throw new AppError(
      'conflict',
      `Map these plans on ${label(connection)} before linking "${org.name}": ${missing.map((p) => p.name).join(', ')}`,
      { details: missing.map((p) => ({ path: `plans/${p.id}`, message: `plan "${p.name}" is not mapped` })) },
    );
  }
}

export async function linkOrganization(ctx: LinkContext, input: LinkInput): Promise<OrgLink> {
  const { connection, organization: org } = input;
  if (connection.revokedAt) throw new AppError('conflict', 'This connection was revoked; create a new one');
  if (org.partnerId !== connection.partnerId) {
    throw new AppError(
      'invalid_reference',
      `Organization "${org.name}" belongs to another partner than this connection`,
    );
  }
  await assertLinkable(ctx.db, connection, org);
  const client = ctx.client ?? (await clientFor(ctx, connection));
  const company =
    input.company ??
    (await client.getCompany(input.companyId).catch((err: unknown) => {
      throw asAppError(err);
    }));
  if (!company || company.deleted) {
    throw new AppError(
      'invalid_reference',
      `companyId: ${connection.kind} has no ${company ? 'live ' : ''}company ${input.companyId}${company ? ` ("${company.name}" is deleted there)` : ''}`,
      { details: [{ path: 'body/companyId', message: company ? 'deleted in the PSA' : 'no such company' }] },
    );
  }
  const billing = await chooseBilling(ctx.db, client, input);
  return ctx.db.transaction(async (tx) => {
    // Re-read under a lock: a concurrent link of the same organization waits here and then sees ours.
    const existing = await currentLink(tx, org.id, true);
    if (existing && existing.connectionId !== connection.id) await assertLinkable(tx, connection, org);
    if (existing) await closeLink(tx, org.id, input.actorId, `relinked to "${company.name}"`);
    const link = await openLink(tx, {
      organizationId: org.id,
      connectionId: connection.id,
      companyId: company.id,
      companyName: company.name,
      method: input.method,
      linkedBy: input.actorId,
      billing,
    });
    await ctx.audit?.(tx, link);
    if (ctx.queue) await enqueueReconciles(ctx.queue, tx, await waitingAlertIds(tx, org.id));
    return link;
  });
}

/**
 * The billing record per plan: the one asked for (checked against the company's real records), a
 * new line when asked and allowed, or, when not asked, the only record that carries the plan's
 * product. Plans with none are not billed.
 */
async function chooseBilling(db: Db, client: PsaClient, input: LinkInput): Promise<BillingChoice[]> {
  const plans = await organizationPlans(db, input.organization.id, input.connection.id);
  const requests = input.billing ?? [];
  const problems: ErrorDetail[] = [];
  requests.forEach((r, i) => {
    if (!plans.some((p) => p.id === r.planId))
      problems.push({ path: `body/billing/${i}/planId`, message: 'not a plan this organization uses' });
    if (r.createOn !== undefined && r.targetId != null)
      problems.push({ path: `body/billing/${i}`, message: 'give targetId or createOn, not both' });
  });
  if (problems.length) throw new AppError('invalid_reference', problems[0]!.message, { details: problems });
  if (plans.length === 0) return [];

  let targets: BillingTarget[];
  try {
    targets = await client.billingTargets(input.companyId);
  } catch (err) {
    throw asAppError(err);
  }
  const out: BillingChoice[] = [];
  for (const plan of plans) {
    const i = requests.findIndex((r) => r.planId === plan.id);
    const req = requests[i];
    if (req?.targetId === null) continue;
    let target: BillingTarget | undefined;
    let created = false;
    if (req?.targetId !== undefined) {
      target = targets.find((t) => t.id === req.targetId);
      if (!target) {
        problems.push({
          path: `body/billing/${i}/targetId`,
          message: `${req.targetId} is not a billing record of company ${input.companyId}`,
        });
        continue;
      }
    } else if (req?.createOn !== undefined) {
      if (!mappingSettings(input.connection).createMissingBillingTargets) {
        problems.push({
          path: `body/billing/${i}/createOn`,
          message: 'this connection does not let the hub create billing lines (mapping settings)',
        });
        continue;
      }
      target = await client
        .createBillingTarget({
          companyId: input.companyId,
          parentId: req.createOn,
          productId: plan.productId!,
          quantity: 0,
        })
        .catch((err: unknown) => {
          throw asAppError(err);
        });
      created = true;
    } else {
      const carrying = targets.filter((t) => t.productId === plan.productId);
      if (carrying.length !== 1) continue;
      target = carrying[0];
    }
    out.push({
      planId: plan.id,
      targetId: target!.id,
      targetKind: target!.kind,
      targetLabel: target!.label,
      createdByHub: created,
    });
  }
  if (problems.length) throw new AppError('invalid_reference', problems[0]!.message, { details: problems });
  await assertTargetsFree(db, input, out);
  return out;
}

/** Two organizations billing into one record would overwrite each other's quantities. */
async function assertTargetsFree(db: Db, input: LinkInput, choices: BillingChoice[]): Promise<void> {
  if (choices.length === 0) return;
  const taken = await billingTargetsTaken(
    db,
    input.connection.id,
    input.organization.id,
    choices.map((c) => c.targetId),
  );
  if (taken.length > 0) {
    throw new AppError(
      'conflict',
      `Billing record ${taken[0]!.targetId} already carries a plan of organization "${taken[0]!.organizationName}"`,
    );
  }
}

/**
 * Unlink; in the same transaction the organization's open tickets are set to be closed with a note
 * (cancelled status, else resolved) and failing alerts end: the hub no longer follows them there.
 */
export async function unlinkOrganization(
  deps: { db: Db; queue: Queue },
  org: Organization,
  actorId: string | null,
  reason: string,
  audit?: (tx: Db, link: OrgLink) => Promise<void>,
): Promise<{ link: OrgLink; ticketsToClose: number } | undefined> {
  return deps.db.transaction(async (tx) => {
    const closed = await closeLink(tx, org.id, actorId, reason);
    if (!closed) return undefined;
    await audit?.(tx, closed);
    return { link: closed, ticketsToClose: await organizationLostPsa(deps.queue, tx, org.id) };
  });
}
