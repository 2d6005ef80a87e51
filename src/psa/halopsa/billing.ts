// Billing targets of a Halo client (reference §4.14–4.15): the lines of its recurring invoices
// (quantity `qty_order`, item `_itemid`) and its software licences (seat `count`).
// Target ids: `ril:<header id>:<line id>` and `lic:<licence id>`. Header ids may be negative.
import { PsaError } from '../errors.ts';
import type { BillingTarget, QuantityChange } from '../types.ts';
import { listAll } from './listing.ts';
import type { HaloSession } from './session.ts';
import { haloId, haloOwnId, num, str, toHaloInt, type Row } from './wire.ts';

function invoiceName(h: Row): string {
  const n = str(h.invoicenumber).trim();
  return n !== '' ? `Recurring invoice ${n}` : `Recurring invoice ${haloOwnId(h.id)}`;
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
    const parent = { id: haloOwnId(h.id), name: invoiceName(h) };
    for (const l of Array.isArray(h.lines) ? (h.lines as Row[]) : []) {
      // Lines whose quantity Halo derives from users, assets or licences (quantity type ≠ 0)
      // would be recomputed by Halo; the hub only sets manual ones [inferred, reference §4.15].
      if (num(l.recurring_invoice_quantity_type) !== 0) continue;
      const what =
        str(l.item_shortdescription).trim() || str(l.item_code).trim() || `line ${haloOwnId(l.id)}`;
      out.push({
        id: `ril:${parent.id}:${haloOwnId(l.id)}`,
        kind: 'recurring_invoice_line',
        label: `${parent.name} → ${what}`,
        productId: haloId(l._itemid),
        quantity: num(l.qty_order),
        parent,
      });
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

export async function setBillingQuantity(
  api: HaloSession,
  targetId: string,
  quantity: number,
): Promise<QuantityChange> {
  if (!Number.isFinite(quantity) || quantity < 0) {
    throw new PsaError('validation', `A quantity must be zero or more (got ${quantity})`, {
      fields: { quantity: 'must be ≥ 0' },
    });
  }
  const line = /^ril:(-?\d+):(\d+)$/.exec(targetId);
  if (line) {
    const [, headerId = '', lineId = ''] = line;
    const header = await api.find<Row>(`RecurringInvoice/${headerId}`);
    const current = (Array.isArray(header?.lines) ? (header.lines as Row[]) : []).find(
      (l) => haloOwnId(l.id) === lineId,
    );
    if (!header || !current)
      throw new PsaError(
        'not_found',
        `HaloPSA has no recurring-invoice line ${lineId} on invoice ${headerId}`,
        { status: 404 },
      );
    const previous = num(current.qty_order);
    if (previous !== quantity) {
      // `updatelines` patches existing lines by id; a minimal {id, ihid, qty_order} is enough
      // (reference §4.15). Posting the header with `lines` would replace the full set.
      await api.post(
        'RecurringInvoice/updatelines',
        [{ id: Number(lineId), ihid: Number(headerId), qty_order: quantity }],
        true,
      );
    }
    return { previous, current: quantity };
  }
  const lic = /^lic:(\d+)$/.exec(targetId);
  if (lic) {
    const [, id = ''] = lic;
    const licence = await api.find<Row>(`SoftwareLicence/${id}`);
    if (!licence || licence.deleted === true)
      throw new PsaError('not_found', `HaloPSA has no software licence ${id}`, { status: 404 });
    const previous = num(licence.count);
    // ESET: POST /SoftwareLicence [{id, count}] updates only the fields sent (§4.14).
    if (previous !== quantity) await api.post('SoftwareLicence', [{ id: Number(id), count: quantity }], true);
    return { previous, current: quantity };
  }
  throw new PsaError('validation', `"${targetId}" is not a HaloPSA billing target`, {
    fields: { targetId: 'unknown target' },
  });
}
