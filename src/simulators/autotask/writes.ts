// Create, update and delete (reference §4.1, DOC REST_Creating_Resources_POST / REST_Updating_Data_PATCH
// / REST_Updating_Data_PUT / REST_Delete_Operation): every success is HTTP 200 `{"itemId": n}`;
// PATCH changes only the supplied properties, PUT sets omitted writable fields to null; the id of an
// update travels in the body, not the URL; child entities are written under their parent's URL.
// Read-only fields in a body are ignored; failures are HTTP 500 `{"errors":[…]}`.
import type { SimResponse } from '../shared/types.ts';
import { contractServiceHooks, createAdjustment } from './contracts.ts';
import { NO_MATCHING_RECORDS, AutotaskError } from './errors.ts';
import { prop } from './filter.ts';
import type { EntityHooks, WriteContext } from './hooks.ts';
import type { EntityDef, Row } from './model.ts';
import { ticketHooks, ticketNoteHooks } from './tickets.ts';
import { bindBody, mergeUdfs, validateRow } from './validate.ts';

const hooks: Record<string, EntityHooks> = {
  Tickets: ticketHooks,
  TicketNotes: ticketNoteHooks,
  ContractServices: contractServiceHooks,
};

const itemId = (id: number): SimResponse => ({ status: 200, body: { itemId: id } });

/** Entity defaults the server applies when a create omits them (the UI's defaults). */
const createDefaults: Record<string, Record<string, unknown>> = {
  Companies: { isActive: true },
  Services: { isActive: true },
  Products: { isActive: true },
  ConfigurationItems: {},
};

/** Server-maintained timestamps and creator fields, wherever the entity has them read-only. */
function stamp(ctx: WriteContext, entity: EntityDef, row: Row, creating: boolean): void {
  const now = ctx.now().toISOString();
  const readOnly = new Set(entity.fields.filter((f) => f.isReadOnly).map((f) => f.name));
  const set = (name: string, value: unknown) => {
    if (readOnly.has(name)) row[name] = value;
  };
  if (creating) {
    set('createDate', now);
    set('createdByResourceID', ctx.apiResourceId);
    set('creatorResourceID', ctx.apiResourceId);
    if (ctx.impersonatorId !== undefined) set('impersonatorCreatorResourceID', ctx.impersonatorId);
  } else if (ctx.impersonatorId !== undefined) {
    set('impersonatorUpdaterResourceID', ctx.impersonatorId);
  }
  set('lastActivityDate', now);
  set('lastModifiedDate', now);
  set('lastTrackedModifiedDateTime', now);
  set('updateResourceID', ctx.apiResourceId);
}

/** The parent id from the URL goes into the parent field; a conflicting body value is an error. */
function applyParent(entity: EntityDef, values: Record<string, unknown>, parentId: number | undefined): void {
  if (parentId === undefined || !entity.parent) return;
  const field = entity.parent.field;
  const given = values[field];
  if (given !== undefined && given !== null && given !== parentId) {
    throw new AutotaskError(
      `The ${field} in the request body (${String(given)}) does not match the parent id in the URL (${parentId}).`,
    );
  }
  values[field] = parentId;
}

function ensureParent(ctx: WriteContext, entity: EntityDef, parentId: number | undefined): void {
  if (parentId === undefined || !entity.parent) return;
  if (!ctx.store.table(entity.parent.entity).has(parentId)) {
    const parentSingular = entity.parent.entity.replace(/s$/, '').replace(/ie$/, 'y');
    throw new AutotaskError(`Unable to find the parent ${parentSingular} with id ${parentId}.`);
  }
}

