// What every simulated Halo entity provides, and the generic handlers built on it:
// `GET /api/{Entity}` (list), `GET /api/{Entity}/{id}`, `POST /api/{Entity}` with an array (an item
// without `id`, or with `id: 0`, creates; one with an id updates only the fields sent — reference §2),
// `DELETE /api/{Entity}/{id}`.
import type { SimRequest, SimResponse } from '../shared/types.ts';
import { mergeCustomFields } from './custom-fields.ts';
import { HaloError, notFound, ruleError } from './errors.ts';
import { pickSchema, readArrayBody } from './input.ts';
import { listBody, type ListShape } from './listing.ts';
import { Query } from './query.ts';
import type { Row } from './seed-types.ts';
import type { HaloState } from './state.ts';
import { asId, jsonResponse } from './wire.ts';

export interface Ctx {
  state: HaloState;
  q: Query;
  req: SimRequest;
  /** The agent the API application logs in as. */
  agentId: number;
}

export interface EntityDef {
  /** Path segment as Halo spells it (`Client`); routes match it case-insensitively. */
  path: string;
  /** SPEC-2024 schema of the entity (`Area`); responses carry only its properties. */
  schema: string;
  /** Permission a read needs (`read:customers`), or null. */
  readPermission: string | null;
  /** Permission a write needs (`edit:customers`, `admin`). */
  writePermission: string;
  list: ListShape;
  /** Rows the list returns for this query, before search/order/paging. */
  rows(ctx: Ctx): Row[];
  get(ctx: Ctx, id: number): Row | undefined;
  /** The row as the API returns it (derived names, wire quirks). */
  toWire(row: Row, ctx: Ctx): Record<string, unknown>;
  /**
   * Validate one posted item (converted to the schema's types) and return the function that
   * stores it; throw a HaloError to reject the whole POST.
   */
  prepare(item: Record<string, unknown>, existing: Row | undefined, ctx: Ctx, index: number): () => Row;
  remove(ctx: Ctx, row: Row): void;
  /** Extra routes below the entity (`Agent/me`, `RecurringInvoice/updatelines`). */
  sub?: Record<string, (ctx: Ctx) => SimResponse>;
}

export function wire(def: EntityDef, row: Row, ctx: Ctx): Record<string, unknown> {
  return pickSchema(def.schema, def.toWire(row, ctx));
}

export function handleList(def: EntityDef, ctx: Ctx): SimResponse {
  const body = listBody(def.rows(ctx), ctx.q, def.list, ctx.state.settings.default_page_size, (r) =>
    wire(def, r, ctx),
  );
  return jsonResponse(200, body);
}

export function handleGet(def: EntityDef, ctx: Ctx, idText: string): SimResponse {
  const id = asId(idText);
  const row = id === undefined ? undefined : def.get(ctx, id);
  return row === undefined ? notFound() : jsonResponse(200, wire(def, row, ctx));
}

export function handleDelete(def: EntityDef, ctx: Ctx, idText: string): SimResponse {
  const id = asId(idText);
  const row = id === undefined ? undefined : def.get(ctx, id);
  if (row === undefined) return notFound();
  const shown = wire(def, row, ctx);
  def.remove(ctx, row);
  // N8N treats a DELETE answer carrying an `id` as success (reference §2 "DELETE").
  return jsonResponse(200, shown);
}

/** Whether an item creates (no id, or id 0 — reference §2). */
export function isCreate(item: Record<string, unknown>): boolean {
  return item.id === undefined || item.id === null || item.id === 0;
}

export function handlePost(def: EntityDef, ctx: Ctx): SimResponse {
  const items = readArrayBody(ctx.req.body, ctx.req.rawBody, def.schema, def.schema);
  if (items.length === 0) throw ruleError('No records were supplied.');
  // Validate every item before storing any, so a rejected POST leaves nothing half-written.
  const commits = items.map((item, i) => {
    let existing: Row | undefined;
    if (!isCreate(item)) {
      existing = def.get(ctx, item.id as number);
      // Reference §10 item 5: an unknown id on update is a 400 [uncertain].
      if (existing === undefined) throw ruleError(`${def.path} with ID ${String(item.id)} does not exist.`);
    }
    if (item.customfields !== undefined && item.customfields !== null) {
      item.customfields = mergeCustomFields(existing?.customfields, item.customfields);
    }
    return def.prepare(item, existing, ctx, i);
  });
  const saved = commits.map((commit) => wire(def, commit(), ctx));
  return jsonResponse(201, postAnswer(saved, ctx.q));
}

/**
 * One object posted → that object (reference §2, [obs] DRMM/PY-CLOSE; SPEC-2025 `201`). Several →
 * the first, unless `returnall=true` (PSMOD `-ReturnAll`) asks for all [inferred, §11 item 3].
 */
export function postAnswer(saved: unknown[], q: Query): unknown {
  if (saved.length > 1 && q.bool('returnall') === true) return saved;
  return saved[0];
}

export function newCtx(state: HaloState, req: SimRequest, agentId: number): Ctx {
  return { state, q: new Query(req.query), req, agentId };
}

/** Helper for prepare(): the value posted for a field, else the stored one. */
export function pick(item: Record<string, unknown>, existing: Row | undefined, field: string): unknown {
  return field in item ? item[field] : existing?.[field];
}

/** Helper for prepare(): a required non-empty string. */
export function requireText(
  item: Record<string, unknown>,
  existing: Row | undefined,
  field: string,
  label: string,
): string {
  const v = pick(item, existing, field);
  if (typeof v !== 'string' || v.trim() === '') throw ruleError(`Please enter a ${label}.`);
  return v;
}

/** Helper for prepare(): an id that must name an existing record when set (> 0). */
export function requireRef(
  value: unknown,
  exists: (id: number) => boolean,
  what: string,
  opts: { allowNone?: boolean } = {},
): number | undefined {
  if (value === undefined || value === null) return undefined;
  const id = asId(value);
  if (id === undefined) throw ruleError(`Invalid ${what} ID.`);
  if (opts.allowNone !== false && (id === -1 || id === 0)) return undefined;
  if (!exists(id)) throw ruleError(`${what} ${id} does not exist.`);
  return id;
}

export { HaloError };
