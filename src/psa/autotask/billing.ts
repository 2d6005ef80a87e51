// Billing targets: the services on a company's active Recurring Service contracts (contractType 7)
// with their units in the period covering today (reference §4.5). Units are read-only
// (ContractServiceUnits); a quantity is set by posting a ContractServiceAdjustment for the
// difference, effective today, which splits the current period. A new target is a ContractService
// (`POST Contracts/{id}/Services`, priced from the Service) whose units are then set the same way.
import { PsaError } from '../errors.ts';
import type { BillingParent, BillingTarget, NewBillingTarget } from '../types.ts';
import { writeOnce } from '../write-once.ts';
import { writeLine } from './billing-lines.ts';
import {
  ACTIVE,
  RECURRING_SERVICE,
  checkUnits,
  currentRow,
  targetId,
  time,
  unitRows,
} from './contract-units.ts';
import { chunks, f, queryAll } from './query.ts';
import type { AutotaskSession } from './session.ts';
import { dayStart, idOf, str, toInt, type Row } from './wire.ts';

/** How many times a ContractService is posted, at most, when replies get lost. */
const CREATE_ATTEMPTS = 3;
/** How long to wait before looking a second time for a ContractService whose reply was lost. */
export const SETTLE_MS = 1_000;

/** The company's active Recurring Service contracts: where contract services live. */
function openContracts(api: AutotaskSession, companyId: string): Promise<Row[]> {
  return queryAll(api, 'Contracts', [
    f.eq('companyID', toInt(companyId, 'Company id')),
    f.eq('contractType', RECURRING_SERVICE),
    f.eq('status', ACTIVE),
  ]);
}

const contractName = (c: Row | undefined, id: string): string => str(c?.contractName) || `Contract ${id}`;

export async function billingParents(api: AutotaskSession, companyId: string): Promise<BillingParent[]> {
  return (await openContracts(api, companyId)).map((c) => ({
    id: idOf(c.id),
    kind: 'contract' as const,
    name: contractName(c, idOf(c.id)),
  }));
}

/** One contract service as a target, with the units of its row covering `now`. */
function toTarget(
  contract: Row | undefined,
  cs: Row,
  serviceName: string | undefined,
  units: Row[],
  now: Date,
): BillingTarget {
  const name = contractName(contract, idOf(cs.contractID));
  const what = serviceName || str(cs.invoiceDescription) || `Service ${idOf(cs.serviceID)}`;
  const row = currentRow(
    units.filter((u) => idOf(u.contractServiceID) === idOf(cs.id)),
    now,
  );
  return {
    id: targetId(idOf(cs.contractID), idOf(cs.serviceID), idOf(cs.id)),
    kind: 'contract_service',
    label: `${name} → ${what}`,
    productId: `service:${idOf(cs.serviceID)}`,
    quantity: Number(row?.units ?? 0),
    parent: { id: idOf(cs.contractID), name },
  };
}

export async function billingTargets(
  api: AutotaskSession,
  companyId: string,
  now = new Date(),
): Promise<BillingTarget[]> {
  const contracts = await openContracts(api, companyId);
  if (contracts.length === 0) return [];
  const contractIds = contracts.map((c) => Number(c.id));
  const services: Row[] = [];
  const units: Row[] = [];
  for (const ids of chunks(contractIds)) {
    services.push(...(await queryAll(api, 'ContractServices', [f.in('contractID', ids)])));
    units.push(...(await unitRows(api, [f.in('contractID', ids)], now)));
  }
  const serviceIds = [...new Set(services.map((s) => Number(s.serviceID)))];
  const names = new Map<string, string>();
  for (const ids of chunks(serviceIds))
    for (const s of await queryAll(api, 'Services', [f.in('id', ids)], { includeFields: ['id', 'name'] }))
      names.set(idOf(s.id), str(s.name));
  const contractById = new Map(contracts.map((c) => [idOf(c.id), c]));
  return services.map((cs) =>
    toTarget(contractById.get(idOf(cs.contractID)), cs, names.get(idOf(cs.serviceID)), units, now),
  );
}

/** `service:25` (as listProducts gives it) or `25` → 25; Products cannot go on a contract. */
function serviceIdOf(productId: string): number {
  const m = /^(?:service:)?(\d{1,18})$/.exec(productId.trim());
  if (!m)
    throw new PsaError(
      'validation',
      /^product:/.test(productId.trim())
        ? 'Only Autotask Services can be added to a Recurring Service contract: map the plan to a Service, not a Product'
        : `"${productId}" is not an Autotask service`,
      { fields: { productId: 'not an Autotask service' } },
    );
  return Number(m[1]);
}

