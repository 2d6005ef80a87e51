// Billing lines of contract services (reference §4.5): their state read for many targets in a few
// IN-list queries, and written with only what differs. Units are read-only (ContractServiceUnits),
// so a quantity is a ContractServiceAdjustment of the difference, effective today; price and
// description are a PATCH of the ContractService.
import { PsaError } from '../errors.ts';
import { checkPrices, numOrNull, type LineWritten } from '../billing-line.ts';
import type { BillingLineWrite, BillingTargetState } from '../types.ts';
import { writeOnce } from '../write-once.ts';
import {
  ACTIVE,
  RECURRING_SERVICE,
  checkUnits,
  currentRow,
  parseTarget,
  parseTargetId,
  unitRows,
  type ContractServiceRef,
} from './contract-units.ts';
import { chunks, f, queryAll } from './query.ts';
import type { AutotaskSession } from './session.ts';
import { dayStart, idOf, str, type Row } from './wire.ts';

/** How long to wait before reading the units a second time after an adjustment's reply was lost. */
export const SETTLE_MS = 1_000;

interface LineRecord {
  contract: Row | undefined;
  cs: Row | undefined;
  row: Row | undefined;
}

/** Contracts, contract services and today's units of these targets: three queries per 400 targets. */
async function readRecords(
  api: AutotaskSession,
  refs: ContractServiceRef[],
  now: Date,
): Promise<Map<number, LineRecord>> {
  const csIds = [...new Set(refs.map((r) => r.contractServiceID))];
  const contractIds = [...new Set(refs.map((r) => r.contractID))];
  const services: Row[] = [];
  const units: Row[] = [];
  const contracts = new Map<string, Row>();
  for (const ids of chunks(contractIds))
    for (const c of await queryAll(api, 'Contracts', [f.in('id', ids)], {
      includeFields: ['status', 'contractType'],
    }))
      contracts.set(idOf(c.id), c);
  for (const ids of chunks(csIds)) {
    services.push(...(await queryAll(api, 'ContractServices', [f.in('id', ids)])));
    units.push(...(await unitRows(api, [f.in('contractServiceID', ids)], now)));
  }
  // Indexed, as a benchmark reads thousands of targets at once.
  const serviceById = new Map(services.map((s) => [idOf(s.id), s]));
  const unitsByService = new Map<string, Row[]>();
  for (const u of units) {
    const key = idOf(u.contractServiceID);
    unitsByService.set(key, [...(unitsByService.get(key) ?? []), u]);
  }
  const out = new Map<number, LineRecord>();
  for (const ref of refs) {
    const s = serviceById.get(String(ref.contractServiceID));
    const matches =
      idOf(s?.contractID) === String(ref.contractID) && idOf(s?.serviceID) === String(ref.serviceID);
    out.set(ref.contractServiceID, {
      cs: matches ? s : undefined,
      contract: contracts.get(String(ref.contractID)),
      row: currentRow(unitsByService.get(String(ref.contractServiceID)) ?? [], now),
    });
  }
  return out;
}

/** Live: the service is on an active Recurring Service contract with a period covering today. */
const live = (r: LineRecord | undefined): r is Required<{ [K in keyof LineRecord]: Row }> =>
  !!r?.cs &&
  !!r.row &&
  Number(r.contract?.status) === ACTIVE &&
  Number(r.contract?.contractType) === RECURRING_SERVICE;

function stateOf(id: string, r: { cs: Row; row: Row }): BillingTargetState {
  return {
    id,
    quantity: Number(r.row.units ?? 0),
    // `adjustedPrice` overrides `unitPrice` once set (reference §4.5, DOC ContractServicesEntity).
    unitPrice: numOrNull(r.cs.adjustedPrice) ?? numOrNull(r.cs.unitPrice),
    unitCost: numOrNull(r.cs.unitCost),
    description: str(r.cs.invoiceDescription) || null,
  };
}

export async function readBillingTargets(
  api: AutotaskSession,
  targetIds: string[],
  now = new Date(),
): Promise<Map<string, BillingTargetState>> {
  // An id this connector never gives out names nothing that can exist: absent, like a gone one.
  const refs = new Map<string, ContractServiceRef>();
  for (const id of targetIds) {
    const ref = parseTargetId(id);
    if (ref) refs.set(id, ref);
  }
  const out = new Map<string, BillingTargetState>();
  if (refs.size === 0) return out;
  const records = await readRecords(api, [...refs.values()], now);
  for (const [id, ref] of refs) {
    const r = records.get(ref.contractServiceID);
    if (live(r)) out.set(id, stateOf(id, r));
  }
  return out;
}

