// Generates ../seed/default.json: a realistic, awkward tenant. Deterministic (seeded PRNG), so the
// committed file is reproducible. Contract unit history is made by the simulator's own adjustment
// code, then periods before the current month are marked approved and posted.
// Run: node src/simulators/autotask/tools/gen-seed.ts
import { writeFileSync } from 'node:fs';
import { createAdjustment, unitRows } from '../contracts.ts';
import { DEFAULT_CREDENTIALS } from '../index.ts';
import { entityByName } from '../entities.ts';
import type { AutotaskSeed, EntityDef, Row } from '../model.ts';
import { AutotaskStore } from '../store.ts';
import { picklists, udfs } from './picklists.ts';
import { day, int, NOW, pick, rand } from './rng.ts';
import { activeTechs, companies, contacts, customers, resources } from './seed-people.ts';
import { products, services } from './seed-catalog.ts';

// --- Contracts, contract services and unit history ---
const contracts: Row[] = [];
let contractNo = 29684000;
for (const c of customers.slice(0, 90)) {
  const recurring = rand() > 0.2;
  const yearly = rand() > 0.85;
  const expired = rand() > 0.93;
  contracts.push({
    id: contractNo++,
    companyID: c.id,
    contractName: recurring
      ? `${String(c.companyName).trim()} - Managed Services`
      : `${String(c.companyName).trim()} - Break/Fix`,
    contractNumber: `CN-${contractNo}`,
    contractType: recurring ? 7 : 1,
    contractCategory: recurring ? 1 : 2,
    contractPeriodType: recurring ? (yearly ? 4 : 1) : null,
    startDate: expired ? '2024-01-01T00:00:00.000Z' : '2025-07-01T00:00:00.000Z',
    endDate: expired ? '2025-06-30T00:00:00.000Z' : '2027-06-30T00:00:00.000Z',
    status: expired ? 0 : 1,
    billingPreference: 2,
    isDefaultContract: false,
    timeReportingRequiresStartAndStopTimes: 0,
    serviceLevelAgreementID: pick([1, 1, 2]),
    description: null,
  });
}
const seed: AutotaskSeed = {
  api: { ...DEFAULT_CREDENTIALS, zoneName: 'America East', ci: 482913 },
  picklists,
  udfs,
  entities: {
    Resources: resources,
    Companies: companies,
    Contacts: contacts,
    Services: services,
    Products: products,
    Contracts: contracts,
  },
};
const store = new AutotaskStore(seed);
const ctx = { store, now: () => new Date(NOW), apiResourceId: 29682900 };
for (const contract of contracts.filter((k) => k.contractType === 7)) {
  const chosen = new Set<number>();
  const n = int(1, 4);
  while (chosen.size < n) chosen.add(pick(services.filter((s) => s.isActive)).id);
  for (const serviceID of chosen) {
    const service = services.find((s) => s.id === serviceID) as Row;
    const cs = store.table('ContractServices').insert(
      store.complete(entityDef('ContractServices'), {
        contractID: contract.id,
        serviceID,
        unitPrice: service.unitPrice,
        unitCost: service.unitCost,
        internalCurrencyUnitPrice: service.unitPrice,
        invoiceDescription: service.invoiceDescription,
      }),
    );
    for (const u of unitRows(contract, cs, int(1, 40)))
      store.table('ContractServiceUnits').insert({ ...u, userDefinedFields: [] });
    // Unit history: a few adjustments over the contract's life.
    let date = Date.parse(String(contract.startDate));
    const end = Math.min(Date.parse(String(contract.endDate)), Date.parse(NOW));
    for (let k = int(0, 3); k > 0; k -= 1) {
      date += int(20, 200) * 86_400_000;
      if (date > end) break;
      const current = store
        .table('ContractServiceUnits')
        .all()
        .filter((u) => u.contractServiceID === cs.id && Date.parse(String(u.endDate)) >= date)[0];
      const change = Math.max(-Number(current?.units ?? 0), int(-3, 6));
      if (change === 0) continue;
      createAdjustment(ctx, {
        id: 0,
        contractID: contract.id,
        serviceID,
        unitChange: change,
        effectiveDate: new Date(date).toISOString().slice(0, 10) + 'T00:00:00.000Z',
        adjustedUnitPrice: null,
        adjustedUnitCost: null,
        allowRepeatService: false,
        contractServiceID: null,
        quoteItemID: null,
      });
    }
  }
}
// Periods that ended before this month are approved and posted.
const monthStart = Date.UTC(2026, 10, 1);
for (const u of store.table('ContractServiceUnits').all()) {
  if (Date.parse(String(u.endDate)) < monthStart)
    store.table('ContractServiceUnits').put({ ...u, approveAndPostDate: day(String(u.endDate), 3) });
}

