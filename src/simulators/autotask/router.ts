// URL routing for `/ATServicesRest/V1.0/…` (SPEC path patterns, reference §6): every segment is
// matched case-insensitively (reference §1.1: `ATServicesRest`, `atservicesrest`, `V1.0`, `v1.0`
// all seen working). Routes per entity:
//   POST|PATCH|PUT /{E}                         create / update (top-level writes only)
//   GET ?search= | POST  /{E}/query             query;  …/query/count;  …/query/next (page links)
//   GET /{E}/entityInformation[/fields|/userDefinedFields]
//   GET|DELETE /{E}/{id}
//   GET|POST|PATCH|PUT /{P}/{pid}/{Child};  GET|DELETE /{P}/{pid}/{Child}/{id};  child entityInformation
// A path no controller serves is a framework 404 `{"Message":…}`; a wrong verb a framework 405.
import type { SimRequest, SimResponse } from '../shared/types.ts';
import { childEntity, entityByName } from './entities.ts';
import { entityFields, entityInformation, userDefinedFields } from './entity-info.ts';
import { AutotaskError, noResource, wrongVerb } from './errors.ts';
import type { WriteContext } from './hooks.ts';
import type { EntityDef } from './model.ts';
import type { Permissions } from './permissions.ts';
import { MAX_RECORDS, followPage, queryCount, queryPage } from './query.ts';
import type { Limits } from './threshold.ts';
import { createRecord, deleteRecord, updateRecord } from './writes.ts';

export interface RouteContext extends WriteContext {
  perms: Permissions;
  limits: Limits;
}

const isId = (s: string | undefined): s is string => s !== undefined && /^-?\d+$/.test(s);

/** Route an authenticated `/V1.0/…` request; `rest` are the segments after `V1.0`. */
export function route(ctx: RouteContext, req: SimRequest, rest: string[]): SimResponse {
  const method = req.method;
  const notFound = () => noResource(req.origin, req.path, req.query);
  const [first = '', second, third, fourth] = rest;
  if (first.toLowerCase() === 'thresholdinformation' && rest.length === 1) {
    return method === 'GET' ? { status: 200, body: ctx.limits.thresholdInformation() } : wrongVerb(method);
  }
  const entity = entityByName(first);
  if (!entity) return notFound();
  if (rest.length === 1) return writeRoute(ctx, req, entity, undefined) ?? notFound();
  const s2 = (second ?? '').toLowerCase();
  if (s2 === 'query') {
    if (!entity.canQuery) return notFound();
    return queryRoute(ctx, req, entity, rest.slice(2)) ?? notFound();
  }
  if (s2 === 'entityinformation') return infoRoute(ctx, req, entity, rest.slice(2)) ?? notFound();
  if (!isId(second)) return notFound();
  const id = Number(second);
  if (rest.length === 2) {
    if (method === 'GET') {
      if (!entity.getById || !entity.canQuery) return notFound();
      ctx.perms.require(entity.name, 'query');
      return getOne(ctx, entity, id);
    }
    if (method === 'DELETE' && entity.canDelete && !entity.parent) {
      ctx.perms.require(entity.name, 'delete');
      return deleteRecord(ctx, entity, id);
    }
    return wrongVerb(method);
  }
  const child = childEntity(entity, third ?? '');
  if (!child) return notFound();
  if (rest.length === 3) {
    if (method === 'GET') {
      if (!child.canQuery) return wrongVerb(method);
      ctx.perms.require(child.name, 'query');
      return childList(ctx, child, id);
    }
    return writeRoute(ctx, req, child, id) ?? wrongVerb(method);
  }
  if ((fourth ?? '').toLowerCase() === 'entityinformation') {
    return infoRoute(ctx, req, child, rest.slice(4)) ?? notFound();
  }
  if (!isId(fourth) || rest.length !== 4) return notFound();
  const childId = Number(fourth);
  if (method === 'GET' && child.canQuery && child.getById) {
    ctx.perms.require(child.name, 'query');
    const row = ctx.store.table(child.name).get(childId);
    if (!row || row[child.parent?.field ?? ''] !== id) return { status: 404, body: { item: null } };
    return { status: 200, body: { item: row } };
  }
  if (method === 'DELETE' && child.canDelete) {
    ctx.perms.require(child.name, 'delete');
    return deleteRecord(ctx, child, childId, id);
  }
  return wrongVerb(method);
}

