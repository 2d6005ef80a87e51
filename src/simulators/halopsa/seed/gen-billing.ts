// Seed part: products, software licences, recurring invoices (negative ids) with lines.
import type { Row } from '../seed-types.ts';
import { clients } from './gen-customers.ts';
import { at, int, NULL_DATE, one, rnd } from './random.ts';

// --- products ------------------------------------------------------------------------------------
export const itemSpecs: [string, number, number, boolean, string][] = [
  ['Cloud Backup - Per Workstation', 4.5, 2.1, true, 'BKP-WS'],
  ['Cloud Backup - Per Server', 39, 18, true, 'BKP-SRV'],
  ['Cloud Backup - Microsoft 365 Seat', 2.25, 0.9, true, 'BKP-M365'],
  ['Cloud Backup - Storage per TB', 25, 11, true, 'BKP-TB'],
  ['BDR Appliance Rental', 120, 60, true, 'BDR-RENT'],
  ['Microsoft 365 Business Premium', 18.1, 16.6, true, 'M365-BP'],
  ['Microsoft 365 Business Basic', 4.9, 4.5, true, 'M365-BB'],
  ['Managed Antivirus', 3, 1.2, true, 'MAV'],
  ['Managed Detection & Response', 9.5, 5, true, 'MDR'],
  ['RMM Agent', 2, 0.8, true, 'RMM'],
  ['Cloud Desktop - Standard', 35, 20, true, 'VDI-STD'],
  ['Cloud Desktop - Power User', 65, 38, true, 'VDI-PWR'],
  ['Support Contract - Per User', 45, 0, true, 'SUP-USER'],
  ['Onboarding Fee', 250, 0, false, 'ONB'],
  ['Labour - Remote Support (hour)', 85, 0, false, 'LAB-REM'],
  ['Labour - Onsite Support (hour)', 110, 0, false, 'LAB-ONS'],
  ['Dell OptiPlex 7010', 649, 540, false, 'HW-DELL7010'],
  ['Ubiquiti UniFi AP', 129, 95, false, 'HW-UAP'],
  ['Domain Renewal', 15, 8, false, 'DOM'],
  ['SSL Certificate', 60, 35, false, 'SSL'],
];
export const items: Row[] = itemSpecs.map(([name, price, cost, recurring, code], i) => ({
  id: i + 1,
  name,
  description: name,
  baseprice: price,
  costprice: cost,
  recurringprice: recurring ? price : 0,
  recurringcost: recurring ? cost : 0,
  isrecurringitem: recurring,
  taxcode: 1,
  nominalcode: recurring ? '4000' : '4100',
  supplier_id: -1,
  internalreference: code,
  externalreference: '',
  quantity_in_stock: recurring ? 0 : int(0, 20),
}));
export const recurringItems = items.filter((i) => i.isrecurringitem === true);

export const customerIds = clients.filter((c) => c.toplevel_id === 1 && c.inactive !== true).map((c) => c.id);
export const mainSite = (clientId: number) => clients[clientId - 1]!.main_site_id as number;

// --- software licences ---------------------------------------------------------------------------
export const licenceNames = [
  'Microsoft 365 Business Premium',
  'Microsoft 365 Business Basic',
  'Cloud Backup Seats',
  'ESET Endpoint Security',
  'Adobe Acrobat Pro',
];
export const licences: Row[] = [];
for (let i = 0; i < 70; i++) {
  const client = one(customerIds);
  const count = int(1, 80);
  licences.push({
    id: i + 1,
    type: 0,
    name: one(licenceNames),
    client_id: client,
    site_id: rnd() < 0.6 ? -1 : mainSite(client),
    count,
    licences_in_use: Math.max(0, count - int(0, 5)),
    vendor: one(['Microsoft', 'Vendor Backup Co', 'ESET', 'Adobe']),
    start_date: at(int(30, 700), 0),
    end_date: rnd() < 0.3 ? NULL_DATE : at(-int(30, 365), 0),
    billing_cycle: one(['Monthly', 'Annual']),
    autorenew: rnd() < 0.7,
    status: 'Active',
    is_active: rnd() > 0.08,
    purchase_price: 0,
    price: 0,
    deleted: false,
    notes: '',
    product_sku: one(['CFQ7TTC0LCHC', 'CFQ7TTC0LH18', 'BKP-SEAT', 'EES-1Y', 'ACR-PRO']),
  });
}

// --- recurring invoices (negative ids, reference §4.15) -------------------------------------------
export const recurring_invoices: Row[] = [];
export const invoice_lines: Row[] = [];
for (let i = 0; i < 45; i++) {
  const id = -(i * 2 + 40); // gaps, as in a real tenant where some were deleted
  const client = one(customerIds);
  recurring_invoices.push({
    id,
    use: 'invoice',
    client_id: client,
    sitenumber: mainSite(client),
    invoicenumber: '',
    posted: false,
    contract_id: -1,
    contract_ref: '',
    currency_code: 0,
    period: one([1, 1, 1, 3, 12]),
    nextcreationdate: at(-int(1, 28), 0),
    reference: one(['Monthly services', 'Backup services', 'Managed services', '']),
    total: 0,
    tax_total: 0,
    amountdue: 0,
    last_modified: at(int(1, 90)),
  });
  const lineCount = int(1, 5);
  let total = 0;
  let taxTotal = 0;
  for (let l = 0; l < lineCount; l++) {
    const item = one(recurringItems);
    const qty = int(1, 60);
    const unit = item.recurringprice as number;
    const net = Math.round(qty * unit * 100) / 100;
    const tax = Math.round(net * 20) / 100;
    total += net + tax;
    taxTotal += tax;
    invoice_lines.push({
      id: 24900 + invoice_lines.length,
      ihid: id,
      sequenceid: l + 1,
      _itemid: item.id,
      item_code: item.internalreference,
      item_shortdescription: item.name,
      item_longdescription: '',
      nominal_code: item.nominalcode,
      qty_order: qty,
      unit_price: unit,
      baseprice: item.baseprice,
      net_amount: net,
      tax_code: 'T1',
      tax_rate: 20,
      tax_amount: tax,
      total_price: Math.round((net + tax) * 100) / 100,
      recurring_invoice_quantity_type: one([0, 0, 0, 1, 2]),
      contract_id: -1,
      asset_id: -1,
      ticket_id: -1,
      lineactiondate: NULL_DATE,
    });
  }
  const header = recurring_invoices[recurring_invoices.length - 1]!;
  header.total = Math.round(total * 100) / 100;
  header.tax_total = Math.round(taxTotal * 100) / 100;
  header.amountdue = header.total;
}
