import { Type } from 'typebox';
import { isWithin, parentPathOf, partnerKinds } from '../../core/partners.ts';
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

/**
 * `scope` is the caller's subtree (null: everything). A parent outside it is shown as null, so a
 * sub-reseller does not learn its parent's id.
 */
export const formatPartner = (p: Partner, scope: string | null) => ({
  id: p.id,
  externalId: p.externalId,
  name: p.name,
  kind: p.kind,
  parentId: scope === null || isWithin(parentPathOf(p.path) ?? '', scope) ? p.parentId : null,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});
