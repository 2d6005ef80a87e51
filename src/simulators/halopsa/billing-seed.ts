// `POST /_sim/billing-companies {count, items?}`: add `count` clients, each with a site and one
// recurring invoice carrying a manual line (quantity type 0) for each of the first `items` (default
// 2) recurring items — the shape a billing benchmark links thousands of organizations to. Rows are
// cloned from the seed's own so they read like seeded ones.
import { priced } from './invoice-lines.ts';
import type { Row } from './seed-types.ts';
import type { HaloState } from './state.ts';
import { NO_ID, NULL_DATE } from './wire.ts';

const MAX = 20_000;

export interface BillingCompany {
  clientId: number;
  recurringInvoiceId: number;
  lineIds: number[];
}

export function addBillingCompanies(state: HaloState, body: Record<string, unknown>): BillingCompany[] {
  const count = Number(body.count);
  const wanted = Number(body.items ?? 2);
  if (!Number.isInteger(count) || count < 1 || count > MAX)
    throw new Error(`billing-companies needs {count: 1…${MAX}}`);
  const { tables } = state;
  const items = tables.items
    .all()
    .filter((i) => i.isrecurringitem === true && i.inactive !== true)
    .slice(0, wanted);
  if (items.length < wanted) throw new Error(`the seed has fewer than ${wanted} recurring items`);
  const client = tables.clients.all().find((c) => c.inactive !== true);
  const header = tables.recurring_invoices.all()[0];
  if (!client || !header) throw new Error('billing-companies needs a client and a recurring invoice to copy');
  const site = tables.sites.get(Number(client.main_site_id)) ?? tables.sites.all()[0]!;
  let nextHeader = Math.min(0, ...tables.recurring_invoices.all().map((r) => r.id)) - 1;
  const base = tables.clients.size;
  const out: BillingCompany[] = [];
  for (let i = 1; i <= count; i++) {
    const n = base + i;
    const { id: _c, ...c } = client;
    const co = tables.clients.insert({
      ...c,
      name: `Billing Customer ${n}`,
      accountsid: `B${n}`,
      main_site_id: NO_ID,
    });
    const { id: _s, ...s } = site;
    const st = tables.sites.insert({ ...s, name: 'Main', client_id: co.id });
    tables.clients.put({ ...co, main_site_id: st.id });
    const ihid = nextHeader--;
    const lines = items.map((item, k) =>
      tables.invoice_lines.put(
        priced({
          id: state.nextLineId(),
          ihid,
          sequenceid: k + 1,
          _itemid: item.id,
          item_code: String(item.internalreference ?? ''),
          item_shortdescription: String(item.name),
          item_longdescription: '',
          nominal_code: String(item.nominalcode ?? ''),
          qty_order: 5 + ((n + k) % 20),
          unit_price: Number(item.recurringprice ?? item.baseprice ?? 0),
          unit_cost: Number(item.recurringcost ?? item.costprice ?? 0),
          baseprice: Number(item.baseprice ?? 0),
          tax_code: 'T1',
          tax_rate: 20,
          recurring_invoice_quantity_type: 0,
          contract_id: NO_ID,
          asset_id: NO_ID,
          ticket_id: NO_ID,
          lineactiondate: NULL_DATE,
        }),
      ),
    );
    const total = Math.round(lines.reduce((sum, l) => sum + Number(l.total_price), 0) * 100) / 100;
    const tax = Math.round(lines.reduce((sum, l) => sum + Number(l.tax_amount), 0) * 100) / 100;
    const row: Row = {
      ...header,
      id: ihid,
      client_id: co.id,
      sitenumber: st.id,
      reference: 'Managed services',
      total,
      tax_total: tax,
      amountdue: total,
    };
    tables.recurring_invoices.put(row);
    out.push({ clientId: co.id, recurringInvoiceId: ihid, lineIds: lines.map((l) => l.id) });
  }
  return out;
}
