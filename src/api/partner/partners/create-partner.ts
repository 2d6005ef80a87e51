import { createPartner } from '../../../store/partners.ts';
import { formatPartner, PartnerReply } from '../../formatters/partner.ts';
import { defineRoute } from '../../route.ts';
import { errorReplies } from '../../schemas.ts';
import { assertExternalIdFree, PartnerBody } from './partner-body.ts';

export const createPartnerRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/partners',
  permission: 'operator',
  audit: 'partner.created',
  schema: {
    summary: 'Create a partner (operators)',
    tags: ['partners'],
    body: PartnerBody,
    response: { 201: PartnerReply, ...errorReplies },
  },
  async handler(req, reply, { deps, audit }) {
    const partner = await deps.db.transaction(async (tx) => {
      await assertExternalIdFree(tx, req.body.externalId, null);
      const created = await createPartner(tx, { ...req.body, parentId: req.body.parentId ?? null });
      await audit(tx, {
        targetType: 'partner',
        targetId: created.id,
        partnerId: created.id,
        details: { name: created.name },
      });
      return created;
    });
    return reply.status(201).send(formatPartner(partner, null));
  },
});
