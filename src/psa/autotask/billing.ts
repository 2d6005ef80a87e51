// Billing targets: the services on a company's active Recurring Service contracts (contractType 7)
// with their units in the period covering today (reference §4.5). Units are read-only
// (ContractServiceUnits); a quantity is set by posting a ContractServiceAdjustment for the
// difference, effective today, which splits the current period.
import { PsaError } from '../errors.ts';
import type { BillingTarget, QuantityChange } from '../types.ts';
import { chunks, f, queryAll } from './query.ts';
import type { AutotaskSession } from './session.ts';
import { dayStart, idOf, str, toInt, type Row } from './wire.ts';

const RECURRING_SERVICE = 7;
const ACTIVE = 1;

/** `contractID.serviceID.contractServiceID`: everything an adjustment needs, without a look-up. */
export function targetId(contractId: string, serviceId: string, contractServiceId: string): string {
  return `${contractId}.${serviceId}.${contractServiceId}`;
}

function parseTarget(id: string): { contractID: number; serviceID: number; contractServiceID: number } {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(id.trim());
  if (!m)
    throw new PsaError('validation', `"${id}" is not an Autotask contract service`, {
      fields: { targetId: 'not an Autotask contract service' },
    });
  return { contractID: Number(m[1]), serviceID: Number(m[2]), contractServiceID: Number(m[3]) };
}

/** Autotask dates are UTC, sometimes written without a zone (reference §4.3). */
function time(v: unknown): number {
  const s = str(v);
  return Date.parse(/Z|[+-]\d\d:\d\d$/.test(s) ? s : `${s}Z`);
}

/** The units row covering `now`: the latest that started by now and has not ended before today. */
function currentRow(rows: Row[], now: Date): Row | undefined {
  const today = Date.parse(dayStart(now));
  return rows
    .filter((r) => time(r.startDate) <= now.getTime() && time(r.endDate) >= today)
    .sort((a, b) => time(a.startDate) - time(b.startDate))
    .at(-1);
}

async function unitRows(api: AutotaskSession, filter: ReturnType<typeof f.eq>[], now: Date): Promise<Row[]> {
  return queryAll(api, 'ContractServiceUnits', [
    ...filter,
    f.lte('startDate', now.toISOString()),
    f.gte('endDate', dayStart(now)),
  ]);
}

export async function billingTargets(
  api: AutotaskSession,
  companyId: string,
  now = new Date(),
): Promise<BillingTarget[]> {
  const contracts = await queryAll(api, 'Contracts', [
    f.eq('companyID', toInt(companyId, 'Company id')),
    f.eq('contractType', RECURRING_SERVICE),
    f.eq('status', ACTIVE),
  ]);
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
  return services.map((cs) => {
    const contract = contractById.get(idOf(cs.contractID));
    const contractName = str(contract?.contractName) || `Contract ${idOf(cs.contractID)}`;
    const serviceName =
      names.get(idOf(cs.serviceID)) || str(cs.invoiceDescription) || `Service ${idOf(cs.serviceID)}`;
    const row = currentRow(
      units.filter((u) => idOf(u.contractServiceID) === idOf(cs.id)),
      now,
    );
    return {
      id: targetId(idOf(cs.contractID), idOf(cs.serviceID), idOf(cs.id)),
      kind: 'contract_service' as const,
      label: `${contractName} → ${serviceName}`,
      productId: `service:${idOf(cs.serviceID)}`,
      quantity: Number(row?.units ?? 0),
      parent: { id: idOf(cs.contractID), name: contractName },
    };
  });
}

async function currentUnits(api: AutotaskSession, contractServiceID: number, now: Date): Promise<number> {
  const row = currentRow(await unitRows(api, [f.eq('contractServiceID', contractServiceID)], now), now);
  if (!row)
    throw new PsaError(
      'validation',
      'This Autotask contract service has no billing period covering today: check the contract dates',
      { fields: { targetId: 'no current period' } },
    );
  return Number(row.units ?? 0);
}

/**
 * Set the units of a contract service: `POST ContractServiceAdjustments` with `unitChange` the
 * difference, effective today. A lost reply is repaired by reading the units again: if they
 * already show the target, the adjustment went through.
 */
export async function setBillingQuantity(
  api: AutotaskSession,
  id: string,
  quantity: number,
  now = new Date(),
): Promise<QuantityChange> {
  if (!Number.isInteger(quantity) || quantity < 0)
    throw new PsaError('validation', 'Autotask contract service units must be a whole number, 0 or more', {
      fields: { quantity: 'whole number ≥ 0' },
    });
  const t = parseTarget(id);
  const previous = await currentUnits(api, t.contractServiceID, now);
  if (previous === quantity) return { previous, current: quantity };
  const body = {
    contractID: t.contractID,
    serviceID: t.serviceID,
    unitChange: quantity - previous,
    effectiveDate: dayStart(now),
  };
  for (let attempt = 1; ; attempt++) {
    try {
      await api.create('ContractServiceAdjustments', body, 'ContractServiceAdjustments');
      break;
    } catch (err) {
      if (!(err instanceof PsaError) || err.kind !== 'transient') throw err;
      const seen = await currentUnits(api, t.contractServiceID, now);
      if (seen === quantity) break;
      if (seen !== previous || attempt >= 3) throw err;
    }
  }
  return { previous, current: await currentUnits(api, t.contractServiceID, now) };
}
