// Seed: the service and product catalog.
import type { Row } from '../model.ts';

// --- Services and products ---
const serviceSpecs: [string, number, number, number, boolean?][] = [
  ['Managed Workstation', 45, 12, 29682801],
  ['Managed Server', 150, 40, 29682801],
  ['Cloud Backup - per device', 25, 8, 29682802],
  ['Cloud Backup - per TB', 60, 20, 29682802],
  ['SaaS Backup - per user', 4, 1.5, 29682802],
  ['Microsoft 365 Business Premium', 22, 18.5, 29682803],
  ['Endpoint Security', 6, 2.5, 29682801],
  ['Helpdesk - per user', 35, 10, 29682801],
  ['Firewall Management', 80, 20, 29682801],
  ['BDR Appliance Monitoring', 95, 30, 29682802],
  ['Legacy Tape Backup', 40, 25, 29682802, false],
];
export const services: Row[] = serviceSpecs.map(([name, price, cost, code, active], i) => ({
  id: 25 + i,
  name,
  description: `${name} (per unit, monthly)`,
  invoiceDescription: name,
  unitPrice: price,
  unitCost: cost,
  periodType: 1,
  billingCodeID: code,
  isActive: active ?? true,
  markupRate: null,
  createDate: '2020-02-01T00:00:00.000Z',
  creatorResourceID: 29682885,
  lastModifiedDate: '2025-06-01T00:00:00.000Z',
}));
const productSpecs: [string, string, number, number, number, number][] = [
  ['Dell OptiPlex 7010', 'OPT-7010', 899, 720, 1, 29682810],
  ['Dell PowerEdge R650', 'PE-R650', 6400, 5200, 1, 29682810],
  ['Datto SIRIS 4TB', 'SIRIS-4TB', 3200, 2500, 1, 29682812],
  ['Datto ALTO 1TB', 'ALTO-1TB', 1100, 850, 1, 29682812],
  ['Veeam Backup for Microsoft 365 - per user', 'VBM365', 2.5, 1.2, 3, 29682812],
  ['Microsoft 365 Business Premium', 'M365-BP', 22, 18.5, 4, 29682811],
  ['SaaS Backup Seat', 'SAAS-SEAT', 4, 1.5, 3, 29682812],
  ['Cloud Backup Storage (TB)', 'CB-TB', 60, 20, 3, 29682812],
  ['Endpoint Security Seat', 'EPS-SEAT', 6, 2.5, 2, 29682811],
  ['Fortinet FortiGate 60F', 'FG-60F', 950, 700, 1, 29682810],
  ['Ubiquiti U6 Pro', 'U6-PRO', 160, 120, 1, 29682810],
  ['Old Backup Agent', 'OBA-1', 10, 5, 5, 29682813],
];
export const products: Row[] = productSpecs.map(([name, sku, price, cost, cat, code], i) => ({
  id: 29683600 + i,
  name,
  sku,
  description: name,
  unitPrice: price,
  unitCost: cost,
  msrp: Math.round(price * 1.1 * 100) / 100,
  productCategory: cat,
  productBillingCodeID: code,
  periodType: cat === 3 || cat === 4 || cat === 2 ? 1 : 5,
  billingType: cat === 3 || cat === 4 || cat === 2 ? 2 : 1,
  isActive: cat !== 5,
  isSerialized: cat === 1,
  manufacturerName: name.split(' ')[0],
}));
