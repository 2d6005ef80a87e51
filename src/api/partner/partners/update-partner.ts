import { getPartner, updatePartner } from '../../../store/partners.ts';
import { notFound } from '../../authorization.ts';
import { formatPartner, PartnerReply } from '../../formatters/partner.ts';
import { defineRoute } from '../../route.ts';
import { errorReplies, IdParams } from '../../schemas.ts';
import { assertExternalIdFree, PartnerBody } from './partner-body.ts';

export const updatePartnerRoute = defineRoute({
  method: 'PUT',
  url: '/api/v1/partners/:id',
  permission: 'operator',
  audit: 'partner.updated',
  params: { id: 'partner' },
  schema: {
    summary: 'Change or move a partner (operators); its subtree moves with it',
    tags: ['partners'],
    params: IdParams,
    body: PartnerBody,
    response: { 200: PartnerReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, audit }) {
    const partner = await deps.db.transaction(async (tx) => {
      const current = await getPartner(tx, req.params.id);
      if (!current) throw notFound('partner', req.params.id);
      await assertExternalIdFree(tx, req.body.externalId, current.id);
      const updated = await updatePartner(tx, current, { ...req.body, parentId: req.body.parentId ?? null });
      await audit(tx, { targetType: 'partner', targetId: updated.id, partnerId: updated.id });
      return updated;
    });
    return formatPartner(partner, null);
  },
});
