// Which handler answers an `/api/...` path. Paths are case-insensitive (reference §2: clients send
// `/client`, `/Client`, `/tickets`, `api/softwarelicence`...).
import type { SimResponse } from '../shared/types.ts';
import { actionRoutes } from './actions.ts';
import { agentDef } from './agents.ts';
import { categoryDef } from './categories.ts';
import { clientDef } from './clients.ts';
import { handleDelete, handleGet, handleList, handlePost, type Ctx, type EntityDef } from './entity.ts';
import { methodNotAllowed, notFound } from './errors.ts';
import { getFieldInfo, listFieldInfo } from './field-info.ts';
import { agentMe } from './identity.ts';
import { itemDef } from './items.ts';
import { licenceDef } from './licences.ts';
import { outcomeDef } from './outcomes.ts';
import { priorityRoutes } from './priorities.ts';
import { recurringInvoiceDef } from './recurring-invoices.ts';
import { siteDef } from './sites.ts';
import { slaDef } from './slas.ts';
import { statusDef } from './statuses.ts';
import { teamDef } from './teams.ts';
import { ticketTypeDef } from './ticket-types.ts';
import { ticketDef } from './tickets.ts';
import { userDef } from './users.ts';

export const entityDefs: EntityDef[] = [
  clientDef,
  siteDef,
  userDef,
  ticketDef,
  ticketTypeDef,
  statusDef,
  slaDef,
  categoryDef,
  teamDef,
  agentDef,
  outcomeDef,
  itemDef,
  licenceDef,
  recurringInvoiceDef,
];

const byName = new Map(entityDefs.map((d) => [d.path.toLowerCase(), d]));

export interface Route {
  /** The permission the call needs, or null. */
  permission: string | null;
  run: () => SimResponse;
}

/** The route for `/api/{segments}`, or undefined for an unknown path. */
export function resolve(ctx: Ctx, segments: string[]): Route | undefined {
  const [first = '', second, ...more] = segments;
  if (more.length > 0) return undefined;
  const name = first.toLowerCase();
  const method = ctx.req.method;
  const write = method !== 'GET';
  if (name === 'agent' && second?.toLowerCase() === 'me') {
    return { permission: null, run: () => (method === 'GET' ? agentMe(ctx) : methodNotAllowed()) };
  }
  if (name === 'fieldinfo') {
    // Definitions are read by any agent the application logs in as; changing them is configuration.
    return {
      permission: write ? 'admin' : null,
      run: () =>
        method !== 'GET'
          ? methodNotAllowed()
          : second === undefined
            ? listFieldInfo(ctx)
            : getFieldInfo(ctx, second),
    };
  }
  if (name === 'actions') {
    const permission = write ? 'edit:tickets' : 'read:tickets';
    return {
      permission,
      run: () =>
        dispatch(method, second, {
          list: () => actionRoutes.list(ctx),
          post: () => actionRoutes.post(ctx),
          get: (id) => actionRoutes.get(ctx, id),
          remove: (id) => actionRoutes.remove(ctx, id),
        }),
    };
  }
  if (name === 'priority') {
    return {
      permission: write ? 'admin' : null,
      run: () =>
        dispatch(method, second, {
          list: () => priorityRoutes.list(ctx),
          post: () => priorityRoutes.post(ctx),
          get: (id) => priorityRoutes.get(ctx, id),
          remove: (id) => priorityRoutes.remove(ctx, id),
        }),
    };
  }
  const def = byName.get(name);
  if (!def) return undefined;
  const sub = second === undefined ? undefined : def.sub?.[second.toLowerCase()];
  if (sub) {
    return {
      permission: def.writePermission,
      run: () => (method === 'POST' ? sub(ctx) : methodNotAllowed()),
    };
  }
  return {
    permission: write ? def.writePermission : def.readPermission,
    run: () =>
      dispatch(method, second, {
        list: () => handleList(def, ctx),
        post: () => handlePost(def, ctx),
        get: (id) => handleGet(def, ctx, id),
        remove: (id) => handleDelete(def, ctx, id),
      }),
  };
}

interface Handlers {
  list: () => SimResponse;
  post: () => SimResponse;
  get: (id: string) => SimResponse;
  remove: (id: string) => SimResponse;
}

function dispatch(method: string, id: string | undefined, h: Handlers): SimResponse {
  if (id === undefined) {
    if (method === 'GET') return h.list();
    if (method === 'POST') return h.post();
    return methodNotAllowed();
  }
  if (method === 'GET') return h.get(id);
  if (method === 'DELETE') return h.remove(id);
  // There is no PUT or PATCH: updates are POSTed arrays (reference §2).
  if (method === 'POST') return notFound();
  return methodNotAllowed();
}