/** `GET /{E}/{id}` → `{"item":…}`, or 404 for a missing id (reference §5.2). */
function getOne(ctx: RouteContext, entity: EntityDef, id: number): SimResponse {
  const row = ctx.store.table(entity.name).get(id);
  return row ? { status: 200, body: { item: row } } : { status: 404, body: { item: null } };
}

function childList(ctx: RouteContext, child: EntityDef, parentId: number): SimResponse {
  if (child.parent && !ctx.store.table(child.parent.entity).has(parentId)) {
    throw new AutotaskError(`Unable to find the parent with id ${parentId}.`);
  }
  const field = child.parent?.field ?? '';
  const items = ctx.store
    .table(child.name)
    .all()
    .filter((r) => r[field] === parentId)
    .slice(0, MAX_RECORDS);
  return {
    status: 200,
    body: {
      items,
      pageDetails: { count: items.length, requestCount: MAX_RECORDS, prevPageUrl: null, nextPageUrl: null },
    },
  };
}

function writeRoute(
  ctx: RouteContext,
  req: SimRequest,
  entity: EntityDef,
  parentId: number | undefined,
): SimResponse | undefined {
  const viaParent = parentId !== undefined;
  const method = req.method;
  if (method === 'POST') {
    // ContractServiceAdjustments are the one entity created both ways (SPEC paths).
    const allowed = entity.canCreate && (viaParent ? !!entity.parent : entity.topLevelCreate);
    if (!allowed) return wrongVerb(method);
    ctx.perms.require(entity.name, 'create');
    return createRecord(ctx, entity, req.body, parentId, req.rawBody);
  }
  if (method === 'PATCH' || method === 'PUT') {
    const allowed = entity.canUpdate && (viaParent ? !!entity.parent : entity.topLevelUpdate);
    if (!allowed) return wrongVerb(method);
    ctx.perms.require(entity.name, 'update');
    return updateRecord(ctx, entity, req.body, method, parentId, req.rawBody);
  }
  if (viaParent) return undefined;
  return wrongVerb(method);
}

function queryRoute(
  ctx: RouteContext,
  req: SimRequest,
  entity: EntityDef,
  rest: string[],
): SimResponse | undefined {
  const method = req.method;
  const tail = rest.map((s) => s.toLowerCase()).join('/');
  if (method !== 'GET' && method !== 'POST') return wrongVerb(method);
  ctx.perms.require(entity.name, 'query');
  const search =
    method === 'GET'
      ? searchParam(req)
      : req.body === undefined && req.rawBody !== ''
        ? invalidBody()
        : req.body;
  if (tail === '') return queryPage(ctx.store, entity, search, method, req.origin);
  if (tail === 'count') return queryCount(ctx.store, entity, search);
  if (tail === 'next') return followPage(ctx.store, entity, method, req.query, req.body, req.origin);
  return undefined;
}

function searchParam(req: SimRequest): string | undefined {
  const key = [...req.query.keys()].find((k) => k.toLowerCase() === 'search');
  const value = key === undefined ? undefined : req.query.get(key);
  if ((value === undefined || value === null) && !req.path.toLowerCase().endsWith('/next')) {
    throw new AutotaskError('The search parameter is required.');
  }
  return value ?? undefined;
}

function invalidBody(): never {
  throw new AutotaskError('The request body is not valid JSON.');
}

function infoRoute(
  ctx: RouteContext,
  req: SimRequest,
  entity: EntityDef,
  rest: string[],
): SimResponse | undefined {
  if (req.method !== 'GET') return wrongVerb(req.method);
  const tail = rest.map((s) => s.toLowerCase()).join('/');
  if (tail === '') return entityInformation(entity, ctx.store, ctx.perms);
  if (tail === 'fields') return entityFields(entity, ctx.store);
  if (tail === 'userdefinedfields') return userDefinedFields(entity, ctx.store);
  return undefined;
}
