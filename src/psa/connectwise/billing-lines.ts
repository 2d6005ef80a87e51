// Billing lines of agreement additions (reference §7.8): their state read a few agreements at a
// time — the spec has no route listing additions across agreements, so one `conditions` read per
// agreement, run side by side — and written with one PATCH of only the fields that differ.
import { PsaError } from '../errors.ts';
import { checkPrices, numOrNull, type LineWritten } from '../billing-line.ts';
import type { BillingLineWrite, BillingTargetState } from '../types.ts';
import type { CwSession } from './auth.ts';
import { cancelled, open } from './billing.ts';
import { isIn } from './conditions.ts';
import { listAll } from './paging.ts';
import { str, type Row } from './wire.ts';

/** Ids per `in (…)` condition: keeps the query string well under URL limits. */
const IN_CHUNK = 200;
/** Agreements read at once. */
const PARALLEL = 4;

function parseTargetId(id: string): { agreementId: number; additionId: number } | undefined {
  const m = /^(\d{1,10}):(\d{1,10})$/.exec(id.trim());
  if (!m || Number(m[1]) > 2_147_483_647 || Number(m[2]) > 2_147_483_647) return undefined;
  return { agreementId: Number(m[1]), additionId: Number(m[2]) };
}

function parseTarget(id: string): { agreementId: number; additionId: number } {
  const t = parseTargetId(id);
  if (!t)
    throw new PsaError('validation', `"${id}" is not a ConnectWise agreement addition the hub listed`, {
      fields: { targetId: 'unknown' },
    });
  return t;
}

const chunk = <T>(xs: T[], n: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

export function stateOf(id: string, d: Row): BillingTargetState {
  return {
    id,
    quantity: typeof d.quantity === 'number' ? d.quantity : Number(d.quantity ?? 0) || 0,
    unitPrice: numOrNull(d.unitPrice),
    unitCost: numOrNull(d.unitCost),
    description: str(d.invoiceDescription) || null,
  };
}

async function inBatches<T>(items: T[], run: (item: T) => Promise<void>): Promise<void> {
  for (const batch of chunk(items, PARALLEL)) await Promise.all(batch.map(run));
}

/**
 * One read of the agreements (by `id in (…)`), then one read of each billing agreement's additions
 * (by `id in (…)`): 1 + A requests for targets on A agreements.
 */
export async function readBillingTargets(
  api: CwSession,
  targetIds: string[],
): Promise<Map<string, BillingTargetState>> {
  const byAgreement = new Map<number, Map<number, string>>();
  for (const id of targetIds) {
    // An id this connector never gives out names nothing that can exist: absent, like a gone one.
    const t = parseTargetId(id);
    if (!t) continue;
    const m = byAgreement.get(t.agreementId) ?? new Map<number, string>();
    m.set(t.additionId, id);
    byAgreement.set(t.agreementId, m);
  }
  const billingAgreements = new Set<number>();
  for (const ids of chunk([...byAgreement.keys()], IN_CHUNK))
    for (const a of await listAll(api, 'finance/agreements', {
      conditions: isIn('id', ids),
      fields: 'id,cancelledFlag,agreementStatus',
    }))
      if (open(a)) billingAgreements.add(Number(a.id));
  const out = new Map<string, BillingTargetState>();
  const now = Date.now();
  await inBatches([...billingAgreements], async (agreementId) => {
    const wanted = byAgreement.get(agreementId)!;
    for (const ids of chunk([...wanted.keys()], IN_CHUNK)) {
      const rows = await listAll(api, `finance/agreements/${agreementId}/additions`, {
        conditions: isIn('id', ids),
      });
      for (const d of rows) {
        const id = wanted.get(Number(d.id));
        if (id !== undefined && !cancelled(d, now)) out.set(id, stateOf(id, d));
      }
    }
  });
  return out;
}

function checkLine(line: BillingLineWrite): void {
  if (!Number.isFinite(line.quantity) || line.quantity < 0)
    throw new PsaError('validation', 'A quantity must be a number of zero or more', {
      fields: { quantity: 'invalid' },
    });
  checkPrices(line);
}

/**
 * Read the addition, then one `PATCH` of JSON Patch `replace` operations for the fields that differ
 * (reference §5, §7.8): absolute values, so a repeat changes nothing. ConnectWise answers the whole
 * addition, which is the state after the write.
 */
export async function writeLine(
  api: CwSession,
  targetId: string,
  line: BillingLineWrite,
): Promise<LineWritten> {
  checkLine(line);
  const { agreementId, additionId } = parseTarget(targetId);
  const path = `finance/agreements/${agreementId}/additions/${additionId}`;
  const current = await api.find<Row>(path);
  if (!current || cancelled(current, Date.now()))
    throw new PsaError('not_found', `ConnectWise has no addition ${additionId} on agreement ${agreementId}`, {
      status: 404,
    });
  const before = stateOf(targetId, current);
  const wanted: [keyof BillingTargetState, string, unknown][] = [
    ['quantity', 'quantity', line.quantity],
    ['unitPrice', 'unitPrice', line.unitPrice],
    ['unitCost', 'unitCost', line.unitCost],
    ['description', 'invoiceDescription', line.description],
  ];
  const ops = wanted
    .filter(([k, , v]) => v !== undefined && v !== (k === 'description' ? (before[k] ?? '') : before[k]))
    .map(([, path, value]) => ({ op: 'replace' as const, path, value }));
  if (ops.length === 0) return { before, after: before };
  const saved = await api.patch<Row>(path, ops);
  return { before, after: stateOf(targetId, saved) };
}
