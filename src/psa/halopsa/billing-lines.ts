// Billing lines of a Halo tenant (reference §4.14–4.15): recurring-invoice lines (`qty_order`,
// `unit_price`, `unit_cost`, `item_shortdescription`) and software licences (seat `count`), their
// state read for many targets at once (src/psa/halopsa/by-ids.ts) and written with only what differs.
// Both writes carry absolute values, so a repeat after a lost reply changes nothing.
import { PsaError } from '../errors.ts';
import { checkPrices, numOrNull, type LineWritten } from '../billing-line.ts';
import type { BillingLineWrite, BillingTargetState } from '../types.ts';
import { derived, linesOf } from './billing.ts';
import { readByIds } from './by-ids.ts';
import type { HaloSession } from './session.ts';
import { haloOwnId, num, str, type Row } from './wire.ts';

type Target = { kind: 'line'; headerId: string; lineId: string } | { kind: 'licence'; id: string };

/** `ril:<header id>:<line id>` (header ids may be negative) or `lic:<licence id>`. */
function parseTargetId(id: string): Target | undefined {
  const line = /^ril:(-?\d{1,10}):(\d{1,10})$/.exec(id);
  if (line) return { kind: 'line', headerId: line[1]!, lineId: line[2]! };
  const lic = /^lic:(\d{1,10})$/.exec(id);
  return lic ? { kind: 'licence', id: lic[1]! } : undefined;
}

function lineState(id: string, l: Row): BillingTargetState {
  return {
    id,
    quantity: num(l.qty_order),
    unitPrice: numOrNull(l.unit_price),
    unitCost: numOrNull(l.unit_cost),
    description: str(l.item_shortdescription) || null,
  };
}

/** A licence holds a seat count; its prices are not what Halo bills (the invoice line is). */
function licenceState(id: string, l: Row): BillingTargetState {
  return { id, quantity: num(l.count), unitPrice: null, unitCost: null, description: null };
}

/** A line the hub may set: present, and with a quantity Halo does not derive itself. */
const lineOf = (h: Row | undefined, lineId: string): Row | undefined =>
  h ? linesOf(h).find((l) => haloOwnId(l.id) === lineId && !derived(l)) : undefined;

/** Deleted and inactive licences are not billing targets (billingTargets leaves them out too). */
const liveLicence = (l: Row | undefined): l is Row => !!l && l.deleted !== true && l.is_active !== false;

export async function readBillingTargets(
  api: HaloSession,
  targetIds: string[],
): Promise<Map<string, BillingTargetState>> {
  // An id this connector never gives out names nothing that can exist: absent, like a gone one.
  const targets = targetIds.flatMap((id) => {
    const t = parseTargetId(id);
    return t ? [{ id, t }] : [];
  });
  const headerIds = [...new Set(targets.flatMap(({ t }) => (t.kind === 'line' ? [t.headerId] : [])))];
  const licenceIds = [...new Set(targets.flatMap(({ t }) => (t.kind === 'licence' ? [t.id] : [])))];
  const [headers, licences] = await Promise.all([
    headerIds.length > 0
      ? readByIds(api, headerIds, {
          path: 'RecurringInvoice',
          key: 'invoices',
          query: { includelines: true },
        })
      : new Map<string, Row>(),
    licenceIds.length > 0
      ? readByIds(api, licenceIds, { path: 'SoftwareLicence', key: 'licences' })
      : new Map<string, Row>(),
  ]);
  const out = new Map<string, BillingTargetState>();
  for (const { id, t } of targets) {
    if (t.kind === 'line') {
      const l = lineOf(headers.get(t.headerId), t.lineId);
      if (l) out.set(id, lineState(id, l));
    } else {
      const l = licences.get(t.id);
      if (liveLicence(l)) out.set(id, licenceState(id, l));
    }
  }
  return out;
}