function checkLine(line: BillingLineWrite): void {
  checkUnits(line.quantity);
  checkPrices(line);
}

/** The line as Autotask holds it now, or why it cannot be written. */
async function readLine(api: AutotaskSession, id: string, ref: ContractServiceRef, now: Date) {
  const r = (await readRecords(api, [ref], now)).get(ref.contractServiceID);
  if (!r?.cs)
    throw new PsaError(
      'not_found',
      `Autotask has no contract service ${ref.contractServiceID} on contract ${ref.contractID}`,
      {
        status: 404,
      },
    );
  if (Number(r.contract?.status) !== ACTIVE)
    throw new PsaError(
      'validation',
      `Autotask contract ${ref.contractID} is not active: its services cannot change`,
      {
        fields: { targetId: 'contract not active' },
      },
    );
  if (!r.row)
    throw new PsaError(
      'validation',
      'This Autotask contract service has no billing period covering today: check the contract dates',
      { fields: { targetId: 'no current period' } },
    );
  return stateOf(id, { cs: r.cs, row: r.row });
}

async function currentUnits(
  api: AutotaskSession,
  ref: ContractServiceRef,
  now: Date,
): Promise<number | undefined> {
  const row = currentRow(await unitRows(api, [f.eq('contractServiceID', ref.contractServiceID)], now), now);
  return row ? Number(row.units ?? 0) : undefined;
}

/**
 * `POST ContractServiceAdjustments` with `unitChange` the difference, effective today. The change
 * is a delta, so a lost reply is repaired by reading the units again (src/psa/write-once.ts): at the
 * target, it went through; still where they were, post again; anything else, someone else changed
 * them and the delta is stale — a conflict for the caller to read again.
 */
async function adjustUnits(
  api: AutotaskSession,
  ref: ContractServiceRef,
  previous: number,
  quantity: number,
  now: Date,
  settleMs: number,
): Promise<void> {
  const body = {
    contractID: ref.contractID,
    serviceID: ref.serviceID,
    unitChange: quantity - previous,
    effectiveDate: dayStart(now),
  };
  await writeOnce(
    () => api.create('ContractServiceAdjustments', body, 'ContractServiceAdjustments'),
    async () => {
      const seen = await currentUnits(api, ref, now);
      if (seen === quantity) return seen;
      if (seen !== previous)
        throw new PsaError(
          'conflict',
          `The units of Autotask contract service ${ref.contractServiceID} changed while the hub was writing them (${previous} → ${String(seen)}); it will read them again`,
          {},
        );
      return undefined;
    },
    { settleMs },
  );
}

/**
 * Write what differs: description and price by `PATCH Contracts/{id}/Services` (on update only
 * `adjustedPrice` and `invoiceDescription` are writable — reference §4.5, DOC ContractServicesEntity;
 * the 2020 Swagger model does not list `adjustedPrice`), then the units by adjustment. Unit cost is
 * not writable on a ContractService, so a different one is refused before anything is written.
 */
export async function writeLine(
  api: AutotaskSession,
  id: string,
  line: BillingLineWrite,
  opts: { now?: Date; settleMs?: number } = {},
): Promise<LineWritten> {
  const now = opts.now ?? new Date();
  checkLine(line);
  const ref = parseTarget(id);
  const before = await readLine(api, id, ref, now);
  if (line.unitCost !== undefined && line.unitCost !== before.unitCost)
    throw new PsaError(
      'validation',
      "Autotask does not let the API change a contract service's unit cost (only its adjusted price and invoice description): change the cost on the Service or in Autotask",
      { fields: { unitCost: 'not writable on a contract service' } },
    );
  const patch: Row = {};
  if (line.unitPrice !== undefined && line.unitPrice !== before.unitPrice)
    patch.adjustedPrice = line.unitPrice;
  if (line.description !== undefined && line.description !== (before.description ?? ''))
    patch.invoiceDescription = line.description;
  const patching = Object.keys(patch).length > 0;
  if (patching)
    await api.request(
      'PATCH',
      `Contracts/${ref.contractID}/Services`,
      { body: { id: ref.contractServiceID, ...patch } },
      { entity: 'ContractServices', verb: 'update' },
    );
  const adjusting = line.quantity !== before.quantity;
  if (adjusting) await adjustUnits(api, ref, before.quantity, line.quantity, now, opts.settleMs ?? SETTLE_MS);
  if (!patching && !adjusting) return { before, after: before };
  return { before, after: await readLine(api, id, ref, now) };
}
