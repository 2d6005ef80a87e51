// `POST /_sim/billing-companies {count, products?}`: add `count` companies, each with a contact, one
// active agreement and an addition for each of the first `products` (default 2) active catalog
// products — the shape a billing benchmark links thousands of organizations to. Rows are cloned
// from the seed's own so they read exactly like seeded ones.
import type { Rec, Store } from './store.ts';

const MAX = 20_000;

export interface BillingCompany {
  companyId: number;
  agreementId: number;
  additionIds: number[];
}

function template(store: Store, table: string, pick: (r: Rec) => boolean): Rec {
  const row = store.table(table).find(pick);
  if (!row) throw new Error(`billing-companies needs a ${table} row in the seed to copy`);
  return row;
}

export function addBillingCompanies(store: Store, body: Record<string, unknown>): BillingCompany[] {
  const count = Number(body.count);
  const products = Number(body.products ?? 2);
  if (!Number.isInteger(count) || count < 1 || count > MAX)
    throw new Error(`billing-companies needs {count: 1…${MAX}}`);
  const catalog = store
    .table('catalogItems')
    .all()
    .filter((p) => p.inactiveFlag !== true && p.productClass !== 'Bundle')
    .slice(0, products);
  if (catalog.length < products) throw new Error(`the seed has fewer than ${products} active products`);
  const agreement = template(
    store,
    'agreements',
    (a) => a.cancelledFlag !== true && a.agreementStatus === 'Active',
  );
  const company = template(store, 'companies', (c) => c.id === (agreement.company as Rec).id);
  const contact = template(store, 'contacts', (c) => c.id === (agreement.contact as Rec).id);
  const start = store.table('companies').size;
  const out: BillingCompany[] = [];
  for (let i = 1; i <= count; i++) {
    const n = start + i;
    const { id: _c, ...c } = company;
    const co = store
      .table('companies')
      .insert({ ...c, identifier: `Billing${n}`, name: `Billing Customer ${n}`, deletedFlag: false });
    const { id: _p, ...p } = contact;
    const person = store.table('contacts').insert({
      ...p,
      firstName: 'Billing',
      lastName: `Contact ${n}`,
      company: { id: co.id },
      communicationItems: [],
    });
    const { id: _a, ...a } = agreement;
    const ag = store.table('agreements').insert({
      ...a,
      name: `Managed Services - Billing Customer ${n}`,
      company: { id: co.id },
      contact: { id: person.id },
    });
    const additionIds = catalog.map((product, k) => {
      const quantity = 5 + ((n + k) % 20);
      const price = Number(product.price ?? 0);
      const cost = Number(product.cost ?? 0);
      return store.table('additions').insert({
        agreementId: ag.id,
        product: { id: product.id },
        quantity,
        lessIncluded: 0,
        unitPrice: price,
        unitCost: cost,
        billCustomer: 'Billable',
        effectiveDate: a.startDate,
        taxableFlag: false,
        description: product.description,
        invoiceDescription: product.description,
        uom: 'Each',
        billedQuantity: quantity,
        extPrice: Math.round(quantity * price * 100) / 100,
        extCost: Math.round(quantity * cost * 100) / 100,
        margin: Math.round(quantity * (price - cost) * 100) / 100,
        sequenceNumber: k + 1,
        agreementStatus: 'Active',
        purchaseItemFlag: false,
        specialOrderFlag: false,
        _info: a._info,
      }).id;
    });
    out.push({ companyId: co.id, agreementId: ag.id, additionIds });
  }
  return out;
}
