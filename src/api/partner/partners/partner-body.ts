import { Type } from 'typebox';
import { AppError } from '../../../core/errors.ts';
import type { Db } from '../../../store/db.ts';
import { findPartnerByExternalId } from '../../../store/partners.ts';
import { PartnerKind } from '../../formatters/partner.ts';
import { Closed, ExternalId, Name, Uuid } from '../../schemas.ts';

export const PartnerBody = Type.Object(
  {
    name: Name,
    kind: PartnerKind,
    parentId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    externalId: Type.Optional(ExternalId),
  },
  { ...Closed, examples: [{ name: 'Northwind IT', kind: 'direct_reseller', parentId: null }] },
);

/** An external id belongs to one partner only. */
export async function assertExternalIdFree(db: Db, externalId: string | undefined, selfId: string | null) {
  if (externalId === undefined) return;
  const other = await findPartnerByExternalId(db, externalId);
  if (other && other.id !== selfId) {
    throw new AppError('conflict', `body/externalId: "${externalId}" already belongs to partner ${other.id}`);
  }
}
