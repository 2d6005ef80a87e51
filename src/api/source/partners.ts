// Source API: partners, pushed by the vendor platform with its own ids.
import { Type, type Static } from 'typebox';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../store/db.ts';
import { createPartner, findPartnerByExternalId, samePartner, updatePartner } from '../../store/partners.ts';
import { PartnerKind } from '../formatters/partner.ts';
import { Closed, ExternalId, Name } from '../schemas.ts';
import type { Applied } from './batch.ts';
import { sourceRoutes } from './resource-routes.ts';

const Body = Type.Object(
  { name: Name, kind: PartnerKind, parentExternalId: Type.Optional(Type.Union([ExternalId, Type.Null()])) },
  { ...Closed, examples: [{ name: 'Northwind IT', kind: 'direct_reseller', parentExternalId: 'dist-1' }] },
);

async function applyPartner(tx: Db, externalId: string, body: Static<typeof Body>): Promise<Applied> {
  const parentExternalId = body.parentExternalId ?? null;
  const parent = parentExternalId === null ? undefined : await findPartnerByExternalId(tx, parentExternalId);
  if (parentExternalId !== null && !parent) {
    throw new AppError(
      'invalid_reference',
      `parentExternalId: no partner "${parentExternalId}" (send parents first)`,
    );
  }
  const input = { name: body.name, kind: body.kind, parentId: parent?.id ?? null, externalId };
  const existing = await findPartnerByExternalId(tx, externalId);
  if (!existing) return { status: 'created', id: (await createPartner(tx, input)).id };
  if (samePartner(existing, input)) return { status: 'unchanged', id: existing.id };
  return { status: 'updated', id: (await updatePartner(tx, existing, input)).id };
}

/** Parents before children when both are in one batch, so the order items are sent in does not matter. */
function parentsFirst<T extends { item: { externalId: string; parentExternalId?: string | null } }>(
  items: T[],
): T[] {
  const pending = new Map(items.map((i) => [i.item.externalId, i]));
  const ordered: T[] = [];
  const visit = (entry: T, seen: Set<string>): void => {
    const { externalId, parentExternalId } = entry.item;
    if (!pending.has(externalId) || seen.has(externalId)) return; // done, or a loop: apply() will report it
    seen.add(externalId);
    const parent = parentExternalId ? pending.get(parentExternalId) : undefined;
    if (parent) visit(parent, seen);
    pending.delete(externalId);
    ordered.push(entry);
  };
  for (const entry of items) visit(entry, new Set());
  return ordered;
}

export const sourcePartnerRoutes = sourceRoutes({
  noun: 'partner',
  tag: 'source: partners',
  putUrl: '/api/v1/source/partners/:externalId',
  batchUrl: '/api/v1/source/partners/batch',
  keyName: 'externalId',
  body: Body,
  apply: applyPartner,
  order: parentsFirst as never,
  auditTarget: 'partner',
});