/** The contract a new service goes on: the company's, Recurring Service, active, covering today. */
async function parentContract(
  api: AutotaskSession,
  companyId: string,
  parentId: string,
  now: Date,
): Promise<Row> {
  const company = toInt(companyId, 'Company id');
  const id = toInt(parentId, 'Contract id');
  const c = await api.item('Contracts', id);
  if (!c) throw new PsaError('not_found', `Autotask has no contract ${id}`, { status: 404 });
  const name = contractName(c, String(id));
  const refuse = (why: string, field: string) =>
    new PsaError('validation', `Autotask contract "${name}" (${id}) ${why}`, { fields: { parentId: field } });
  if (idOf(c.companyID) !== String(company))
    throw refuse(
      "belongs to another company: pick one of this company's contracts",
      'not a contract of this company',
    );
  if (Number(c.contractType) !== RECURRING_SERVICE)
    throw refuse(
      'is not a Recurring Service contract: services go on those only',
      'not a recurring service contract',
    );
  if (Number(c.status) !== ACTIVE) throw refuse('is not active', 'contract not active');
  const today = Date.parse(dayStart(now));
  if (time(c.startDate) > now.getTime() || time(c.endDate) < today)
    throw refuse('does not cover today: check its start and end dates', 'contract not current');
  return c;
}

async function findContractService(
  api: AutotaskSession,
  contractID: number,
  serviceID: number,
): Promise<Row | undefined> {
  const rows = await queryAll(api, 'ContractServices', [
    f.eq('contractID', contractID),
    f.eq('serviceID', serviceID),
  ]);
  return rows.find(
    (r) => idOf(r.contractID) === String(contractID) && idOf(r.serviceID) === String(serviceID),
  );
}

async function targetOf(
  api: AutotaskSession,
  contract: Row,
  cs: Row,
  serviceName: string,
  now: Date,
): Promise<BillingTarget> {
  const units = await unitRows(api, [f.eq('contractServiceID', Number(cs.id))], now);
  return toTarget(contract, cs, serviceName, units, now);
}

/**
 * Add a Service to a contract: `POST Contracts/{id}/Services` with `unitPrice` from the Service
 * (required, reference §4.5), then its units set by adjustment as `writeBillingLine` does, since a
 * ContractService holds no units. When the contract already has the service, that target is
 * answered unchanged. A lost reply is repaired by looking for the ContractService again
 * (src/psa/write-once.ts) before posting again; the units step repairs itself the same way.
 */
export async function createBillingTarget(
  api: AutotaskSession,
  input: NewBillingTarget,
  opts: { now?: Date; settleMs?: number } = {},
): Promise<BillingTarget> {
  const now = opts.now ?? new Date();
  checkUnits(input.quantity);
  const serviceID = serviceIdOf(input.productId);
  const contract = await parentContract(api, input.companyId, input.parentId, now);
  const contractID = Number(contract.id);
  const service = await api.item('Services', serviceID);
  if (!service) throw new PsaError('not_found', `Autotask has no service ${serviceID}`, { status: 404 });
  const serviceName = str(service.name);
  const existing = await findContractService(api, contractID, serviceID);
  if (existing) return targetOf(api, contract, existing, serviceName, now);
  if (service.isActive === false)
    throw new PsaError('validation', `The Autotask service "${serviceName}" (${serviceID}) is inactive`, {
      fields: { productId: 'inactive service' },
    });
  const body = { contractID, serviceID, unitPrice: Number(service.unitPrice ?? 0) };
  const created = await writeOnce(
    () => api.create(`Contracts/${contractID}/Services`, body, 'ContractServices'),
    () => findContractService(api, contractID, serviceID),
    { settleMs: opts.settleMs ?? SETTLE_MS, attempts: CREATE_ATTEMPTS },
  );
  // The create answers the id only (§4.1); the body holds all a target needs.
  const cs: Row = typeof created === 'number' ? { ...body, id: created } : created;
  await writeLine(
    api,
    targetId(String(contractID), String(serviceID), idOf(cs.id)),
    { quantity: input.quantity },
    { now, settleMs: opts.settleMs },
  );
  return targetOf(api, contract, cs, serviceName, now);
}
