// The product catalog with its types and subcategories (reference §6, §7.6 [S4, S6]).
import type { EntityDef } from '../entity.ts';
import type { Rec } from '../store.ts';

export const productTypes: EntityDef = {
  table: 'productTypes',
  path: '/procurement/types',
  schema: 'ProductType',
  resource: 'productType',
  label: 'ProductType',
  security: 'System.TableSetup',
  setupTable: true,
  unique: ['name'],
};

export const productSubcategories: EntityDef = {
  table: 'productSubcategories',
  path: '/procurement/subcategories',
  schema: 'ProductSubcategory',
  resource: 'productSubcategory',
  label: 'ProductSubcategory',
  security: 'System.TableSetup',
  setupTable: true,
};

export const catalog: EntityDef = {
  table: 'catalogItems',
  path: '/procurement/catalog',
  schema: 'CatalogItem',
  resource: 'catalogItem',
  label: 'CatalogItem',
  security: 'Procurement.ProductCatalog',
  refs: {
    subcategory: { kind: 'productSubcategory' },
    type: { kind: 'productType' },
    sla: { kind: 'sla' },
    vendor: { kind: 'company' },
  },
  unique: ['identifier'],
  prepare(row) {
    row.productClass ??= 'NonInventory'; // "Defaults to Non-Inventory" [S6]
    row.inactiveFlag ??= false;
    row.taxableFlag ??= false;
    row.serializedFlag ??= false;
    row.recurringFlag ??= false;
    row.price ??= 0;
    row.cost ??= 0;
    row.customFields ??= [];
    return [];
  },
  inUse: (row, ctx) =>
    ctx.store.table('additions').find((a) => (a.product as Rec | undefined)?.id === row.id)
      ? `Product ${row.id} is used on agreement additions.`
      : undefined,
};
