// Source API: the vendor's customers (organizations), each owned by one partner.
import { Type } from 'typebox';
import { AppError } from '../../core/errors.ts';
import { upsertOrganization } from '../../store/organizations.ts';
import { organizationLostPsa } from '../../jobs/alert-moves.ts';
import { enqueueAutoLinks } from '../../jobs/link-jobs.ts';
import type { Queue } from '../../jobs/queue.ts';
import { getConnection } from '../../store/connections.ts';
import type { Db } from '../../store/db.ts';
import { closeLink, currentLink, setOrganizationPlans } from '../../store/org-links.ts';
import { findPartnerByExternalId, type Partner } from '../../store/partners.ts';
import { findPlansByExternalIds, partnerPlanIds } from '../../store/plans.ts';
import { Closed, ExternalId, Name } from '../schemas.ts';
import { sourceRoutes } from './resource-routes.ts';

/** The ids of the named plans, each of which must exist and be assigned to the partner. */
async function assignedPlanIds(tx: Db, partner: Partner, externalIds: string[]): Promise<string[]> {
  const plans = await findPlansByExternalIds(tx, externalIds);
  const assigned = new Set(await partnerPlanIds(tx, partner.id));
  const unknown = externalIds.filter((id) => !plans.some((p) => p.externalId === id));
  if (unknown.length > 0)
    throw new AppError(
      'invalid_reference',
      `planExternalIds: no plan ${unknown.map((m) => `"${m}"`).join(', ')}`,
    );
  const foreign = plans.filter((p) => !assigned.has(p.externalId));
  if (foreign.length > 0) {
    throw new AppError(
      'invalid_reference',
      `planExternalIds: ${foreign.map((p) => `"${p.externalId}"`).join(', ')} not assigned to partner "${partner.externalId}"`,
    );
  }
  return plans.map((p) => p.id);
}

/** An organization moved to another partner leaves the old partner's PSA. */
async function releaseIfMoved(tx: Db, queue: Queue, organizationId: string, partner: Partner) {
  const link = await currentLink(tx, organizationId, true);
  if (!link) return;
  const connection = await getConnection(tx, link.connectionId);
  if (connection?.partnerId !== partner.id) {
    await closeLink(tx, organizationId, null, `organization moved to partner "${partner.name}"`);
    await organizationLostPsa(queue, tx, organizationId);
  }
}

const Domain = Type.String({
  maxLength: 253,
  pattern: '^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$',
  description: 'an e-mail or web domain, e.g. contoso.com',
});

const Body = Type.Object(
  {
    name: Name,
    partnerExternalId: ExternalId,
    domains: Type.Optional(Type.Array(Domain, { maxItems: 100 })),
    active: Type.Optional(Type.Boolean()),
    planExternalIds: Type.Optional(
      Type.Array(ExternalId, {
        maxItems: 200,
        uniqueItems: true,
        description:
          'the plans the organization uses (each assigned to its partner); replaces the list, left as it is when absent',
      }),
    ),
  },
  {
    ...Closed,
    examples: [
      {
        name: 'Contoso Ltd',
        partnerExternalId: 'reseller-7',
        domains: ['contoso.com'],
        planExternalIds: ['m365-backup'],
      },
    ],
  },
);

export const sourceOrganizationRoutes = sourceRoutes({
  noun: 'organization',
  tag: 'source: organizations',
  putUrl: '/api/v1/source/organizations/:externalId',
  batchUrl: '/api/v1/source/organizations/batch',
  keyName: 'externalId',
  body: Body,
  async apply(tx, externalId, body, deps) {
    const partner = await findPartnerByExternalId(tx, body.partnerExternalId);
    if (!partner)
      throw new AppError('invalid_reference', `partnerExternalId: no partner "${body.partnerExternalId}"`);
    const planIds = body.planExternalIds && (await assignedPlanIds(tx, partner, body.planExternalIds));
    const domains = [...new Set((body.domains ?? []).map((d) => d.toLowerCase()))].sort();
    const upserted = await upsertOrganization(tx, externalId, {
      name: body.name,
      partnerId: partner.id,
      domains,
      active: body.active ?? true,
    });
    const { organization } = upserted;
    const plansChanged = planIds ? await setOrganizationPlans(tx, organization.id, planIds) : false;
    const status = upserted.status === 'unchanged' && plansChanged ? 'updated' : upserted.status;
    if (status !== 'unchanged') {
      await releaseIfMoved(tx, deps.queue, organization.id, partner);
      await enqueueAutoLinks(deps.queue, tx, partner.id);
    }
    return { status, id: organization.id };
  },
  auditTarget: 'organization',
});
