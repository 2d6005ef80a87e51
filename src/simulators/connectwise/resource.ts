// Generic handlers for one entity: list (conditions, childConditions, customFieldConditions, orderBy,
// fields, paging), `/count`, `POST /search`, get, POST 201, PUT, PATCH and DELETE 204
// (reference §2.1, §3, §5 [S1, S2, S4]). Entity rules live in the EntityDef hooks.
import type { SimResponse } from '../shared/types.ts';
import {
  compileChildConditions,
  compileConditions,
  compileCustomFieldConditions,
  type Predicate,
  type Row,
} from './conditions.ts';
import { fail, fieldError, invalidObject, notFound, type ValidationError } from './errors.ts';
import type { Ctx, EntityDef } from './entity.ts';
import { parseFields, project } from './fields.ts';
import { compileOrderBy } from './order-by.ts';
import { paginate } from './paging.ts';
import { applyPatch } from './patch.ts';
import { lookupRef, makeRef, REF_KINDS } from './references.ts';
import { schemaNamed } from './schema.ts';
import type { Rec } from './store.ts';
import { validateFields } from './validate.ts';

export interface ListQuery {
  conditions: string | null;
  childConditions: string | null;
  customFieldConditions: string | null;
  orderBy: string | null;
  fields: string | null;
}

/** Query parameter names are matched case-insensitively (S1 writes `childconditions`). */
export function param(query: URLSearchParams, name: string): string | null {
  const lower = name.toLowerCase();
  for (const [k, v] of query) if (k.toLowerCase() === lower) return v;
  return null;
}

function parentIdOf(def: EntityDef, row: Rec): number | undefined {
  if (!def.parent) return undefined;
  const v = row[def.parent.field];
  return typeof v === 'number' ? v : (v as Rec | undefined)?.id;
}

export function loadParent(def: EntityDef, ctx: Ctx, parentId: number | undefined): Rec | undefined {
  if (!def.parent || parentId === undefined) return undefined;
  const parent = ctx.store.table(def.parent.table).get(parentId);
  if (!parent) notFound(def.parent.label, parentId);
  return parent;
}

/** The stored row as the API shows it: references rebuilt from their targets, `_info` links added. */
export function hydrate(def: EntityDef, row: Rec, ctx: Ctx): Rec {
  const out: Rec = { ...row };
  for (const [field, ref] of Object.entries(def.refs ?? {})) {
    const rebuild = (value: unknown): unknown => {
      const id = (value as Rec | null)?.id;
      if (typeof id !== 'number') return value;
      const target = ctx.store.table(REF_TABLE(ref.kind)).get(id);
      return target ? makeRef(ref.kind, target, ctx.base) : value;
    };
    const value = out[field];
    if (value === undefined || value === null) continue;
    out[field] = ref.array && Array.isArray(value) ? value.map(rebuild) : rebuild(value);
  }
  const parentKind = def.parent?.kind;
  const parentRef = def.parent ? (out[def.parent.field] as Rec | undefined) : undefined;
  if (parentKind && typeof parentRef?.id === 'number') {
    const target = ctx.store.table(REF_TABLE(parentKind)).get(parentRef.id);
    if (target) out[def.parent!.field] = makeRef(parentKind, target, ctx.base);
  }
  def.view?.(out, ctx);
  out._info = { ...(row._info as Record<string, string> | undefined), ...def.hrefs?.(row, ctx.base) };
  // Fields in the model's order, and only the model's fields, as the real serializer writes them.
  const ordered: Rec = { id: out.id };
  for (const key of Object.keys(schemaNamed(def.schema).properties ?? {}))
    if (out[key] !== undefined) ordered[key] = out[key];
  return ordered;
}

const REF_TABLE = (kind: keyof typeof REF_KINDS): string => REF_KINDS[kind].table;

function allRows(def: EntityDef, ctx: Ctx, parentId: number | undefined): Rec[] {
  const rows = def.rows ? def.rows(ctx) : ctx.store.table(def.table).all();
  return rows.filter((r) => parentId === undefined || parentIdOf(def, r) === parentId);
}

