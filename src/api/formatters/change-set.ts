import { Type, type Static } from 'typebox';
import { holdReasons } from '../../core/billing-diff.ts';
import { changeSetStates, type ChangeSet } from '../../store/change-sets.ts';
import { Closed, Literals, Timestamp, Uuid } from '../schemas.ts';
import { PsaKindSchema } from './connection.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const HoldReasonSchema = Literals(holdReasons);
export const ChangeSetStateSchema = Literals(changeSetStates);

const LineWrite = Type.Object(
  {
    quantity: Type.Number(),
    unitPrice: Type.Optional(Type.Number()),
    unitCost: Type.Optional(Type.Number()),
    description: Type.Optional(Type.String()),
  },
  Closed,
);

const Line = Type.Object(
  {
    plan: Type.Object({ id: Uuid, name: Type.String() }, Closed),
    targetId: Type.String(),
    target: Type.String({ description: 'the billing record, as the PSA names it' }),
    usage: Nullable(Type.Number()),
    current: Nullable(Type.Number({ description: 'what the PSA held; null when the record is gone' })),
    desired: Type.Number(),
    difference: Nullable(Type.Number()),
    write: Nullable(LineWrite),
    reason: Type.String(),
    held: Type.Array(HoldReasonSchema),
    drift: Nullable(
      Type.Object(
        { psaQuantity: Type.Number(), hubQuantity: Type.Number(), hubWroteAt: Timestamp },
        { ...Closed, description: 'a hand edit: the PSA’s quantity is not what the hub last wrote' },
      ),
    ),
    outcome: Nullable(Literals(['ok', 'failed'])),
    answer: Nullable(Type.String({ description: 'the PSA’s answer in plain words' })),
    after: Nullable(Type.Number()),
    writtenAt: Nullable(Timestamp),
  },
  Closed,
);

export const ChangeSetReply = Type.Object(
  {
    id: Uuid,
    state: ChangeSetStateSchema,
    held: Type.Array(HoldReasonSchema, { description: 'why it waits for a person' }),
    cause: Type.String({ description: 'what made it: sync_now, on_change, daily, monthly, approval' }),
    organization: Type.Object({ id: Uuid, name: Type.String() }, Closed),
    connection: Type.Object({ id: Uuid, name: Type.String(), kind: PsaKindSchema }, Closed),
    company: Type.String(),
    runId: Nullable(Uuid),
    createdAt: Timestamp,
    checkedAt: Timestamp,
    decidedAt: Nullable(Timestamp),
    decidedBy: Nullable(Uuid),
    decidedHow: Nullable(
      Type.String({ description: 'auto (no rule held it), user, or schedule (superseded)' }),
    ),
    appliedAt: Nullable(Timestamp),
    error: Nullable(Type.String()),
    lines: Type.Array(Line),
  },
  Closed,
);

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function formatChangeSet(c: ChangeSet): Static<typeof ChangeSetReply> {
  return {
    id: c.id,
    state: c.state,
    held: c.held,
    cause: c.cause,
    organization: c.organization,
    connection: c.connection as Static<typeof ChangeSetReply>['connection'],
    company: c.companyName,
    runId: c.runId,
    createdAt: c.createdAt.toISOString(),
    checkedAt: c.checkedAt.toISOString(),
    decidedAt: iso(c.decidedAt),
    decidedBy: c.decidedBy,
    decidedHow: c.decidedHow,
    appliedAt: iso(c.appliedAt),
    error: c.error,
    lines: c.lines.map((l) => ({
      plan: { id: l.planId, name: l.planName },
      targetId: l.targetId,
      target: l.targetLabel,
      usage: l.usage,
      current: l.current,
      desired: l.desired,
      difference: l.difference,
      write: l.write,
      reason: l.reason,
      held: l.held,
      drift: l.drift,
      outcome: l.outcome,
      answer: l.answer,
      after: l.after,
      writtenAt: iso(l.writtenAt),
    })),
  };
}
