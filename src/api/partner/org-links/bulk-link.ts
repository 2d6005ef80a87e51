// Bulk mapping on a connection: confirm many suggestions at once (each linked or refused on its
// own), and link every unambiguous exact match — as a dry run that says what it would do, or for real
// as a job, since each link may read the PSA.
import { Type } from 'typebox';
import { autoLinkExact } from '../../../jobs/auto-link.ts';
import { companyDirectory } from '../../../jobs/company-directory.ts';
import { asAppError } from '../../../jobs/connect.ts';
import { AUTO_LINK_QUEUE, enqueueForConnection } from '../../../jobs/link-jobs.ts';
import { linkOrganization } from '../../../jobs/org-linking.ts';
import { clientFor } from '../../../jobs/psa-session.ts';
import { getOrganization } from '../../../store/organizations.ts';
import { getPartner } from '../../../store/partners.ts';
import { canSeePartnerPath, userActor } from '../../authorization.ts';
import { defineRoute, psaErrors } from '../../route.ts';
import { Closed, errorReplies, IdParams, Uuid } from '../../schemas.ts';
import { assertLive, visibleConnection } from '../connections/connection-access.ts';
import { linkWarning } from './link-format.ts';

const Outcome = Type.Object(
  {
    organizationId: Uuid,
    companyId: Type.String(),
    status: Type.Union([Type.Literal('linked'), Type.Literal('refused')]),
    message: Type.Union([Type.String(), Type.Null()], {
      description: 'why it was refused; for a link made, a warning worth a second look (or null)',
    }),
  },
  Closed,
);

export const confirmLinksRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/connections/:id/org-links/confirm',
  errors: psaErrors,
  permission: 'manage_integrations',
  audit: 'org_link.linked',
  params: { id: 'connection' },
  schema: {
    summary: 'Confirm many suggested links at once; each is linked or refused with its reason',
    tags: ['mapping'],
    params: IdParams,
    body: Type.Object(
      {
        links: Type.Array(
          Type.Object(
            { organizationId: Uuid, companyId: Type.String({ minLength: 1, maxLength: 100 }) },
            Closed,
          ),
          { minItems: 1, maxItems: 100 },
        ),
      },
      {
        ...Closed,
        examples: [{ links: [{ organizationId: '00000000-0000-4000-8000-000000000000', companyId: '250' }] }],
      },
    ),
    response: {
      200: Type.Object(
        {
          counts: Type.Object({ linked: Type.Integer(), refused: Type.Integer() }, Closed),
          results: Type.Array(Outcome),
        },
        Closed,
      ),
      ...errorReplies,
    },
  },
  async handler(req, _reply, { deps, actor, audit }) {
    const connection = await visibleConnection(deps.db, actor, req.params.id);
    assertLive(connection);
    const [client, directory] = await Promise.all([
      clientFor(deps, connection),
      companyDirectory(deps, connection),
    ]).catch((err: unknown) => {
      throw asAppError(err);
    });
    const byId = new Map(directory.items.map((c) => [c.id, c]));
    const results = [];
    for (const item of req.body.links) {
      const org = await getOrganization(deps.db, item.organizationId, null);
      let message: string | null = null;
      let warning: string | null = null;
      if (!org || !(await visibleOrg(org.partnerId))) {
        message = `No organization ${item.organizationId}, or it is not yours to see`;
      } else {
        try {
          const link = await linkOrganization(
            {
              ...deps,
              client,
              audit: (tx, link) =>
                audit(tx, {
                  targetType: 'organization',
                  targetId: org.id,
                  partnerId: org.partnerId,
                  details: { connectionId: connection.id, companyId: link.companyId, bulk: true },
                }),
            },
            {
              connection,
              organization: org,
              companyId: item.companyId,
              company: byId.get(item.companyId),
              method: 'suggestion',
              actorId: userActor(actor).userId,
            },
          );
          warning = linkWarning(link);
        } catch (err) {
          message = (err as Error).message;
        }
      }
      // A link made with a warning says so in `message`, as a refusal says why.
      results.push({
        ...item,
        status: message ? ('refused' as const) : ('linked' as const),
        message: message ?? warning,
      });
    }
    const linked = results.filter((r) => r.status === 'linked').length;
    return { counts: { linked, refused: results.length - linked }, results };

    async function visibleOrg(partnerId: string) {
      const p = await getPartner(deps.db, partnerId);
      return p !== undefined && canSeePartnerPath(actor, p.path);
    }
  },
});

export const autoLinkRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/connections/:id/org-links/auto-link',
  permission: 'manage_integrations',
  audit: 'org_link.auto_link_requested',
  params: { id: 'connection' },
  schema: {
    summary:
      'Link every unlinked organization whose best match is an unambiguous equal name; dryRun=true only lists them',
    tags: ['mapping'],
    params: IdParams,
    querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean()) }, Closed),
    response: {
      200: Type.Object(
        {
          wouldLink: Type.Array(
            Type.Object(
              {
                organizationId: Uuid,
                organizationName: Type.String(),
                companyId: Type.String(),
                companyName: Type.String(),
              },
              Closed,
            ),
          ),
        },
        Closed,
      ),
      202: Type.Object({ queued: Type.Boolean() }, Closed),
      ...errorReplies,
    },
  },
  async handler(req, reply, { deps, actor, audit }) {
    const connection = await visibleConnection(deps.db, actor, req.params.id);
    assertLive(connection);
    if (req.query.dryRun) {
      const found = await autoLinkExact(deps, connection, { dryRun: true }).catch((err: unknown) => {
        throw asAppError(err);
      });
      return { wouldLink: found.map(({ refused: _, ...o }) => o) };
    }
    await deps.db.transaction(async (tx) => {
      await enqueueForConnection(deps.queue, tx, AUTO_LINK_QUEUE, connection.id, { requested: true });
      await audit(tx, { targetType: 'connection', targetId: connection.id, partnerId: connection.partnerId });
    });
    return reply.status(202).send({ queued: true });
  },
});
