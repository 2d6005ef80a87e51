// Recurring-invoice lines (reference §4.15; SPEC-2024 `InvoiceDetail`): `_itemid` (with the
// underscore), `qty_order`, `unit_price`; amounts derived; sentinels `contract_id/asset_id/ticket_id:
// -1` and `lineactiondate: 1899-12-30T00:00:00` ([obs] RINV). `POST /RecurringInvoice/updatelines`
// patches existing lines by id; `POST /RecurringInvoice/Lines` adds lines to the header in `ihid`.
import type { SimResponse } from '../shared/types.ts';
import { postAnswer, type Ctx } from './entity.ts';
import { ruleError } from './errors.ts';
import { pickSchema, readArrayBody } from './input.ts';
import type { Row } from './seed-types.ts';
import { asId, haloDate, jsonResponse, NO_ID, NULL_DATE } from './wire.ts';

export function lineWire(line: Row): Record<string, unknown> {
  return pickSchema('InvoiceDetail', line);
}

export function linesOf(ctx: Ctx, headerId: number): Row[] {
  return ctx.state.tables.invoice_lines
    .all()
    .filter((l) => l.ihid === headerId)
    .sort((a, b) => (a.sequenceid as number) - (b.sequenceid as number) || a.id - b.id);
}

/** Amounts follow quantity × price and the tax rate. */
export function priced(line: Row): Row {
  const qty = typeof line.qty_order === 'number' ? line.qty_order : 0;
  const price = typeof line.unit_price === 'number' ? line.unit_price : 0;
  const rate = typeof line.tax_rate === 'number' ? line.tax_rate : 0;
  const net = Math.round(qty * price * 100) / 100;
  const tax = Math.round(net * rate) / 100;
  return { ...line, net_amount: net, tax_amount: tax, total_price: Math.round((net + tax) * 100) / 100 };
}

/** Check one posted line (new or changed) and return the stored form without its id. */
export function checkLine(
  ctx: Ctx,
  item: Record<string, unknown>,
  existing: Row | undefined,
): Omit<Row, 'id'> {
  const itemId = item._itemid ?? existing?._itemid;
  let product: Row | undefined;
  if (itemId !== undefined && itemId !== null && itemId !== 0 && itemId !== -1) {
    const id = asId(itemId);
    product = id === undefined ? undefined : ctx.state.tables.items.get(id);
    if (!product) throw ruleError(`Item ${String(itemId)} does not exist.`);
  }
  const qty = item.qty_order ?? existing?.qty_order;
  if (qty !== undefined && typeof qty !== 'number') throw ruleError('Quantity must be a number.');
  const base: Omit<Row, 'id'> = existing
    ? { ...existing }
    : {
        sequenceid: 1,
        _itemid: product?.id ?? 0,
        item_code: product ? String(product.internalreference ?? '') : '',
        item_shortdescription: product ? String(product.name) : '',
        item_longdescription: product ? String(product.description ?? '') : '',
        nominal_code: product ? String(product.nominalcode ?? '') : '',
        qty_order: 1,
        unit_price: product ? Number(product.recurringprice ?? product.baseprice ?? 0) : 0,
        baseprice: product ? Number(product.baseprice ?? 0) : 0,
        tax_code: '',
        tax_rate: 20,
        recurring_invoice_quantity_type: 0,
        contract_id: NO_ID,
        asset_id: NO_ID,
        ticket_id: NO_ID,
        lineactiondate: NULL_DATE,
      };
  const { id: _id, ...changes } = item;
  const merged = { ...base, ...changes } as Row;
  if (typeof merged.item_shortdescription !== 'string' || merged.item_shortdescription === '') {
    throw ruleError('Please enter a description for each line.');
  }
  const { id: _drop, ...rest } = priced({ ...merged, id: 0 });
  return rest;
}

/** Recompute a header's totals from its lines. */
export function retotal(ctx: Ctx, headerId: number): void {
  const header = ctx.state.tables.recurring_invoices.get(headerId);
  if (!header) return;
  const lines = linesOf(ctx, headerId);
  const total = Math.round(lines.reduce((sum, l) => sum + (l.total_price as number), 0) * 100) / 100;
  const tax = Math.round(lines.reduce((sum, l) => sum + (l.tax_amount as number), 0) * 100) / 100;
  ctx.state.tables.recurring_invoices.put({
    ...header,
    total,
    tax_total: tax,
    amountdue: total,
    last_modified: haloDate(),
  });
}

export const lineRoutes = {
  /** `POST /RecurringInvoice/updatelines`: an array of existing lines with the fields to change. */
  updateLines(ctx: Ctx): SimResponse {
    const items = readArrayBody(ctx.req.body, ctx.req.rawBody, 'InvoiceDetail', 'InvoiceDetail');
    if (items.length === 0) throw ruleError('No records were supplied.');
    const commits = items.map((item) => {
      const id = asId(item.id);
      const existing = id === undefined ? undefined : ctx.state.tables.invoice_lines.get(id);
      if (!existing) throw ruleError(`Invoice line ${String(item.id)} does not exist.`);
      if (item.ihid !== undefined && item.ihid !== existing.ihid) {
        throw ruleError(`Invoice line ${existing.id} does not belong to invoice ${String(item.ihid)}.`);
      }
      const stored = checkLine(ctx, item, existing);
      return () => {
        const saved = ctx.state.tables.invoice_lines.put({ ...stored, id: existing.id, ihid: existing.ihid });
        retotal(ctx, existing.ihid as number);
        return saved;
      };
    });
    return jsonResponse(
      201,
      postAnswer(
        commits.map((c) => lineWire(c())),
        ctx.q,
      ),
    );
  },

  /** `POST /RecurringInvoice/Lines`: new lines for the header named by each line's `ihid`. */
  addLines(ctx: Ctx): SimResponse {
    const items = readArrayBody(ctx.req.body, ctx.req.rawBody, 'InvoiceDetail', 'InvoiceDetail');
    if (items.length === 0) throw ruleError('No records were supplied.');
    const commits = items.map((item) => {
      const ihid = asId(item.ihid);
      if (ihid === undefined || !ctx.state.tables.recurring_invoices.has(ihid)) {
        throw ruleError(`Recurring invoice ${String(item.ihid)} does not exist.`);
      }
      const stored = checkLine(ctx, item, undefined);
      return () => {
        const seq = Math.max(0, ...linesOf(ctx, ihid).map((l) => l.sequenceid as number)) + 1;
        const saved = ctx.state.tables.invoice_lines.put({
          ...stored,
          sequenceid: item.sequenceid ?? seq,
          id: ctx.state.nextLineId(),
          ihid,
        });
        retotal(ctx, ihid);
        return saved;
      };
    });
    return jsonResponse(
      201,
      postAnswer(
        commits.map((c) => lineWire(c())),
        ctx.q,
      ),
    );
  },
};
