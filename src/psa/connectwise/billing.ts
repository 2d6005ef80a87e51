// Agreement additions as billing targets (reference §7.7–7.8, §8): the company's agreements that
// are not cancelled, each addition not cancelled. A target's id is `agreementId:additionId`; its
// quantity is set by PATCH of `quantity`, which ConnectWise answers with the whole addition.
import { PsaError } from '../errors.ts';
import type { BillingTarget, QuantityChange } from '../types.ts';
import type { CwSession } from './auth.ts';
import { and, eq } from './conditions.ts';
import { listAll } from './paging.ts';
import { cwInt, num, refId, str, type Row } from './wire.ts';

function cancelled(r: Row, now: number): boolean {
  const at = Date.parse(str(r.cancelledDate));
  return !Number.isNaN(at) && at <= now;
}

export async function billingTargets(api: CwSession, companyId: string): Promise<BillingTarget[]> {
  const agreements = await listAll(api, 'finance/agreements', {
    conditions: and(eq('company/id', cwInt(companyId, 'Company id')), eq('cancelledFlag', false)),
    orderBy: 'name asc, id asc',
  });
  const now = Date.now();
  const out: BillingTarget[] = [];
  for (const a of agreements) {
    if (str(a.agreementStatus) && str(a.agreementStatus) !== 'Active') continue;
    const additions = await listAll(api, `finance/agreements/${str(a.id)}/additions`, {
      orderBy: 'sequenceNumber asc, id asc',
    });
    for (const d of additions) {
      if (cancelled(d, now)) continue;
      out.push(toTarget(a, d));
    }
  }
  return out;
}

export function toTarget(a: Row, d: Row): BillingTarget {
  const product = d.product && typeof d.product === 'object' ? (d.product as Row) : {};
  const what = str(d.description) || str(product.identifier) || `addition ${str(d.id)}`;
  return {
    id: `${str(a.id)}:${str(d.id)}`,
    kind: 'agreement_addition',
    label: `${str(a.name)} → ${what}`,
    productId: refId(product),
    quantity: num(d.quantity),
    parent: { id: str(a.id), name: str(a.name) },
  };
}

export function parseTargetId(id: string): { agreementId: number; additionId: number } {
  const m = /^(\d+):(\d+)$/.exec(id.trim());
  if (!m) {
    throw new PsaError('validation', `"${id}" is not a ConnectWise agreement addition the hub listed`, {
      fields: { targetId: 'unknown' },
    });
  }
  return { agreementId: cwInt(m[1]!, 'Agreement id'), additionId: cwInt(m[2]!, 'Addition id') };
}

export async function setBillingQuantity(
  api: CwSession,
  targetId: string,
  quantity: number,
): Promise<QuantityChange> {
  if (!Number.isFinite(quantity) || quantity < 0) {
    throw new PsaError('validation', 'A quantity must be a number of zero or more', {
      fields: { quantity: 'invalid' },
    });
  }
  const { agreementId, additionId } = parseTargetId(targetId);
  const path = `finance/agreements/${agreementId}/additions/${additionId}`;
  const before = await api.find<Row>(path);
  if (!before)
    throw new PsaError('not_found', `ConnectWise has no addition ${additionId} on agreement ${agreementId}`, {
      status: 404,
    });
  const previous = num(before.quantity);
  if (previous === quantity) return { previous, current: quantity };
  const after = await api.patch<Row>(path, [{ op: 'replace', path: 'quantity', value: quantity }]);
  return { previous, current: num(after.quantity) };
}
