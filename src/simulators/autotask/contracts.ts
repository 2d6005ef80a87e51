// Recurring-service contracts (reference §4.5, DOC ContractServicesEntity / ContractServiceUnitsEntity /
// ContractServiceAdjustmentsEntity / RecurringSerContractEntityRelation):
// - a ContractService attaches a Service to a Recurring Service contract (contractType 7) and gets
//   one ContractServiceUnits row per billing period of the contract;
// - a ContractServiceAdjustment changes the units from its effective date: the period holding that
//   date is split (new row from the effective date to the period end) and every later period moves
//   by `unitChange`; when no ContractService matches contractID + serviceID it is created first;
// - adjustments can only be created, and cannot touch a period already approved and posted.
// Not documented, chosen here: a ContractService created directly starts at 1 unit (the UI's default
// quantity); one created by an adjustment starts at 0 before the change applies.
import { entityByName } from './entities.ts';
import { AutotaskError } from './errors.ts';
import type { EntityHooks, WriteContext } from './hooks.ts';
import type { EntityDef, Row } from './model.ts';

export const RECURRING_SERVICE_CONTRACT = 7;

/** contractPeriodType picklist value → months per billing period (seed picklist). */
const PERIOD_MONTHS: Record<string, number> = { '1': 1, '2': 3, '3': 6, '4': 12 };

const DAY = 86_400_000;

function dayStart(iso: string): number {
  const d = new Date(iso);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate());
}

