// Source API: the vendor's customers (organizations), each owned by one partner.
import { Type } from 'typebox';
import { AppError } from '../../core/errors.ts';
import { upsertOrganization } from '../../store/organizations.ts';
import { findPartnerByExternalId } from '../../store/partners.ts';
import { Closed, ExternalId, Name } from '../schemas.ts';
import { sourceRoutes } from './resource-routes.ts';

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
  },
  {
    ...Closed,
    examples: [{ name: 'Contoso Ltd', partnerExternalId: 'reseller-7', domains: ['contoso.com'] }],
  },
);

export const sourceOrganizationRoutes = sourceRoutes({
  noun: 'organization',
  tag: 'source: organizations',
  putUrl: '/api/v1/source/organizations/:externalId',
  batchUrl: '/api/v1/source/organizations/batch',
  keyName: 'externalId',
  body: Body,
  async apply(tx, externalId, body) {
    const partner = await findPartnerByExternalId(tx, body.partnerExternalId);
    if (!partner)
      throw new AppError('invalid_reference', `partnerExternalId: no partner "${body.partnerExternalId}"`);
    const domains = [...new Set((body.domains ?? []).map((d) => d.toLowerCase()))].sort();
    const { status, organization } = await upsertOrganization(tx, externalId, {
      name: body.name,
      partnerId: partner.id,
      domains,
      active: body.active ?? true,
    });
    return { status, id: organization.id };
  },
  auditTarget: 'organization',
});