function filters(def: EntityDef, q: ListQuery): Predicate[] {
  const out: Predicate[] = [];
  if (q.conditions) out.push(compileConditions(q.conditions, def.schema));
  if (q.childConditions) out.push(compileChildConditions(q.childConditions, def.schema));
  if (q.customFieldConditions) out.push(compileCustomFieldConditions(q.customFieldConditions));
  const hidden = def.hiddenUnless;
  if (hidden && !(q.conditions ?? '').toLowerCase().includes(hidden.field.toLowerCase()))
    out.push((row) => !hidden.test(row as Rec));
  return out;
}

/**
 * The entity's rows as the API shows them, kept until the next write anywhere (references make
 * every table depend on others). Callers must not mutate the returned rows.
 */
function hydratedRows(def: EntityDef, ctx: Ctx, parentId: number | undefined): Rec[] {
  if (def.rows) return allRows(def, ctx, parentId).map((r) => hydrate(def, r, ctx));
  const key = `${def.path}|${parentId ?? ''}|${ctx.base}`;
  const cached = ctx.store.views.get(key);
  if (cached && cached.version === ctx.store.version) return cached.rows;
  if (ctx.store.views.size > 500) ctx.store.views.clear();
  const rows = allRows(def, ctx, parentId).map((r) => hydrate(def, r, ctx));
  ctx.store.views.set(key, { version: ctx.store.version, rows });
  return rows;
}

export function listRows(def: EntityDef, ctx: Ctx, parentId: number | undefined, q: ListQuery): Rec[] {
  const preds = filters(def, q);
  const order = compileOrderBy(q.orderBy, def.schema);
  const rows = hydratedRows(def, ctx, parentId).filter((r) => preds.every((p) => p(r as Row)));
  return order ? rows.sort(order) : rows;
}

export function listResponse(
  def: EntityDef,
  ctx: Ctx,
  parentId: number | undefined,
  q: ListQuery,
  page: { origin: string; path: string; query: URLSearchParams; forwardOnly: boolean },
): SimResponse {
  if (page.forwardOnly && q.orderBy)
    fail(400, 'InvalidObject', 'orderBy is not supported with forward-only pagination.');
  const rows = listRows(def, ctx, parentId, q);
  const paged = paginate(rows, page);
  const fields = parseFields(q.fields);
  return { status: 200, body: paged.rows.map((r) => project(r, fields)), headers: paged.headers };
}

export function getOne(def: EntityDef, ctx: Ctx, parentId: number | undefined, id: number): Rec {
  const row = def.rows ? def.rows(ctx).find((r) => r.id === id) : ctx.store.table(def.table).get(id);
  if (!row || (parentId !== undefined && parentIdOf(def, row) !== parentId)) notFound(def.label, id);
  return row;
}

function resolveRefs(def: EntityDef, row: Rec, ctx: Ctx): ValidationError[] {
  const errors: ValidationError[] = [];
  for (const [field, ref] of Object.entries(def.refs ?? {})) {
    const value = row[field];
    if (value === undefined || value === null) continue;
    const scope = ref.scope?.(row, ctx);
    const one = (v: unknown): unknown => {
      const target = lookupRef(ctx.store, ref.kind, v, scope);
      if (target === undefined) return null;
      if (target === null) {
        const exists = scope ? lookupRef(ctx.store, ref.kind, v) : null;
        const message = exists && ref.scopeMessage ? ref.scopeMessage(row) : `The ${field} was not found.`;
        errors.push(fieldError('InvalidField', def.resource, field, message));
        return v;
      }
      return makeRef(ref.kind, target, ctx.base);
    };
    if (ref.array) {
      if (!Array.isArray(value))
        errors.push(fieldError('InvalidField', def.resource, field, `The field ${field} must be an array.`));
      else row[field] = value.map(one);
    } else row[field] = one(value);
  }
  return errors;
}

