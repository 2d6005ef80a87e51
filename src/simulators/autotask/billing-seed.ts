// `POST /_sim/billing-companies {count, services?}`: add `count` companies, each with one active
// Recurring Service contract covering today and a ContractService (with its units rows) for each
// of the first `services` (default 2) active Services — the shape a billing benchmark links
// thousands of organizations to. Rows are cloned from the seed's own so they read like seeded ones.
import { RECURRING_SERVICE_CONTRACT, unitRows } from './contracts.ts';
import { entityByName } from './entities.ts';
import type { Row } from './model.ts';
import type { AutotaskStore } from './store.ts';

const MAX = 20_000;

export interface BillingCompany {
  companyId: number;
  contractId: number;
  contractServiceIds: number[];
}

function insert(store: AutotaskStore, entity: string, row: Partial<Row>): Row {
  const def = entityByName(entity);
  if (!def) throw new Error(`no entity ${entity}`);
  // A null id keeps `id` the first key of the stored row (the table assigns the value).
  return store.table(def.name).insert({ ...store.complete(def, row), id: null } as unknown as Row);
}

export function addBillingCompanies(
  store: AutotaskStore,
  body: Record<string, unknown>,
  now: Date,
): BillingCompany[] {
  const count = Number(body.count);
  const wanted = Number(body.services ?? 2);
  if (!Number.isInteger(count) || count < 1 || count > MAX)
    throw new Error(`billing-companies needs {count: 1…${MAX}}`);
  const services = store
    .table('Services')
    .all()
    .filter((s) => s.isActive === true)
    .slice(0, wanted);
  if (services.length < wanted) throw new Error(`the seed has fewer than ${wanted} active services`);
  const template = store
    .table('Contracts')
    .find((c) => c.contractType === RECURRING_SERVICE_CONTRACT && c.status === 1);
  if (!template) throw new Error('billing-companies needs a Recurring Service contract in the seed to copy');
  const company = store.table('Companies').get(Number(template.companyID));
  // This calendar year: one monthly period covers today whatever the day.
  const year = now.getUTCFullYear();
  const start = `${year}-01-01T00:00:00.000Z`;
  const end = `${year}-12-31T00:00:00.000Z`;
  const base = store.table('Companies').size;
  const out: BillingCompany[] = [];
  for (let i = 1; i <= count; i++) {
    const n = base + i;
    const co = insert(store, 'Companies', {
      ...company,
      companyName: `Billing Customer ${n}`,
      companyNumber: `B${n}`,
      webAddress: null,
      isActive: true,
    });
    const contract = insert(store, 'Contracts', {
      ...template,
      companyID: co.id,
      contractName: `Billing Customer ${n} - Managed Services`,
      contractNumber: `CN-B${n}`,
      contractPeriodType: 1,
      startDate: start,
      endDate: end,
    });
    const contractServiceIds = services.map((s, k) => {
      const cs = insert(store, 'ContractServices', {
        contractID: contract.id,
        serviceID: s.id,
        unitPrice: s.unitPrice ?? 0,
        internalCurrencyUnitPrice: s.unitPrice ?? 0,
        unitCost: s.unitCost ?? null,
        invoiceDescription: s.invoiceDescription ?? s.name ?? null,
      });
      for (const u of unitRows(contract, cs, 5 + ((n + k) % 20))) insert(store, 'ContractServiceUnits', u);
      return cs.id;
    });
    out.push({ companyId: co.id, contractId: contract.id, contractServiceIds });
  }
  return out;
}
