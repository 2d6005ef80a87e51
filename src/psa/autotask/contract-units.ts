// Contract services and their units (reference §4.5): target ids, the units row covering today, and
// the unit rule. Shared by listing targets, reading their state and writing them.
import { PsaError } from '../errors.ts';
import { f, queryAll, type Filter } from './query.ts';
import type { AutotaskSession } from './session.ts';
import { dayStart, str, type Row } from './wire.ts';

export const RECURRING_SERVICE = 7;
export const ACTIVE = 1;

export interface ContractServiceRef {
  contractID: number;
  serviceID: number;
  contractServiceID: number;
}

/** `contractID.serviceID.contractServiceID`: everything an adjustment needs, without a look-up. */
export function targetId(contractId: string, serviceId: string, contractServiceId: string): string {
  return `${contractId}.${serviceId}.${contractServiceId}`;
}

/** The parts of a target id, or undefined when it is not one this connector gives out. */
export function parseTargetId(id: string): ContractServiceRef | undefined {
  const m = /^(\d{1,10})\.(\d{1,10})\.(\d{1,10})$/.exec(id.trim());
  return m
    ? { contractID: Number(m[1]), serviceID: Number(m[2]), contractServiceID: Number(m[3]) }
    : undefined;
}

export function parseTarget(id: string): ContractServiceRef {
  const t = parseTargetId(id);
  if (!t)
    throw new PsaError('validation', `"${id}" is not an Autotask contract service`, {
      fields: { targetId: 'not an Autotask contract service' },
    });
  return t;
}

/** Autotask dates are UTC, sometimes written without a zone (reference §4.3). */
export function time(v: unknown): number {
  const s = str(v);
  return Date.parse(/Z|[+-]\d\d:\d\d$/.test(s) ? s : `${s}Z`);
}

/** The units row covering `now`: the latest that started by now and has not ended before today. */
export function currentRow(rows: Row[], now: Date): Row | undefined {
  const today = Date.parse(dayStart(now));
  return rows
    .filter((r) => time(r.startDate) <= now.getTime() && time(r.endDate) >= today)
    .sort((a, b) => time(a.startDate) - time(b.startDate))
    .at(-1);
}

/** ContractServiceUnits rows matching `filter` whose period overlaps today. */
export function unitRows(api: AutotaskSession, filter: Filter[], now: Date): Promise<Row[]> {
  return queryAll(api, 'ContractServiceUnits', [
    ...filter,
    f.lte('startDate', now.toISOString()),
    f.gte('endDate', dayStart(now)),
  ]);
}

export function checkUnits(quantity: number): void {
  if (!Number.isInteger(quantity) || quantity < 0)
    throw new PsaError('validation', 'Autotask contract service units must be a whole number, 0 or more', {
      fields: { quantity: 'whole number ≥ 0' },
    });
}