// --- Configuration items ---
const cis: Row[] = [];
let ciId = 29690000;
for (const c of customers.slice(0, 60)) {
  for (let k = int(0, 3); k > 0; k -= 1) {
    const product = pick(products.filter((p) => p.productCategory === 1 || p.productCategory === 3));
    cis.push({
      id: ciId++,
      companyID: c.id,
      productID: product.id,
      isActive: rand() > 0.1,
      configurationItemType: product.productCategory === 3 ? 4 : pick([1, 2, 3]),
      configurationItemCategoryID: pick([1, 2, 3]),
      referenceTitle: `${String(product.name)} @ ${String(c.companyName).trim()}`.slice(0, 200),
      serialNumber: `SN${int(100000, 999999)}`,
      installDate: day('2023-01-01T00:00:00.000Z', int(0, 900)),
      userDefinedFields: [
        { name: 'N-central Device ID', value: rand() > 0.5 ? String(int(1000, 9999)) : null },
      ],
    });
  }
}

// --- Tickets and notes ---
const titles = [
  'Backup failed on {d}',
  'Printer offline',
  'Cannot access shared drive',
  'New starter setup',
  'Outlook keeps crashing',
  'VPN not connecting',
  'Disk space low on {d}',
  'Wi-Fi drops in meeting room',
  'Password reset',
  'SaaS backup seat count changed',
];
const issueSub: [number, number][] = [
  [4, 11],
  [4, 12],
  [4, 17],
  [6, 20],
  [6, 21],
  [7, 30],
  [7, 31],
  [7, 32],
  [9, 40],
  [9, 41],
];
const tickets: Row[] = [];
const notes: Row[] = [];
let ticketId = 7800;
let noteId = 903;
for (let i = 0; i < 160; i += 1) {
  const c = pick(customers);
  const created = day('2026-01-05T08:00:00.000Z', int(0, 320));
  const status = pick([1, 1, 5, 5, 5, 7, 8, 8, 13]);
  const [issueType, subIssueType] = pick(issueSub);
  const assigned = rand() > 0.4 ? pick(activeTechs) : null;
  const contact = contacts.find((k) => k.companyID === c.id);
  const id = ticketId++;
  tickets.push({
    id,
    ticketNumber: `T${created.slice(0, 10).replace(/-/g, '')}.${String(id % 10000).padStart(4, '0')}`,
    companyID: c.id,
    contactID: contact?.id ?? null,
    title: pick(titles).replace('{d}', `${String(c.companyName).trim().split(' ')[0]}-SRV0${int(1, 4)}`),
    description: 'Reported by the customer. See notes.',
    status,
    priority: pick([1, 2, 2, 3, 4]),
    queueID: pick([29682833, 29682969, 29683490, 8, 5]),
    ticketType: pick([1, 2, 2, 5]),
    source: pick([-1, 2, 4, 8]),
    issueType,
    subIssueType,
    ticketCategory: 2,
    serviceLevelAgreementID: 1,
    assignedResourceID: assigned,
    assignedResourceRoleID: assigned === null ? null : 29682833,
    createDate: created,
    creatorResourceID: pick(activeTechs),
    creatorType: 1,
    lastActivityDate: day(created, int(0, 4)),
    completedDate: status === 5 ? day(created, int(0, 6)) : null,
    dueDateTime: day(created, 2),
    userDefinedFields: [
      { name: 'FR Result', value: pick(['Allocated', null]) },
      { name: 'External Alert ID', value: rand() > 0.7 ? `alert-${int(10000, 99999)}` : null },
    ],
  });
  for (let k = int(0, 3); k > 0; k -= 1) {
    notes.push({
      id: noteId++,
      ticketID: id,
      title: pick(['Update', 'Called customer', 'Alert repeated', 'Resolution']),
      description: pick([
        'Left voicemail.',
        'Backup failed again: job "Nightly" exited with code 3.',
        'Replaced toner & tested.',
        'Escalated to Level II.',
      ]),
      noteType: pick([1, 1, 3, 13]),
      publish: pick([1, 2]),
      createDateTime: day(created, 0.1 * k),
      lastActivityDate: day(created, 0.1 * k),
      creatorResourceID: pick(activeTechs),
    });
  }
}

function entityDef(name: string): EntityDef {
  const d = entityByName(name);
  if (!d) throw new Error(`no entity ${name}`);
  return d;
}

/** Only set fields go to the file; the simulator completes rows with nulls on load. */
function compact(rows: Row[]): Row[] {
  return rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)) as Row);
}
const out: AutotaskSeed = {
  ...seed,
  entities: {
    Resources: resources,
    Companies: compact(companies),
    Contacts: compact(contacts),
    Services: compact(services),
    Products: compact(products),
    Contracts: compact(contracts),
    ContractServices: compact(store.table('ContractServices').all()),
    ContractServiceUnits: compact(store.table('ContractServiceUnits').all()),
    ContractServiceAdjustments: compact(store.table('ContractServiceAdjustments').all()),
    ConfigurationItems: compact(cis),
    Tickets: compact(tickets),
    TicketNotes: compact(notes),
  },
};
writeFileSync(new URL('../seed/default.json', import.meta.url), JSON.stringify(out) + '\n');
console.log(
  Object.entries(out.entities)
    .map(([k, v]) => `${k}: ${v.length}`)
    .join(', '),
);
