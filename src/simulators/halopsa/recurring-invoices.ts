// Recurring invoices — `GET/POST /RecurringInvoice`, `GET/DELETE /RecurringInvoice/{id}` (reference
// §4.15; SPEC-2024 `InvoiceHeader`). Envelope `{record_count, invoices}` (PSMOD, RNODE). Ids are
// negative ([obs] RINV `-94`, one example). GET by id carries `lines`; the list only with
// `includelines=true`. Posting a header with `lines` makes them its full set of lines: lines with an
// id are updated, lines without are added, and lines left out are removed — the question the
// reference leaves open (§11 item 8) answered in the strictest way, so a client must send every
// line (as RINV does) or use `updatelines`.
import { pick, requireRef, type Ctx, type EntityDef } from './entity.ts';
import { ruleError } from './errors.ts';
import { checkLine, lineRoutes, lineWire, linesOf, retotal } from './invoice-lines.ts';
import type { Row } from './seed-types.ts';
import { asId, haloDate, NO_ID } from './wire.ts';

function prepareLines(ctx: Ctx, header: Row | undefined, lines: unknown): (headerId: number) => void {
  if (lines === undefined || lines === null) return () => {};
  if (!Array.isArray(lines)) throw ruleError('lines must be an array.');
  const current = header ? linesOf(ctx, header.id) : [];
  const planned = lines.map((raw: unknown) => {
    const item = raw as Record<string, unknown>;
    const id = asId(item.id);
    const existing = id !== undefined && id > 0 ? current.find((l) => l.id === id) : undefined;
    if (id !== undefined && id > 0 && !existing)
      throw ruleError(`Invoice line ${id} does not exist on this invoice.`);
    return { existing, stored: checkLine(ctx, item, existing) };
  });
  return (headerId) => {
    const keep = new Set(planned.flatMap((p) => (p.existing ? [p.existing.id] : [])));
    for (const l of current) if (!keep.has(l.id)) ctx.state.tables.invoice_lines.delete(l.id);
    planned.forEach((p, i) => {
      const id = p.existing?.id ?? ctx.state.nextLineId();
      ctx.state.tables.invoice_lines.put({
        ...p.stored,
        sequenceid: p.stored.sequenceid ?? i + 1,
        id,
        ihid: headerId,
      });
    });
    retotal(ctx, headerId);
  };
}

export const recurringInvoiceDef: EntityDef = {
  path: 'RecurringInvoice',
  schema: 'InvoiceHeader',
  readPermission: 'read:invoices',
  writePermission: 'edit:invoices',
  list: { key: 'invoices', searchFields: ['client_name', 'reference', 'invoicenumber'], defaultOrder: 'id' },
  rows(ctx) {
    const client = ctx.q.int('client_id');
    const clients = ctx.q.ints('client_ids');
    return ctx.state.tables.recurring_invoices
      .all()
      .filter((r) => client === undefined || r.client_id === client)
      .filter((r) => clients === undefined || clients.includes(r.client_id as number))
      .map((r) => ({ ...r, client_name: ctx.state.name('clients', r.client_id) ?? '' }));
  },
  get: (ctx, id) => ctx.state.tables.recurring_invoices.get(id),
  toWire(row, ctx) {
    const byId = ctx.req.path.split('/').filter(Boolean).length > 2;
    const withLines = byId || ctx.q.bool('includelines') === true;
    return {
      ...row,
      client_name: ctx.state.name('clients', row.client_id) ?? '',
      ...(withLines ? { lines: linesOf(ctx, row.id).map(lineWire) } : {}),
    };
  },
  prepare(item, existing, ctx) {
    const { tables } = ctx.state;
    const client = requireRef(pick(item, existing, 'client_id'), (id) => tables.clients.has(id), 'Client');
    if (client === undefined) throw ruleError('Please select a Client.');
    const site = requireRef(item.sitenumber, (id) => tables.sites.get(id)?.client_id === client, 'Site');
    const applyLines = prepareLines(ctx, existing, item.lines);
    const { lines: _lines, ...fields } = item;
    return () => {
      const now = haloDate();
      let saved: Row;
      if (existing) {
        saved = tables.recurring_invoices.put({
          ...existing,
          ...fields,
          client_id: client,
          last_modified: now,
        });
      } else {
        saved = tables.recurring_invoices.put({
          use: 'invoice',
          posted: false,
          contract_id: NO_ID,
          contract_ref: '',
          currency_code: 0,
          period: 1,
          reference: '',
          invoicenumber: '',
          total: 0,
          tax_total: 0,
          amountdue: 0,
          nextcreationdate: now,
          ...fields,
          client_id: client,
          sitenumber: site ?? asId(tables.clients.get(client)?.main_site_id) ?? NO_ID,
          last_modified: now,
          id: ctx.state.nextRecurringInvoiceId(),
        });
      }
      applyLines(saved.id);
      return tables.recurring_invoices.get(saved.id)!;
    };
  },
  remove(ctx, row) {
    for (const l of linesOf(ctx, row.id)) ctx.state.tables.invoice_lines.delete(l.id);
    ctx.state.tables.recurring_invoices.delete(row.id);
  },
  sub: {
    updatelines: (ctx) => lineRoutes.updateLines(ctx),
    lines: (ctx) => lineRoutes.addLines(ctx),
  },
};
