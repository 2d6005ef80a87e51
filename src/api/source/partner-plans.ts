// Source API: which plans a partner may sell (the whole set, replaced on each call).
import { Type } from 'typebox';
import { AppError } from '../../core/errors.ts';
import { findPartnerByExternalId } from '../../store/partners.ts';
import { findPlansByExternalIds, setPartnerPlans } from '../../store/plans.ts';
import { Closed, ExternalId } from '../schemas.ts';
import { sourceRoutes } from './resource-routes.ts';

const Body = Type.Object(
  { planExternalIds: Type.Array(ExternalId, { maxItems: 1000, uniqueItems: true }) },
  { ...Closed, examples: [{ planExternalIds: ['m365-backup', 'gws-backup'] }] },
);

export const sourcePartnerPlanRoutes = sourceRoutes({
  noun: 'partner_plans',
  tag: 'source: partners',
  putUrl: '/api/v1/source/partners/:partnerExternalId/plans',
  batchUrl: '/api/v1/source/partners/plans/batch',
  keyName: 'partnerExternalId',
  body: Body,
  async apply(tx, partnerExternalId, body) {
    const partner = await findPartnerByExternalId(tx, partnerExternalId);
    if (!partner)
      throw new AppError('invalid_reference', `partnerExternalId: no partner "${partnerExternalId}"`);
    const plans = await findPlansByExternalIds(tx, body.planExternalIds);
    const missing = body.planExternalIds.filter((id) => !plans.some((p) => p.externalId === id));
    if (missing.length > 0) {
      throw new AppError(
        'invalid_reference',
        `planExternalIds: no plan ${missing.map((m) => `"${m}"`).join(', ')}`,
      );
    }
    const status = await setPartnerPlans(
      tx,
      partner.id,
      plans.map((p) => p.id),
    );
    return { status, id: partner.id };
  },
  auditTarget: 'partner',
});