function checkUnique(def: EntityDef, ctx: Ctx, row: Rec): ValidationError[] {
  const errors: ValidationError[] = [];
  for (const field of def.unique ?? []) {
    const value = row[field];
    if (typeof value !== 'string') continue;
    const clash = ctx.store
      .table(def.table)
      .find(
        (r) =>
          r.id !== row.id &&
          parentIdOf(def, r) === parentIdOf(def, row) &&
          String(r[field]).toLowerCase() === value.toLowerCase(),
      );
    if (clash)
      errors.push(fieldError('ObjectExists', def.resource, field, `The ${field} '${value}' already exists.`));
  }
  return errors;
}

/** Shared by POST, PUT and PATCH: resolve, default, validate, then store. */
function save(def: EntityDef, ctx: Ctx, input: Rec, existing: Rec | undefined, parent: Rec | undefined): Rec {
  const row = input;
  if (def.parent && parent) {
    row[def.parent.field] = def.parent.kind ? makeRef(def.parent.kind, parent, ctx.base) : parent.id;
  }
  for (const field of def.computed ?? []) {
    if (existing && field in existing) row[field] = existing[field];
    else delete row[field];
  }
  def.defaults?.(row, ctx, existing);
  const errors = resolveRefs(def, row, ctx);
  errors.push(...(def.prepare?.(row, ctx, existing, parent) ?? []));
  errors.push(...validateFields(row, def.schema, def.resource, existing ? def.requiredOnUpdate : []));
  errors.push(...checkUnique(def, ctx, row));
  if (errors.length > 0) invalidObject(def.resource, errors);
  const info = (existing?._info as Record<string, string> | undefined) ?? {};
  const by = String(ctx.member.identifier);
  row._info = {
    lastUpdated: ctx.now,
    updatedBy: by,
    dateEntered: info.dateEntered ?? ctx.now,
    enteredBy: info.enteredBy ?? by,
  };
  // Null and unset fields are left out of the JSON, as the real server does.
  for (const [k, v] of Object.entries(row)) if (v === undefined || v === null) delete row[k];
  return ctx.store.table(def.table).put(row);
}

function bodyObject(def: EntityDef, body: unknown): Rec {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    fail(400, 'InvalidObject', `${def.resource} object is invalid`, [
      fieldError('InvalidObject', def.resource, '', 'The request body must be a JSON object.'),
    ]);
  const copy = structuredClone(body) as Rec;
  delete (copy as Record<string, unknown>).id;
  delete (copy as Record<string, unknown>)._info;
  return copy;
}

export function create(def: EntityDef, ctx: Ctx, parentId: number | undefined, body: unknown): Rec {
  const parent = loadParent(def, ctx, parentId);
  const input = bodyObject(def, body);
  const table = ctx.store.table(def.table);
  const provisional = table.insert({}); // reserve the id the way an identity column would
  table.delete(provisional.id);
  input.id = provisional.id;
  const saved = save(def, ctx, input, undefined, parent);
  def.afterCreate?.(saved, ctx, body as Record<string, unknown>);
  return hydrate(def, ctx.store.table(def.table).get(saved.id)!, ctx);
}

export function replace(
  def: EntityDef,
  ctx: Ctx,
  parentId: number | undefined,
  id: number,
  body: unknown,
): Rec {
  const parent = loadParent(def, ctx, parentId);
  const existing = getOne(def, ctx, parentId, id);
  const input = bodyObject(def, body);
  input.id = id;
  return hydrate(def, save(def, ctx, input, existing, parent ?? undefined), ctx);
}

export function patch(def: EntityDef, ctx: Ctx, parentId: number | undefined, id: number, ops: unknown): Rec {
  const parent = loadParent(def, ctx, parentId);
  const existing = getOne(def, ctx, parentId, id);
  const next = applyPatch(existing, ops, schemaNamed(def.schema), def.resource) as Rec;
  next.id = id;
  return hydrate(def, save(def, ctx, next, existing, parent), ctx);
}

export function remove(def: EntityDef, ctx: Ctx, parentId: number | undefined, id: number): void {
  loadParent(def, ctx, parentId);
  const row = getOne(def, ctx, parentId, id);
  const reason = def.inUse?.(row, ctx);
  if (reason) fail(409, 'InUse', reason);
  if (def.remove) def.remove(row, ctx);
  else ctx.store.table(def.table).delete(id);
}
