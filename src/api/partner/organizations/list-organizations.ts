import { Type } from 'typebox';
import { listOrganizations } from '../../../store/organizations.ts';
import { scopePath } from '../../authorization.ts';
import { formatOrganization, OrganizationReply } from '../../formatters/organization.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, PageOf, PageQuery, Uuid } from '../../schemas.ts';

export const listOrganizationsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/organizations',
  permission: 'member',
  schema: {
    summary: 'Organizations of your partner and the partners below it; search by name, id or domain',
    tags: ['organizations'],
    querystring: Type.Object(
      { ...PageQuery, partnerId: Type.Optional(Uuid), active: Type.Optional(Type.Boolean()) },
      Closed,
    ),
    response: { 200: PageOf(OrganizationReply), ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    const page = await listOrganizations(deps.db, {
      ...req.query,
      limit: req.query.limit ?? 50,
      withinPath: scopePath(actor),
    });
    return { items: page.items.map(formatOrganization), nextCursor: page.nextCursor };
  },
});