export function createRecord(
  ctx: WriteContext,
  entity: EntityDef,
  body: unknown,
  parentId?: number,
  raw = '',
): SimResponse {
  ensureParent(ctx, entity, parentId);
  const { values, udfs } = bindBody(entity, body, raw);
  applyParent(entity, values, parentId);
  const row: Row = ctx.store.complete(entity, { ...(createDefaults[entity.name] ?? {}) });
  const changed = new Set<string>();
  for (const f of entity.fields) {
    if (f.isReadOnly || !(f.name in values)) continue;
    row[f.name] = values[f.name];
    changed.add(f.name);
  }
  if (entity.name === 'ContractServiceAdjustments') {
    const errors = validateRow(ctx.store, entity, row, new Set(['effectiveDate', 'unitChange']));
    if (errors.length > 0) throw new AutotaskError(errors);
    const { id: _id, ...rest } = row;
    return itemId(createAdjustment(ctx, { id: 0, ...rest }).id);
  }
  row.userDefinedFields = mergeUdfs(ctx.store, entity, [], udfs, true);
  stamp(ctx, entity, row, true);
  const h = hooks[entity.name];
  h?.beforeCreate?.(ctx, row);
  const errors = [
    ...validateRow(ctx.store, entity, row, changed),
    ...(h?.validate?.(ctx, row, undefined) ?? []),
  ];
  if (errors.length > 0) throw new AutotaskError(errors);
  // Keep the (null) id key so the stored row lists id first, as the API does.
  const stored = ctx.store.table(entity.name).insert(row as Omit<Row, 'id'>);
  h?.afterCreate?.(ctx, stored);
  return itemId(stored.id);
}

export function updateRecord(
  ctx: WriteContext,
  entity: EntityDef,
  body: unknown,
  mode: 'PATCH' | 'PUT',
  parentId?: number,
  raw = '',
): SimResponse {
  ensureParent(ctx, entity, parentId);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AutotaskError(`The request body must be a JSON ${entity.singular} object.`);
  }
  const rawId = prop(body as Record<string, unknown>, 'id');
  const id =
    typeof rawId === 'number'
      ? rawId
      : typeof rawId === 'string' && /^\d+$/.test(rawId)
        ? Number(rawId)
        : undefined;
  if (id === undefined) throw new AutotaskError(`An id is required to update a ${entity.singular}.`);
  const { values, udfs } = bindBody(entity, body, raw);
  const table = ctx.store.table(entity.name);
  const before = table.get(id);
  const parentField = entity.parent?.field;
  if (!before || (parentId !== undefined && parentField && before[parentField] !== parentId)) {
    throw new AutotaskError(NO_MATCHING_RECORDS.replace('delete the data', 'update the data'));
  }
  if (parentId !== undefined && parentField) values[parentField] = parentId;
  const writable = entity.fields.filter(
    (f) =>
      !f.isReadOnly &&
      f.name !== 'id' &&
      (entity.updatableFields ? entity.updatableFields.includes(f.name) : f.name !== parentField),
  );
  const row: Row = { ...before };
  const changed = new Set<string>();
  for (const f of writable) {
    if (f.name in values) {
      row[f.name] = values[f.name];
      if (values[f.name] !== before[f.name]) changed.add(f.name);
    } else if (mode === 'PUT') {
      row[f.name] = null;
    }
  }
  row.userDefinedFields = mergeUdfs(ctx.store, entity, before.userDefinedFields ?? [], udfs, mode === 'PUT');
  stamp(ctx, entity, row, false);
  const h = hooks[entity.name];
  h?.beforeUpdate?.(ctx, row, before);
  const errors = [
    ...validateRow(ctx.store, entity, row, changed),
    ...(h?.validate?.(ctx, row, before) ?? []),
  ];
  if (errors.length > 0) throw new AutotaskError(errors);
  table.put(row);
  h?.afterUpdate?.(ctx, row, before);
  return itemId(id);
}

export function deleteRecord(
  ctx: WriteContext,
  entity: EntityDef,
  id: number,
  parentId?: number,
): SimResponse {
  const table = ctx.store.table(entity.name);
  const row = table.get(id);
  const parentField = entity.parent?.field;
  if (!row || (parentId !== undefined && parentField && row[parentField] !== parentId)) {
    throw new AutotaskError(NO_MATCHING_RECORDS);
  }
  table.delete(id);
  return itemId(id);
}
