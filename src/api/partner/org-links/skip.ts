// Skip: the partner turns the integration off for one organization (no tickets, no billing); its
// link, if any, stays so turning it back on needs no re-mapping.
import { organizationLostPsa } from '../../../jobs/alert-moves.ts';
import { currentLink, setSkipped } from '../../../store/org-links.ts';
import { getOrganization } from '../../../store/organizations.ts';
import { userActor } from '../../authorization.ts';
import { formatOrganization, OrganizationReply } from '../../formatters/organization.ts';
import { defineRoute } from '../../route.ts';
import { errorReplies, IdParams } from '../../schemas.ts';
import { visibleOrganization } from './org-access.ts';

function skipRoute(method: 'PUT' | 'DELETE', skipped: boolean) {
  return defineRoute({
    method,
    url: '/api/v1/organizations/:id/skip',
    permission: 'manage_integrations',
    audit: skipped ? 'organization.skipped' : 'organization.unskipped',
    params: { id: 'organization' },
    schema: {
      summary: skipped
        ? 'Skip an organization: the integration is off for it (no tickets, no billing)'
        : 'Stop skipping an organization',
      tags: ['mapping'],
      params: IdParams,
      response: { 200: OrganizationReply, ...errorReplies },
    },
    async handler(req, _reply, { deps, actor, audit }) {
      const org = await visibleOrganization(deps.db, actor, req.params.id);
      await deps.db.transaction(async (tx) => {
        await setSkipped(tx, org.id, skipped, userActor(actor).userId);
        if (skipped) await organizationLostPsa(deps.queue, tx, org.id);
        const link = await currentLink(tx, org.id);
        await audit(tx, {
          targetType: 'organization',
          targetId: org.id,
          partnerId: org.partnerId,
          details: { linkedTo: link ? `${link.connectionId}:${link.companyId}` : null },
        });
      });
      return formatOrganization((await getOrganization(deps.db, org.id, null))!);
    },
  });
}

export const skipOrganizationRoute = skipRoute('PUT', true);
export const unskipOrganizationRoute = skipRoute('DELETE', false);
