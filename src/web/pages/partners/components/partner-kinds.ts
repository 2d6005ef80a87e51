// Partner kinds in words, and which may sit under which (the hub's rule: src/core/partners.ts
// hierarchyProblem; levels strictly increase downwards).
import type { PartnerKind } from '../../../client/types.ts';

export const partnerKinds: PartnerKind[] = [
  'distributor',
  'master_reseller',
  'direct_reseller',
  'sub_reseller',
];

export const kindLabels: Record<PartnerKind, string> = {
  distributor: 'Distributor',
  master_reseller: 'Master reseller',
  direct_reseller: 'Direct reseller',
  sub_reseller: 'Sub-reseller',
};

export const kindsBelow = (parent: PartnerKind): PartnerKind[] =>
  partnerKinds.slice(partnerKinds.indexOf(parent) + 1);
