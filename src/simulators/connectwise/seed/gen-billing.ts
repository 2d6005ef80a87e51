// Seed part: products, agreement types, agreements with additions, configurations.
import { day, info, int, pick, rand, ref, type Row } from './gen-util.ts';

export function buildBilling(clients: Row[], contacts: Row[]) {
  const productTypes: Row[] = ['Service', 'Hardware', 'Software', 'Agreement'].map((name, i) => ({
    id: i + 1,
    name,
    defaultFlag: i === 0,
    inactiveFlag: false,
    _info: info(day(2019, 1, 1)),
  }));
  const productSubcategories: Row[] = ['Managed Services', 'Backup', 'Cloud', 'Licensing', 'Security'].map(
    (name, i) => ({ id: i + 1, name, inactiveFlag: false, _info: info(day(2019, 1, 1)) }),
  );
  const PRODUCTS: [string, string, number, number, number, string, boolean?][] = [
    ['BACKUP-M365', 'SaaS Backup for Microsoft 365 (per user)', 2, 4.5, 1.8, 'Service'],
    ['BACKUP-GWS', 'SaaS Backup for Google Workspace (per user)', 2, 4, 1.6, 'Service'],
    ['BDR-SERVER', 'BDR Server Protection', 2, 89, 35, 'Service'],
    ['BDR-WS', 'BDR Workstation Protection', 2, 15, 6, 'Service'],
    ['CLOUD-DESKTOP', 'Cloud Desktop (per user)', 3, 39, 21, 'Service'],
    ['CLOUD-STORAGE-TB', 'Cloud Storage (per TB)', 3, 60, 25, 'Service'],
    ['MANAGED-WS', 'Managed Workstation', 1, 45, 12.5, 'Agreement'],
    ['MANAGED-SRV', 'Managed Server', 1, 150, 40, 'Agreement'],
    ['RMM-AGENT', 'RMM Agent', 1, 3, 1, 'Service'],
    ['EDR-SEAT', 'Endpoint Detection & Response', 5, 7.5, 3.2, 'Service'],
    ['M365-BP', 'Microsoft 365 Business Premium', 4, 22, 19.8, 'Software'],
    ['M365-E3', 'Microsoft 365 E3', 4, 36, 32.4, 'Software'],
    ['backup-m365', 'SaaS Backup M365 (legacy SKU, lower case)', 2, 4, 1.5, 'Service'],
    ['BACKUP-M365-OLD', 'SaaS Backup for M365 - OLD', 2, 3, 1, 'Service', true],
    ['SECURITY-BUNDLE', 'Security Bundle (EDR + Backup)', 5, 12, 5, 'Service'],
  ];
  const catalogItems: Row[] = PRODUCTS.map(
    ([identifier, description, sub, price, cost, type, inactive], i) => ({
      id: i + 1,
      identifier,
      description,
      customerDescription: description,
      subcategory: ref(productSubcategories[sub - 1]!, 'name'),
      type: ref(
        productTypes.find((t) => t.name === type)!,
        'name',
      ),
      productClass: identifier === 'SECURITY-BUNDLE' ? 'Bundle' : 'Service',
      inactiveFlag: inactive === true,
      price,
      cost,
      taxableFlag: false,
      serializedFlag: false,
      recurringFlag: true,
      recurringRevenue: price,
      recurringCost: cost,
      unitOfMeasure: { id: 1, name: 'Each' },
      customFields: [],
      _info: info(day(2024, 1, 15)),
    }),
  );

  // --- agreements ---------------------------------------------------------------------------------
  const AT = {
    employeeCompRate: 'Actual',
    employeeCompNotExceed: 'Billing',
    invoicingCycle: 'ContractYear',
    billTime: 'Billable',
    billExpenses: 'Billable',
    billProducts: 'Billable',
  };
  const agreementTypes: Row[] = [
    'Managed Services',
    'Backup Services',
    'Block Time',
    'Cloud Services (retired)',
  ].map((name, i) => ({
    id: i + 1,
    name,
    ...AT,
    defaultFlag: i === 0,
    inactiveFlag: i === 3,
    prePaymentFlag: i === 2,
    _info: info(day(2019, 1, 1)),
  }));
  const agreements: Row[] = [];
  const additions: Row[] = [];
  for (const c of clients.slice(0, 110)) {
    const contact = contacts.find((k) => (k.company as Row).id === c.id);
    if (!contact) continue;
    const r = rand();
    const start = day(int(2021, 2025), int(1, 12), 1);
    const a: Row = {
      id: agreements.length + 1,
      name: `${pick(['Managed Services', 'Backup', 'Cloud Desktop'])} - ${c.name}`.slice(0, 100),
      type: ref(agreementTypes[int(0, 1)]!, 'name'),
      company: ref(c, 'identifier', 'name'),
      contact: { id: contact.id, name: `${contact.firstName} ${contact.lastName}` },
      ...AT,
      startDate: start,
      noEndingDateFlag: r >= 0.1,
      cancelledFlag: r < 0.05,
      applicationUnits: 'Amount',
      applicationCycle: 'CalendarMonth',
      billAmount: 0,
      taxable: false,
      agreementStatus: r < 0.05 ? 'Cancelled' : r < 0.1 ? 'Expired' : 'Active',
      customFields: [],
      _info: info(start),
    };
    if (r < 0.05) a.dateCancelled = day(2025, 6, 30);
    if (r >= 0.05 && r < 0.1) a.endDate = day(2025, 12, 31);
    agreements.push(a);
    const used = new Set<number>();
    for (let n = 0; n < int(1, 4); n++) {
      const p = catalogItems[int(0, 11)]!;
      if (used.has(p.id)) continue;
      used.add(p.id);
      const quantity = int(1, 60);
      const lessIncluded = rand() < 0.2 ? int(0, 5) : 0;
      additions.push({
        id: additions.length + 1,
        agreementId: a.id,
        product: ref(p, 'identifier'),
        quantity,
        lessIncluded,
        unitPrice: p.price,
        unitCost: p.cost,
        billCustomer: pick(['Billable', 'Billable', 'Billable', 'DoNotBill', 'NoCharge']),
        effectiveDate: start,
        taxableFlag: false,
        description: p.description,
        invoiceDescription: p.description,
        uom: 'Each',
        billedQuantity: Math.max(0, quantity - lessIncluded),
        extPrice: Math.round(quantity * Number(p.price) * 100) / 100,
        extCost: Math.round(quantity * Number(p.cost) * 100) / 100,
        sequenceNumber: n + 1,
        agreementStatus: a.agreementStatus,
        purchaseItemFlag: false,
        specialOrderFlag: false,
        _info: info(start),
      });
      const last = additions[additions.length - 1]!;
      last.margin = Math.round((Number(last.extPrice) - Number(last.extCost)) * 100) / 100;
    }
  }

  // --- configurations -----------------------------------------------------------------------------
  const configurationTypes: Row[] = [
    'Workstation',
    'Server',
    'Backup Appliance',
    'Firewall',
    'Microsoft 365 Tenant',
    'Legacy NAS',
  ].map((name, i) => ({
    id: i + 1,
    name,
    inactiveFlag: i === 5,
    systemFlag: false,
    _info: info(day(2019, 1, 1)),
  }));
  const configurationStatuses: Row[] = [
    ['Active', false, true],
    ['Inactive', true, false],
    ['Retired', true, false],
  ].map(
    ([description, closed, def], i) =>
      ({ id: i + 1, description, closedFlag: closed, defaultFlag: def, _info: info(day(2019, 1, 1)) }) as Row,
  );
  const configurations: Row[] = [];
  for (const c of clients.slice(0, 90))
    for (let n = 0; n < int(1, 3); n++) {
      const t = configurationTypes[int(0, 4)]!;
      configurations.push({
        id: configurations.length + 1,
        name: `${String(c.identifier).slice(0, 8).toUpperCase()}-${String(t.name).slice(0, 3).toUpperCase()}${n + 1}`,
        type: ref(t, 'name'),
        status: { id: 1, name: 'Active' },
        company: ref(c, 'identifier', 'name'),
        site: c.site,
        serialNumber: `SN${int(100000, 999999)}`,
        deviceIdentifier: `dev-${c.id}-${n}`,
        activeFlag: true,
        billFlag: false,
        questions: [],
        customFields: [],
        _info: info(day(2025, int(1, 12), int(1, 28))),
      });
    }
  return {
    productTypes,
    productSubcategories,
    catalogItems,
    agreementTypes,
    agreements,
    additions,
    configurationTypes,
    configurationStatuses,
    configurations,
  };
}
