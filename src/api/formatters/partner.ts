import { Type } from 'typebox';
import { partnerKinds } from '../../core/partners.ts';
import type { Partner } from '../../store/partners.ts';
import { Closed, Timestamp, Uuid } from '../schemas.ts';

export const PartnerKind = Type.Union(partnerKinds.map((k) => Type.Literal(k)));

export const PartnerReply = Type.Object(
  {
    id: Uuid,
    externalId: Type.Union([Type.String(), Type.Null()]),
    name: Type.String(),
    kind: PartnerKind,
    parentId: Type.Union([Uuid, Type.Null()]),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  Closed,
);

export const formatPartner = (p: Partner) => ({
  id: p.id,
  externalId: p.externalId,
  name: p.name,
  kind: p.kind,
  parentId: p.parentId,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});
