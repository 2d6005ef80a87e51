// Dispatches one authenticated `apis/3.0` call to the generic entity handlers, after the
// security-role check (reference §2.1 methods and statuses [S1, S2]).
import type { SimRequest, SimResponse } from '../shared/types.ts';
import { fail } from './errors.ts';
import type { Ctx } from './entity.ts';
import {
  create,
  getOne,
  hydrate,
  listResponse,
  loadParent,
  listRows,
  param,
  patch,
  remove,
  replace,
  type ListQuery,
} from './resource.ts';
import { header } from './auth.ts';
import { parseFields, project } from './fields.ts';
import type { Matched } from './routes.ts';
import { checkPermission, type Removals } from './security.ts';

function listQuery(query: URLSearchParams): ListQuery {
  return {
    conditions: param(query, 'conditions'),
    childConditions: param(query, 'childConditions'),
    customFieldConditions: param(query, 'customFieldConditions'),
    orderBy: param(query, 'orderBy'),
    fields: param(query, 'fields'),
  };
}

const ALLOWED: Record<Matched['action'], string[]> = {
  collection: ['GET', 'POST'],
  count: ['GET'],
  search: ['POST'],
  item: ['GET', 'PUT', 'PATCH', 'DELETE'],
};

function allowedMethods(action: Matched['action'], searchable: boolean): string[] {
  return action === 'search' && !searchable ? [] : ALLOWED[action];
}

function methodNotAllowed(method: string): never {
  fail(405, 'MethodNotAllowed', `The requested resource does not support http method '${method}'.`);
}

export function dispatch(m: Matched, req: SimRequest, ctx: Ctx, removals: Removals): SimResponse {
  const { def, action, parentId, id } = m;
  const method = req.method;
  const allowed = allowedMethods(action, def.search === true);
  const writable = !def.readOnly && !(method === 'DELETE' && def.noDelete);
  if (!allowed.includes(method) || (method !== 'GET' && action !== 'search' && !writable)) {
    if (allowed.length === 0) fail(404, 'NotFound', `No route matches ${req.path}`);
    methodNotAllowed(method);
  }
  if (def.security !== '') checkPermission(def, action === 'search' ? 'GET' : method, ctx, removals);
  if (!def.rows) loadParent(def, ctx, parentId);
  const fields = parseFields(param(req.query, 'fields'));
  const forwardOnly = (header(req.headers, 'pagination-type') ?? '').toLowerCase() === 'forward-only';
  const page = { origin: req.origin, path: req.path, query: req.query, forwardOnly };

  if (action === 'collection' && method === 'GET')
    return listResponse(def, ctx, parentId, listQuery(req.query), page);
  if (action === 'count') {
    const q = { ...listQuery(req.query), orderBy: null };
    return { status: 200, body: { count: listRows(def, ctx, parentId, q).length } };
  }
  if (action === 'search') {
    // Body FilterValues {conditions, orderBy, childconditions, customfieldconditions} [S6]; keys any case.
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (typeof body !== 'object' || Array.isArray(body))
      fail(400, 'InvalidObject', 'filterValues object is invalid');
    const get = (name: string): string | null => {
      const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
      const v = key === undefined ? undefined : body[key];
      return typeof v === 'string' ? v : null;
    };
    const q: ListQuery = {
      conditions: get('conditions'),
      childConditions: get('childConditions'),
      customFieldConditions: get('customFieldConditions'),
      orderBy: get('orderBy'),
      fields: param(req.query, 'fields'),
    };
    const res = listResponse(def, ctx, parentId, q, page);
    return { ...res, status: 200 };
  }
  if (action === 'collection' && method === 'POST') {
    return { status: 201, body: project(create(def, ctx, parentId, req.body ?? parseFailure(req)), fields) };
  }
  const itemId = id!;
  switch (method) {
    case 'GET':
      return { status: 200, body: project(hydrate(def, getOne(def, ctx, parentId, itemId), ctx), fields) };
    case 'PUT':
      return { status: 200, body: replace(def, ctx, parentId, itemId, req.body ?? parseFailure(req)) };
    case 'PATCH':
      return { status: 200, body: patch(def, ctx, parentId, itemId, req.body ?? parseFailure(req)) };
    default:
      remove(def, ctx, parentId, itemId);
      return { status: 204 };
  }
}

/** A body that is missing or not JSON. */
function parseFailure(req: SimRequest): never {
  fail(
    400,
    'InvalidObject',
    req.rawBody === '' ? 'The request body is empty.' : 'The request body is not valid JSON.',
  );
}
