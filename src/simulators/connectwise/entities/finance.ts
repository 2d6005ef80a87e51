// Agreement types, agreements and their additions (reference §6, §7.7-7.8 [S4, S6]).
import { fieldError, type ValidationError } from '../errors.ts';
import type { EntityDef } from '../entity.ts';
import type { Rec } from '../store.ts';

const idOf = (v: unknown): number | undefined => (v as Rec | null | undefined)?.id;
const ofCompany = (row: Record<string, unknown>) => (target: Rec) =>
  idOf(target.company) === idOf(row.company);
const round2 = (n: number) => Math.round(n * 100) / 100;
const today = (now: string) => `${now.slice(0, 10)}T00:00:00Z`;

/** Copied from the agreement type when a new agreement leaves them out; "Required On Updates" [S6]. */
const FROM_TYPE = [
  'employeeCompRate',
  'employeeCompNotExceed',
  'invoicingCycle',
  'billTime',
  'billExpenses',
  'billProducts',
];

export const agreementTypes: EntityDef = {
  table: 'agreementTypes',
  path: '/finance/agreements/types',
  schema: 'AgreementType',
  resource: 'agreementType',
  label: 'AgreementType',
  security: 'System.TableSetup',
  setupTable: true,
  unique: ['name'],
};

export function agreementStatusOf(row: Rec, now: string): string {
  if (row.cancelledFlag === true) return 'Cancelled';
  if (
    row.noEndingDateFlag !== true &&
    typeof row.endDate === 'string' &&
    Date.parse(row.endDate) < Date.parse(now)
  )
    return 'Expired';
  return 'Active';
}

export const agreements: EntityDef = {
  table: 'agreements',
  path: '/finance/agreements',
  schema: 'Agreement',
  resource: 'agreement',
  label: 'Agreement',
  security: 'Finance.Agreements',
  refs: {
    type: {
      kind: 'agreementType',
      scope: () => (t) => t.inactiveFlag !== true,
      scopeMessage: () => 'The agreement type is inactive.',
    },
    company: { kind: 'company', scope: () => (c) => c.deletedFlag !== true },
    contact: {
      kind: 'contact',
      scope: ofCompany,
      scopeMessage: () => 'The contact does not belong to the agreement company.',
    },
    site: {
      kind: 'site',
      scope: ofCompany,
      scopeMessage: () => 'The site does not belong to the agreement company.',
    },
    billToCompany: { kind: 'company' },
    billToContact: { kind: 'contact' },
    parentAgreement: { kind: 'agreement' },
    sla: { kind: 'sla' },
    location: { kind: 'location' },
    department: { kind: 'department' },
  },
  computed: ['agreementStatus', 'dateCancelled'],
  requiredOnUpdate: ['employeeCompRate', 'invoicingCycle', 'billTime', 'billExpenses', 'billProducts'],
  hrefs: (row, base) => ({
    additions_href: `${base}/finance/agreements/${row.id}/additions`,
    configurations_href: `${base}/finance/agreements/${row.id}/configurations`,
  }),
  prepare(row, ctx, existing) {
    const errors: ValidationError[] = [];
    const type = ctx.store.table('agreementTypes').get(idOf(row.type) ?? -1);
    if (!existing && type) for (const f of FROM_TYPE) row[f] ??= type[f];
    row.startDate ??= today(ctx.now);
    row.noEndingDateFlag ??= row.endDate === undefined || row.endDate === null;
    row.cancelledFlag ??= false;
    if (
      typeof row.startDate === 'string' &&
      typeof row.endDate === 'string' &&
      Date.parse(row.endDate) < Date.parse(row.startDate)
    )
      errors.push(
        fieldError('InvalidField', 'agreement', 'endDate', 'The endDate must be after the startDate.'),
      );
    if (row.cancelledFlag === true && existing?.cancelledFlag !== true) row.dateCancelled = ctx.now;
    if (row.cancelledFlag !== true) row.dateCancelled = undefined;
    row.agreementStatus = agreementStatusOf(row, ctx.now);
    row.customFields ??= [];
    return errors;
  },
  inUse: (row, ctx) =>
    ctx.store.table('tickets').find((t) => idOf(t.agreement) === row.id)
      ? `Agreement ${row.id} is in use by tickets.`
      : undefined,
  remove(row, ctx) {
    const additions = ctx.store.table('additions');
    for (const a of additions.all()) if (a.agreementId === row.id) additions.delete(a.id);
    ctx.store.table('agreements').delete(row.id);
  },
};

