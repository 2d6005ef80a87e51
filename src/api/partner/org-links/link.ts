// One organization's link: read it (with its plans and history), link or relink it to a company of
// a connection, unlink it. Linking checks the company and billing records against the PSA.
import { Type } from 'typebox';
import { linkOrganization, unlinkOrganization } from '../../../jobs/org-linking.ts';
import { currentLink, linkHistory, organizationPlans } from '../../../store/org-links.ts';
import { notFound, userActor } from '../../authorization.ts';
import { defineRoute, psaErrors } from '../../route.ts';
import { Closed, errorReplies, IdParams, Timestamp, Uuid } from '../../schemas.ts';
import { visibleConnection } from '../connections/connection-access.ts';
import { formatLink, LinkReply } from './link-format.ts';
import { visibleOrganization } from './org-access.ts';

const OrgLinkView = Type.Object(
  {
    organization: Type.Object(
      {
        id: Uuid,
        externalId: Type.String(),
        name: Type.String(),
        skippedAt: Type.Union([Timestamp, Type.Null()]),
      },
      Closed,
    ),
    link: Type.Union([LinkReply, Type.Null()]),
    plans: Type.Array(
      Type.Object(
        {
          id: Uuid,
          externalId: Type.String(),
          name: Type.String(),
          productId: Type.Union([Type.String(), Type.Null()], {
            description: 'the product it maps to on the linked connection; null when unmapped there',
          }),
        },
        Closed,
      ),
    ),
    history: Type.Array(LinkReply, { description: 'earlier links, newest first' }),
  },
  Closed,
);

const UnlinkReply = Type.Object(
  {
    ...OrgLinkView.properties,
    tickets: Type.Object(
      {
        closing: Type.Integer({ description: 'open tickets of the organization the hub closes' }),
        message: Type.String({ description: 'what happens to them, in words' }),
      },
      Closed,
    ),
  },
  Closed,
);

async function view(
  db: Parameters<typeof currentLink>[0],
  org: Awaited<ReturnType<typeof visibleOrganization>>,
) {
  const link = await currentLink(db, org.id);
  return {
    organization: {
      id: org.id,
      externalId: org.externalId,
      name: org.name,
      skippedAt: org.skippedAt?.toISOString() ?? null,
    },
    link: link ? formatLink(link) : null,
    plans: await organizationPlans(db, org.id, link?.connectionId ?? null),
    history: (await linkHistory(db, org.id)).filter((l) => l.unlinkedAt).map(formatLink),
  };
}

export const getOrgLinkRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/organizations/:id/link',
  permission: 'member',
  params: { id: 'organization' },
  schema: {
    summary: 'Where an organization is linked: its PSA company, billing records, plans, health and history',
    tags: ['mapping'],
    params: IdParams,
    response: { 200: OrgLinkView, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    return view(deps.db, await visibleOrganization(deps.db, actor, req.params.id));
  },
});

export const BillingRequests = Type.Array(
  Type.Object(
    {
      planId: Uuid,
      targetId: Type.Optional(
        Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()], {
          description:
            'a billing record of the company (from …/billing-targets); null: do not bill this plan',
        }),
      ),
      createOn: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 200,
          description:
            'create a line for the plan’s product on this agreement / contract / recurring invoice (when the connection allows it)',
        }),
      ),
    },
    Closed,
  ),
  {
    maxItems: 200,
    description:
      'per plan the organization uses; a plan left out bills into the only record carrying its product, if exactly one does',
  },
);

export const setOrgLinkRoute = defineRoute({
  method: 'PUT',
  url: '/api/v1/organizations/:id/link',
  errors: psaErrors,
  permission: 'manage_integrations',
  audit: 'org_link.linked',
  params: { id: 'organization' },
  schema: {
    summary:
      'Link (or relink on the same connection) an organization to a PSA company; refused while linked on another connection or while a plan it uses is unmapped',
    tags: ['mapping'],
    params: IdParams,
    body: Type.Object(
      {
        connectionId: Uuid,
        companyId: Type.String({ minLength: 1, maxLength: 100 }),
        billing: Type.Optional(BillingRequests),
        fromSuggestion: Type.Optional(
          Type.Boolean({ description: 'the partner confirmed an auto-match suggestion' }),
        ),
      },
      {
        ...Closed,
        examples: [{ connectionId: '00000000-0000-4000-8000-000000000000', companyId: '250' }],
      },
    ),
    response: { 200: OrgLinkView, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor, audit }) {
    const org = await visibleOrganization(deps.db, actor, req.params.id);
    const connection = await visibleConnection(deps.db, actor, req.body.connectionId);
    await linkOrganization(
      {
        ...deps,
        audit: (tx, link) =>
          audit(tx, {
            targetType: 'organization',
            targetId: org.id,
            partnerId: org.partnerId,
            details: {
              connectionId: connection.id,
              companyId: link.companyId,
              companyName: link.companyName,
            },
          }),
      },
      {
        connection,
        organization: org,
        companyId: req.body.companyId,
        billing: req.body.billing,
        method: req.body.fromSuggestion ? 'suggestion' : 'manual',
        actorId: userActor(actor).userId,
      },
    );
    return view(deps.db, org);
  },
});

export const deleteOrgLinkRoute = defineRoute({
  method: 'DELETE',
  url: '/api/v1/organizations/:id/link',
  permission: 'manage_integrations',
  audit: 'org_link.unlinked',
  params: { id: 'organization' },
  schema: {
    summary:
      'Unlink an organization from its PSA company; its open tickets are closed with a note (cancelled status, or resolved when none is set); the link stays in its history',
    tags: ['mapping'],
    params: IdParams,
    response: { 200: UnlinkReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor, audit }) {
    const org = await visibleOrganization(deps.db, actor, req.params.id);
    const closed = await unlinkOrganization(
      deps,
      org,
      userActor(actor).userId,
      'unlinked by a user',
      (tx, l) =>
        audit(tx, {
          targetType: 'organization',
          targetId: org.id,
          partnerId: org.partnerId,
          details: { connectionId: l.connectionId, companyId: l.companyId },
        }),
    );
    if (!closed) throw notFound('link of organization', org.id);
    const n = closed.ticketsToClose;
    return {
      ...(await view(deps.db, org)),
      tickets: {
        closing: n,
        message:
          n === 0
            ? 'No open tickets: nothing to close in the PSA.'
            : `${n === 1 ? '1 open ticket' : `${n} open tickets`} will be closed in the PSA with a note saying the organization was unlinked, in the cancelled status of the ticket settings, or the resolved one when no cancelled status is set. Failing alerts end; a new failure opens a ticket on the catch-all company if one is set, or waits until the organization is linked again.`,
      },
    };
  },
});