function checkLine(line: BillingLineWrite): void {
  if (!Number.isFinite(line.quantity) || line.quantity < 0)
    throw new PsaError('validation', `A quantity must be zero or more (got ${line.quantity})`, {
      fields: { quantity: 'must be ≥ 0' },
    });
  checkPrices(line);
}

/**
 * `POST /RecurringInvoice/updatelines` with `{id, ihid}` and only the fields that differ (reference
 * §4.15; posting the header with `lines` would replace every line). Halo answers the saved line.
 */
async function writeInvoiceLine(
  api: HaloSession,
  targetId: string,
  t: { headerId: string; lineId: string },
  line: BillingLineWrite,
) {
  const header = await api.find<Row>(`RecurringInvoice/${t.headerId}`);
  const current = header ? linesOf(header).find((l) => haloOwnId(l.id) === t.lineId) : undefined;
  if (!current)
    throw new PsaError(
      'not_found',
      `HaloPSA has no recurring-invoice line ${t.lineId} on invoice ${t.headerId}`,
      {
        status: 404,
      },
    );
  if (derived(current))
    throw new PsaError(
      'validation',
      'HaloPSA counts the quantity of this invoice line itself (users, assets or licences): the hub leaves it to Halo',
      { fields: { targetId: 'derived quantity' } },
    );
  const before = lineState(targetId, current);
  const changes: Row = {};
  if (line.quantity !== before.quantity) changes.qty_order = line.quantity;
  if (line.unitPrice !== undefined && line.unitPrice !== before.unitPrice)
    changes.unit_price = line.unitPrice;
  if (line.unitCost !== undefined && line.unitCost !== before.unitCost) changes.unit_cost = line.unitCost;
  if (line.description !== undefined && line.description !== (before.description ?? ''))
    changes.item_shortdescription = line.description;
  if (Object.keys(changes).length === 0) return { before, after: before };
  const saved = await api.post<Row>(
    'RecurringInvoice/updatelines',
    [{ id: Number(t.lineId), ihid: Number(t.headerId), ...changes }],
    true,
  );
  if (saved && haloOwnId(saved.id) === t.lineId) return { before, after: lineState(targetId, saved) };
  const again = lineOf(await api.find<Row>(`RecurringInvoice/${t.headerId}`), t.lineId);
  return { before, after: again ? lineState(targetId, again) : { ...before, ...line } };
}

/** `POST /SoftwareLicence [{id, count}]`: Halo changes only the fields sent (reference §4.14, ESET). */
async function writeLicence(api: HaloSession, targetId: string, id: string, line: BillingLineWrite) {
  if (line.unitPrice !== undefined || line.unitCost !== undefined || line.description !== undefined)
    throw new PsaError(
      'validation',
      'A HaloPSA software licence holds a seat count only: bill its price on a recurring-invoice line',
      { fields: { targetId: 'software licence: quantity only' } },
    );
  const licence = await api.find<Row>(`SoftwareLicence/${id}`);
  if (!liveLicence(licence))
    throw new PsaError('not_found', `HaloPSA has no software licence ${id}`, { status: 404 });
  const before = licenceState(targetId, licence);
  if (before.quantity === line.quantity) return { before, after: before };
  const saved = await api.post<Row>('SoftwareLicence', [{ id: Number(id), count: line.quantity }], true);
  return {
    before,
    after:
      saved && haloOwnId(saved.id) === id
        ? licenceState(targetId, saved)
        : { ...before, quantity: line.quantity },
  };
}

export async function writeLine(
  api: HaloSession,
  targetId: string,
  line: BillingLineWrite,
): Promise<LineWritten> {
  checkLine(line);
  const t = parseTargetId(targetId);
  if (!t)
    throw new PsaError('validation', `"${targetId}" is not a HaloPSA billing target`, {
      fields: { targetId: 'unknown target' },
    });
  return t.kind === 'line'
    ? writeInvoiceLine(api, targetId, t, line)
    : writeLicence(api, targetId, t.id, line);
}
