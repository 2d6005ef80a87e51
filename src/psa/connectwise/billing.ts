// Agreement additions as billing targets (reference §7.7–7.8, §8): the company's agreements that
// are not cancelled, each addition not cancelled. A target's id is `agreementId:additionId`; its
// quantity is set by PATCH of `quantity`, which ConnectWise answers with the whole addition. A new
// target is a POST of an addition (product, quantity, `billCustomer`) on one of those agreements.
import { PsaError } from '../errors.ts';
import { writeOnce } from '../write-once.ts';
import type { BillingParent, BillingTarget, NewBillingTarget } from '../types.ts';
import type { CwSession } from './auth.ts';
import { and, eq } from './conditions.ts';
import { listAll } from './paging.ts';
import { cwInt, num, refId, str, type Row } from './wire.ts';

/** How many times an addition is posted, at most, when replies get lost. */
const CREATE_ATTEMPTS = 3;

/** An addition is gone once its cancelled date has come (reference §7.8). */
export function cancelled(r: Row, now: number): boolean {
  const at = Date.parse(str(r.cancelledDate));
  return !Number.isNaN(at) && at <= now;
}

/** An agreement new additions may go on: not cancelled, and Active when the server says. */
export const open = (a: Row): boolean =>
  a.cancelledFlag !== true && (!str(a.agreementStatus) || str(a.agreementStatus) === 'Active');

/** The company's agreements that are not cancelled and are active. */
async function activeAgreements(api: CwSession, companyId: string): Promise<Row[]> {
  const agreements = await listAll(api, 'finance/agreements', {
    conditions: and(eq('company/id', cwInt(companyId, 'Company id')), eq('cancelledFlag', false)),
    orderBy: 'name asc, id asc',
  });
  return agreements.filter(open);
}

export async function billingParents(api: CwSession, companyId: string): Promise<BillingParent[]> {
  return (await activeAgreements(api, companyId)).map((a) => ({
    id: str(a.id),
    kind: 'agreement' as const,
    name: str(a.name),
  }));
}

export async function billingTargets(api: CwSession, companyId: string): Promise<BillingTarget[]> {
  const agreements = await activeAgreements(api, companyId);
  const now = Date.now();
  const out: BillingTarget[] = [];
  for (const a of agreements) {
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

function checkQuantity(quantity: number): void {
  if (!Number.isFinite(quantity) || quantity < 0) {
    throw new PsaError('validation', 'A quantity must be a number of zero or more', {
      fields: { quantity: 'invalid' },
    });
  }
}

/** The live (not cancelled) addition of `productId` on the agreement, if any. */
async function findAddition(
  api: CwSession,
  agreement: Row,
  productId: number,
): Promise<BillingTarget | undefined> {
  const rows = await listAll(api, `finance/agreements/${str(agreement.id)}/additions`, {
    conditions: eq('product/id', productId),
    orderBy: 'id asc',
  });
  const now = Date.now();
  const hit = rows.find((d) => refId(d.product) === String(productId) && !cancelled(d, now));
  return hit ? toTarget(agreement, hit) : undefined;
}

/** The agreement a new addition goes on, checked to be the company's and open. */
async function parentAgreement(api: CwSession, companyId: string, parentId: string): Promise<Row> {
  const company = cwInt(companyId, 'Company id');
  const id = cwInt(parentId, 'Agreement id');
  const a = await api.find<Row>(`finance/agreements/${id}`);
  if (!a) throw new PsaError('not_found', `ConnectWise has no agreement ${id}`, { status: 404 });
  if (refId(a.company) !== String(company)) {
    throw new PsaError(
      'validation',
      `ConnectWise agreement "${str(a.name)}" (${id}) belongs to another company: pick one of this company's agreements`,
      { fields: { parentId: 'not an agreement of this company' } },
    );
  }
  if (!open(a)) {
    const status = a.cancelledFlag === true ? 'Cancelled' : str(a.agreementStatus);
    throw new PsaError(
      'validation',
      `ConnectWise agreement "${str(a.name)}" (${id}) is ${status.toLowerCase()}: additions go on active agreements only`,
      { fields: { parentId: 'agreement not active' } },
    );
  }
  return a;
}

/**
 * `POST finance/agreements/{id}/additions` with the product, the quantity and `billCustomer`
 * (required, §7.8), unless the agreement already has a live addition of the product. A lost reply
 * is repaired by looking for the product's addition again (src/psa/write-once.ts) before posting
 * again: ConnectWise has no idempotency keys (§2.2).
 */
export async function createBillingTarget(
  api: CwSession,
  input: NewBillingTarget,
  settleMs: number,
): Promise<BillingTarget> {
  checkQuantity(input.quantity);
  const productId = cwInt(input.productId, 'Product id');
  const agreement = await parentAgreement(api, input.companyId, input.parentId);
  const existing = await findAddition(api, agreement, productId);
  if (existing) return existing;
  const path = `finance/agreements/${str(agreement.id)}/additions`;
  const body = {
    product: { id: productId },
    quantity: input.quantity,
    // Required (§7.8); the hub adds lines to bill them.
    billCustomer: 'Billable',
    effectiveDate: `${new Date().toISOString().slice(0, 10)}T00:00:00Z`,
  };
  const find = () => findAddition(api, agreement, productId);
  return writeOnce(
    async () => {
      const saved = await api.create<Row>(path, body);
      if (saved && saved.id !== undefined) return toTarget(agreement, saved);
      const found = await find();
      if (found) return found;
      throw new PsaError('transient', 'ConnectWise accepted the addition but did not return it', {});
    },
    find,
    // As for tickets: a failure that came with an answer is over; only a silent one may still land.
    { settleMs, attempts: CREATE_ATTEMPTS, mayStillLand: (err) => err.details.status === undefined },
  );
}
