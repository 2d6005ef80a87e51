// Billing targets of a Halo client (reference §4.14–4.15): the lines of its recurring invoices
// (quantity `qty_order`, item `_itemid`) and its software licences (seat `count`).
// Target ids: `ril:<header id>:<line id>` and `lic:<licence id>`. Header ids may be negative.
// A new target is a line added to one of the client's recurring invoices (`POST
// /RecurringInvoice/Lines`); software licences are not created by the hub.
import { PsaError } from '../errors.ts';
import type { BillingParent, BillingTarget, NewBillingTarget } from '../types.ts';
import { writeOnce } from '../write-once.ts';
import { listAll } from './listing.ts';
import type { HaloSession } from './session.ts';
import { haloId, haloOwnId, num, str, toHaloInt, type Row } from './wire.ts';

/** How many times a line is posted, at most, when replies get lost. */
const CREATE_ATTEMPTS = 3;
/** How long to wait before looking a second time for a line whose reply was lost. */
export const SETTLE_MS = 1_000;

function invoiceName(h: Row): string {
  const n = str(h.invoicenumber).trim();
  return n !== '' ? `Recurring invoice ${n}` : `Recurring invoice ${haloOwnId(h.id)}`;
}

/** Lines whose quantity Halo derives from users, assets or licences (quantity type ≠ 0). */
export const derived = (l: Row): boolean => num(l.recurring_invoice_quantity_type) !== 0;

export const linesOf = (h: Row): Row[] => (Array.isArray(h.lines) ? (h.lines as Row[]) : []);

function lineTarget(h: Row, l: Row): BillingTarget {
  const parent = { id: haloOwnId(h.id), name: invoiceName(h) };
  const what = str(l.item_shortdescription).trim() || str(l.item_code).trim() || `line ${haloOwnId(l.id)}`;
  return {
    id: `ril:${parent.id}:${haloOwnId(l.id)}`,
    kind: 'recurring_invoice_line',
    label: `${parent.name} → ${what}`,
    productId: haloId(l._itemid),
    quantity: num(l.qty_order),
    parent,
  };
}

export async function billingParents(api: HaloSession, companyId: string): Promise<BillingParent[]> {
  const client = haloInt(companyId, 'Company id', 'companyId');
  const invoices = await listAll(api, 'RecurringInvoice', 'invoices', { client_id: client });
  return invoices
    .filter((h) => haloId(h.client_id) === companyId)
    .map((h) => ({ id: haloOwnId(h.id), kind: 'recurring_invoice' as const, name: invoiceName(h) }));
}

export async function billingTargets(api: HaloSession, companyId: string): Promise<BillingTarget[]> {
  const client = toHaloInt(companyId, 'Company id');
  const [invoices, licences] = await Promise.all([
    listAll(api, 'RecurringInvoice', 'invoices', { client_id: client, includelines: true }),
    listAll(api, 'SoftwareLicence', 'licences', { client_id: client }),
  ]);
  const out: BillingTarget[] = [];
  for (const h of invoices) {
    if (haloId(h.client_id) !== companyId) continue;
    for (const l of linesOf(h)) {
      // Lines whose quantity Halo derives would be recomputed by Halo; the hub only sets manual
      // ones [inferred, reference §4.15].
      if (!derived(l)) out.push(lineTarget(h, l));
    }
  }
  for (const l of licences) {
    if (l.deleted === true || haloId(l.client_id) !== companyId) continue;
    out.push({
      id: `lic:${haloOwnId(l.id)}`,
      kind: 'software_licence',
      label: `Software licence → ${str(l.name).trim()}`,
      productId: haloId(l.item_id),
      quantity: num(l.count),
      parent: null,
    });
  }
  return out;
}

function checkQuantity(quantity: number): void {
  if (!Number.isFinite(quantity) || quantity < 0) {
    throw new PsaError('validation', `A quantity must be zero or more (got ${quantity})`, {
      fields: { quantity: 'must be ≥ 0' },
    });
  }
}