/** Billing periods [start, end] (end inclusive, both at midnight UTC) covering the contract. */
export function contractPeriods(contract: Row): [number, number][] {
  const months = PERIOD_MONTHS[String(contract.contractPeriodType ?? '1')] ?? 1;
  const start = dayStart(String(contract.startDate));
  const end = dayStart(String(contract.endDate));
  const periods: [number, number][] = [];
  for (let from = start; from <= end && periods.length < 600; from = addMonths(from, months)) {
    periods.push([from, Math.min(addMonths(from, months) - DAY, end)]);
  }
  return periods;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Unit rows for a new ContractService (exported for the seed generator). */
export function unitRows(contract: Row, service: Row, units: number): Omit<Row, 'id'>[] {
  return contractPeriods(contract).map(([from, to]) => ({
    contractID: contract.id,
    contractServiceID: service.id,
    serviceID: service.serviceID,
    startDate: iso(from),
    endDate: iso(to),
    units,
    price: service.unitPrice ?? null,
    internalCurrencyPrice: service.unitPrice ?? null,
    cost: service.unitCost ?? null,
    approveAndPostDate: null,
    organizationalLevelAssociationID: null,
    vendorCompanyID: null,
  }));
}

function insertUnits(ctx: WriteContext, contract: Row, service: Row, units: number): void {
  const table = ctx.store.table('ContractServiceUnits');
  for (const row of unitRows(contract, service, units)) {
    // A leading null id keeps `id` the first key of the stored row (the table assigns the value).
    table.insert({ id: null, ...row, userDefinedFields: [] } as unknown as Row);
  }
}

export const contractServiceHooks: EntityHooks = {
  beforeCreate(ctx, row) {
    const service = ctx.store.table('Services').get(Number(row.serviceID));
    if (service && (row.unitCost === null || row.unitCost === undefined))
      row.unitCost = service.unitCost ?? null;
    row.internalCurrencyUnitPrice = row.unitPrice ?? null;
    row.internalCurrencyAdjustedPrice = row.adjustedPrice ?? null;
  },
  beforeUpdate(_ctx, row) {
    row.internalCurrencyAdjustedPrice = row.adjustedPrice ?? null;
  },
  validate(ctx, row, before) {
    if (before) return [];
    const errors: string[] = [];
    const contract = ctx.store.table('Contracts').get(Number(row.contractID));
    if (contract && contract.contractType !== RECURRING_SERVICE_CONTRACT) {
      errors.push('Services can only be added to Recurring Service contracts.');
    }
    const dup = ctx.store
      .table('ContractServices')
      .find((s) => s.contractID === row.contractID && s.serviceID === row.serviceID);
    if (dup)
      errors.push(
        `Service ${String(row.serviceID)} is already associated with contract ${String(row.contractID)}.`,
      );
    return errors;
  },
  afterCreate(ctx, row) {
    const contract = ctx.store.table('Contracts').get(Number(row.contractID));
    if (contract) insertUnits(ctx, contract, row, 1);
  },
};

/** Apply a validated adjustment row (contractID, serviceID, unitChange, effectiveDate set). */
export function createAdjustment(ctx: WriteContext, adj: Row): Row {
  const { store } = ctx;
  const errors: string[] = [];
  let contractService: Row | undefined;
  if (adj.contractServiceID !== null && adj.contractServiceID !== undefined) {
    contractService = store.table('ContractServices').get(Number(adj.contractServiceID));
    if (!contractService)
      throw new AutotaskError(
        `Value ${String(adj.contractServiceID)} for field contractServiceID does not match an existing ContractService.`,
      );
    if (
      adj.contractID !== null &&
      adj.contractID !== undefined &&
      adj.contractID !== contractService.contractID
    ) {
      errors.push('contractID does not match the contract of contractServiceID.');
    }
    adj.contractID = contractService.contractID;
    adj.serviceID = contractService.serviceID;
  } else if (
    adj.contractID === null ||
    adj.contractID === undefined ||
    adj.serviceID === null ||
    adj.serviceID === undefined
  ) {
    throw new AutotaskError('Either contractServiceID or both contractID and serviceID are required.');
  }
  const contract = store.table('Contracts').get(Number(adj.contractID));
  if (!contract)
    throw new AutotaskError(
      `Value ${String(adj.contractID)} for field contractID does not match an existing Contract.`,
    );
  const service = store.table('Services').get(Number(adj.serviceID));
  if (!service)
    throw new AutotaskError(
      `Value ${String(adj.serviceID)} for field serviceID does not match an existing Service.`,
    );
  if (contract.contractType !== RECURRING_SERVICE_CONTRACT)
    errors.push('Adjustments can only be made to Recurring Service contracts.');
  const effective = dayStart(String(adj.effectiveDate));
  if (effective < dayStart(String(contract.startDate)) || effective > dayStart(String(contract.endDate))) {
    errors.push('The effective date must fall between the contract start and end dates.');
  }
  const change = Number(adj.unitChange);
  contractService ??= store
    .table('ContractServices')
    .find((s) => s.contractID === contract.id && s.serviceID === service.id);
  const units = store.table('ContractServiceUnits');
  const existingId = contractService?.id;
  const rows = existingId === undefined ? [] : units.all().filter((u) => u.contractServiceID === existingId);
  for (const u of rows) {
    const start = dayStart(String(u.startDate));
    const end = dayStart(String(u.endDate));
    if (end >= effective && u.approveAndPostDate) {
      errors.push('Adjustments cannot be applied to a period that has already been approved and posted.');
      break;
    }
    if (end >= effective && Number(u.units) + change < 0 && start <= effective) {
      errors.push(
        `The adjustment would make the units of the period starting ${String(u.startDate).slice(0, 10)} negative.`,
      );
      break;
    }
  }
  if (!contractService && change < 0) errors.push('The adjustment would make the units negative.');
  if (errors.length > 0) throw new AutotaskError(errors);

  if (!contractService) {
    const created = store.table('ContractServices').insert(
      store.complete(defOf(ctx), {
        contractID: contract.id,
        serviceID: service.id,
        unitPrice: adj.adjustedUnitPrice ?? service.unitPrice ?? 0,
        unitCost: adj.adjustedUnitCost ?? service.unitCost ?? null,
        internalCurrencyUnitPrice: adj.adjustedUnitPrice ?? service.unitPrice ?? 0,
        invoiceDescription: service.invoiceDescription ?? null,
      }) as Row,
    );
    contractService = created;
    insertUnits(ctx, contract, created, 0);
  }
  const cs = contractService;
  for (const u of units.all().filter((r) => r.contractServiceID === cs.id)) {
    const start = dayStart(String(u.startDate));
    const end = dayStart(String(u.endDate));
    if (end < effective) continue;
    const price = adj.adjustedUnitPrice ?? u.price;
    const cost = adj.adjustedUnitCost ?? u.cost;
    if (start >= effective) {
      units.put({ ...u, units: Number(u.units) + change, price, internalCurrencyPrice: price, cost });
    } else {
      units.put({ ...u, endDate: iso(effective - DAY) });
      units.insert({
        ...u,
        startDate: iso(effective),
        units: Number(u.units) + change,
        price,
        internalCurrencyPrice: price,
        cost,
      });
    }
  }
  return store
    .table('ContractServiceAdjustments')
    .insert({ ...adj, contractServiceID: cs.id, userDefinedFields: [] } as Row);
}

function defOf(_ctx: WriteContext): EntityDef {
  const d = entityByName('ContractServices');
  if (!d) throw new Error('no ContractServices entity');
  return d;
}
