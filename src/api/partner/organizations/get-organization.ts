import { getOrganization } from '../../../store/organizations.ts';
import { notFound, scopePath } from '../../authorization.ts';
import { formatOrganization, OrganizationReply } from '../../formatters/organization.ts';
import { defineRoute } from '../../route.ts';
import { errorReplies, IdParams } from '../../schemas.ts';

export const getOrganizationRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/organizations/:id',
  permission: 'member',
  params: { id: 'organization' },
  schema: {
    summary: 'One organization',
    tags: ['organizations'],
    params: IdParams,
    response: { 200: OrganizationReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    const org = await getOrganization(deps.db, req.params.id, scopePath(actor));
    if (!org) throw notFound('organization', req.params.id);
    return formatOrganization(org);
  },
});