/** A hub id as a Halo integer, refused as validation (never sent) otherwise. */
function haloInt(id: string, what: string, field: string): number {
  const t = id.trim();
  if (!/^-?\d{1,10}$/.test(t))
    throw new PsaError('validation', `${what} "${id}" is not a HaloPSA id`, {
      fields: { [field]: 'not a HaloPSA id' },
    });
  return Number(t);
}

/** The client's recurring invoice a new line goes on, read with its lines. */
async function parentInvoice(api: HaloSession, companyId: string, parentId: string): Promise<Row> {
  const client = haloInt(companyId, 'Company id', 'companyId');
  const id = haloInt(parentId, 'Recurring invoice id', 'parentId');
  const h = await api.find<Row>(`RecurringInvoice/${id}`);
  if (!h) throw new PsaError('not_found', `HaloPSA has no recurring invoice ${id}`, { status: 404 });
  if (haloId(h.client_id) !== String(client))
    throw new PsaError(
      'validation',
      `HaloPSA ${invoiceName(h).toLowerCase()} belongs to another customer: pick one of this customer's recurring invoices`,
      { fields: { parentId: 'not a recurring invoice of this customer' } },
    );
  return h;
}

/** The invoice's line of `itemId`, re-read from Halo. */
async function findLine(
  api: HaloSession,
  headerId: string,
  itemId: number,
): Promise<BillingTarget | undefined> {
  const h = await api.find<Row>(`RecurringInvoice/${headerId}`);
  const line = h ? linesOf(h).find((l) => haloId(l._itemid) === String(itemId) && !derived(l)) : undefined;
  return h && line ? lineTarget(h, line) : undefined;
}

/**
 * `POST /RecurringInvoice/Lines` with `ihid`, `_itemid`, `qty_order` (reference §4.15; the
 * simulator's invoice-lines.ts), plus the item's name and recurring price so the line reads and
 * bills like one added in Halo. When the invoice already has a manual line of the item, that target
 * is answered unchanged; a lost reply is repaired by reading the invoice again
 * (src/psa/write-once.ts) before posting again.
 */
export async function createBillingTarget(
  api: HaloSession,
  input: NewBillingTarget,
  settleMs = SETTLE_MS,
): Promise<BillingTarget> {
  checkQuantity(input.quantity);
  const itemId = haloInt(input.productId, 'Item id', 'productId');
  const header = await parentInvoice(api, input.companyId, input.parentId);
  const headerId = haloOwnId(header.id);
  const lines = linesOf(header).filter((l) => haloId(l._itemid) === String(itemId));
  const manual = lines.find((l) => !derived(l));
  if (manual) return lineTarget(header, manual);
  if (lines.length > 0)
    throw new PsaError(
      'validation',
      `HaloPSA ${invoiceName(header).toLowerCase()} already bills this item with a quantity Halo counts itself (users, assets or licences): the hub leaves that line to Halo`,
      { fields: { productId: 'already on the invoice with a derived quantity' } },
    );
  const item = await api.find<Row>(`Item/${itemId}`);
  if (!item) throw new PsaError('not_found', `HaloPSA has no item ${itemId}`, { status: 404 });
  const recurring = num(item.recurringprice);
  const line = {
    ihid: Number(headerId),
    _itemid: itemId,
    item_shortdescription: str(item.name).trim() || `Item ${itemId}`,
    qty_order: input.quantity,
    unit_price: item.isrecurringitem === true || recurring > 0 ? recurring : num(item.baseprice),
  };
  const find = () => findLine(api, headerId, itemId);
  return writeOnce(
    async () => {
      const saved = await api.post<Row>('RecurringInvoice/Lines', [line], false);
      if (saved && saved.id !== undefined && haloId(saved._itemid) === String(itemId))
        return lineTarget(header, saved);
      const found = await find();
      if (found) return found;
      throw new PsaError('transient', 'HaloPSA accepted the invoice line but did not say its id', {});
    },
    find,
    { settleMs, attempts: CREATE_ATTEMPTS },
  );
}