export const additions: EntityDef = {
  table: 'additions',
  path: '/finance/agreements/{parentId}/additions',
  schema: 'Addition',
  resource: 'addition',
  label: 'Addition',
  security: 'Finance.Agreements',
  parent: { table: 'agreements', label: 'Agreement', field: 'agreementId' },
  refs: {
    product: {
      kind: 'product',
      scope: () => (p) => p.inactiveFlag !== true,
      scopeMessage: () => 'The product is inactive.',
    },
  },
  computed: [
    'billedQuantity',
    'extPrice',
    'extCost',
    'margin',
    'agreementStatus',
    'prorateCost',
    'proratePrice',
    'extendedProrateCost',
    'extendedProratePrice',
  ],
  prepare(row, ctx, existing, parent) {
    const errors: ValidationError[] = [];
    const agreement = parent ?? ctx.store.table('agreements').get(Number(row.agreementId));
    if (agreement && agreementStatusOf(agreement, ctx.now) === 'Cancelled')
      errors.push(
        fieldError(
          'InvalidField',
          'addition',
          'agreementId',
          'Additions cannot be changed on a cancelled agreement.',
        ),
      );
    const product = ctx.store.table('catalogItems').get(idOf(row.product) ?? -1);
    // Bundle-class products cannot be agreement additions (vendor UI docs, reference §7.6).
    if (product?.productClass === 'Bundle')
      errors.push(
        fieldError('InvalidField', 'addition', 'product', 'Bundle products cannot be added to an agreement.'),
      );
    if (product && !existing) {
      row.description ??= product.description;
      row.unitPrice ??= product.price ?? 0;
      row.unitCost ??= product.cost ?? 0;
      row.taxableFlag ??= product.taxableFlag ?? false;
      row.uom ??= (product.unitOfMeasure as Rec | undefined)?.name ?? 'Each';
    }
    row.quantity ??= 1;
    row.lessIncluded ??= 0;
    row.unitPrice ??= 0;
    row.unitCost ??= 0;
    row.effectiveDate ??= today(ctx.now);
    row.purchaseItemFlag ??= false;
    row.specialOrderFlag ??= false;
    if (!existing) {
      const siblings = ctx.store
        .table('additions')
        .all()
        .filter((a) => a.agreementId === row.agreementId);
      row.sequenceNumber ??= siblings.length + 1;
    }
    // Not documented; the vendor UI defines Ext Price = quantity × unit price (reference §7.8, inferred).
    const q = Number(row.quantity);
    row.billedQuantity = Math.max(0, q - Number(row.lessIncluded));
    row.extPrice = round2(q * Number(row.unitPrice));
    row.extCost = round2(q * Number(row.unitCost));
    row.margin = round2(Number(row.extPrice) - Number(row.extCost));
    if (agreement) row.agreementStatus = agreementStatusOf(agreement, ctx.now);
    if (
      typeof row.cancelledDate === 'string' &&
      typeof row.effectiveDate === 'string' &&
      Date.parse(row.cancelledDate) < Date.parse(row.effectiveDate)
    )
      errors.push(
        fieldError(
          'InvalidField',
          'addition',
          'cancelledDate',
          'The cancelledDate must be after the effectiveDate.',
        ),
      );
    return errors;
  },
};
