import { Type } from 'typebox';
import type { Organization } from '../../store/organizations.ts';
import { Closed, Timestamp, Uuid } from '../schemas.ts';

export const OrganizationReply = Type.Object(
  {
    id: Uuid,
    externalId: Type.String(),
    partnerId: Uuid,
    name: Type.String(),
    domains: Type.Array(Type.String()),
    active: Type.Boolean(),
    skippedAt: Type.Union([Timestamp, Type.Null()], {
      description: 'when the partner turned the integration off for it',
    }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  Closed,
);

export const formatOrganization = (o: Organization) => ({
  id: o.id,
  externalId: o.externalId,
  partnerId: o.partnerId,
  name: o.name,
  domains: o.domains,
  active: o.active,
  skippedAt: o.skippedAt?.toISOString() ?? null,
  createdAt: o.createdAt.toISOString(),
  updatedAt: o.updatedAt.toISOString(),
});
