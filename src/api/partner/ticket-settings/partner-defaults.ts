// A partner's ticket defaults for one PSA kind, inherited by the connections of its subtree (nearest
// partner first). Pick-list fields are given as names, since ids do not carry across PSA tenants.
import { Type } from 'typebox';
import {
  connectionsReachedBy,
  refreshBlockers,
  releaseWaitingAlerts,
} from '../../../jobs/ticket-readiness.ts';
import { descriptorOf, partnerDefaultRefusals } from '../../../jobs/ticket-settings.ts';
import type { ConnectionKind } from '../../../store/connections.ts';
import type { Db } from '../../../store/db.ts';
import { getPartner, type Partner } from '../../../store/partners.ts';
import {
  getPartnerDefaults,
  setTicketSettings,
  type StoredSettings,
} from '../../../store/ticket-settings.ts';
import type { Actor } from '../../actor.ts';
import { canSeePartnerPath, notFound, userActor } from '../../authorization.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, Timestamp, Uuid } from '../../schemas.ts';
import { readOnlyEcho } from '../../settings-echo.ts';
import { checkedFields, FieldMap, FieldsBody, refuseReferences } from './settings-schemas.ts';

const Params = Type.Object(
  {
    id: Uuid,
    kind: Type.Union([Type.Literal('connectwise'), Type.Literal('autotask'), Type.Literal('halopsa')]),
  },
  Closed,
);

const DefaultsReply = Type.Object(
  {
    kind: Type.String(),
    fields: FieldMap,
    updatedAt: Type.Union([Timestamp, Type.Null()]),
  },
  Closed,
);

const format = (kind: ConnectionKind, s: StoredSettings | undefined) => ({
  kind,
  fields: s?.fields ?? {},
  updatedAt: s?.updatedAt.toISOString() ?? null,
});

async function visiblePartner(db: Db, actor: Actor | undefined, id: string): Promise<Partner> {
  const partner = await getPartner(db, id);
  if (!partner || !canSeePartnerPath(actor, partner.path)) throw notFound('partner', id);
  return partner;
}

export const getPartnerDefaultsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/partners/:id/ticket-defaults/:kind',
  permission: 'member',
  params: { id: 'partner', kind: 'psaKind' },
  schema: {
    summary: 'A partner’s ticket defaults for one PSA kind (pick-list values as names)',
    tags: ['ticket settings'],
    params: Params,
    response: { 200: DefaultsReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    const partner = await visiblePartner(deps.db, actor, req.params.id);
    return format(req.params.kind, await getPartnerDefaults(deps.db, partner.id, req.params.kind));
  },
});

export const setPartnerDefaultsRoute = defineRoute({
  method: 'PUT',
  url: '/api/v1/partners/:id/ticket-defaults/:kind',
  permission: 'manage_integrations',
  audit: 'ticket_defaults.set',
  params: { id: 'partner', kind: 'psaKind' },
  schema: {
    summary:
      'Replace a partner’s ticket defaults for one PSA kind; names are checked on the partner’s own connection of that kind, if any',
    tags: ['ticket settings'],
    params: Params,
    // The GET answer can be sent back as it is: `kind` and `updatedAt` are read-only and ignored.
    body: Type.Object(
      {
        ...FieldsBody({}).properties,
        ...readOnlyEcho(DefaultsReply, ['kind', 'updatedAt']),
      },
      {
        ...Closed,
        examples: [
          { fields: { boardId: 'Help Desk', 'status.new': 'New', 'priority.high': 'Priority 2 - High' } },
        ],
      },
    ),
    response: { 200: DefaultsReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor, audit }) {
    const partner = await visiblePartner(deps.db, actor, req.params.id);
    const kind = req.params.kind;
    const values = checkedFields(descriptorOf(kind), req.body.fields, 'names');
    refuseReferences(await partnerDefaultRefusals(deps, partner, kind, values));
    const reached = await connectionsReachedBy(deps.db, partner, kind);
    const saved = await deps.db.transaction(async (tx) => {
      const row = await setTicketSettings(
        tx,
        { scope: 'partner', partnerId: partner.id, kind },
        values,
        userActor(actor).userId,
      );
      await audit(tx, {
        targetType: 'partner',
        targetId: partner.id,
        partnerId: partner.id,
        details: { kind, fields: Object.keys(values) },
      });
      await releaseWaitingAlerts(
        deps.queue,
        tx,
        reached.map((c) => c.id),
      );
      return row;
    });
    for (const c of reached) await refreshBlockers(deps, c);
    return format(kind, saved);
  },
});
