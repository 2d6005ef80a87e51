// The ConnectWise control actions, reached as `POST /_sim/{action}` (see docs/simulators/connectwise.md):
//   rate-limit          {requests, perSeconds, retryAfter?} | {} to lift   → 429 + Retry-After past it
//   expire-credentials  {} | {restore: true}                            → the keys answer 401
//   permissions         {remove: ["Module.Function[:level]"]} | {restore: true} → 403 and mySecurity
//   auth-failure-status {status: 404 | 401}                             → cloud answers bad auth with 404 [S1]
//   billing-companies   {count, products?: 2}                             → companies with an agreement and additions
import type { SimResponse } from '../shared/types.ts';
import { addBillingCompanies } from './billing-seed.ts';
import type { Throttle } from './rate-limit.ts';
import { applyRemovals, keyOf, type Removals } from './security.ts';
import type { Store } from './store.ts';

export interface ControlState {
  store: Store;
  throttle: Throttle;
  removals: Removals;
  expired: boolean;
  authFailureStatus: 401 | 404;
}

function obj(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

export function control(state: ControlState, action: string, rawBody: unknown): SimResponse | undefined {
  const body = obj(rawBody);
  switch (action) {
    case 'rate-limit': {
      if (body.requests === undefined) {
        state.throttle.set(undefined);
        return { status: 200, body: { rateLimit: null } };
      }
      const requests = Number(body.requests);
      const perSeconds = Number(body.perSeconds ?? 60);
      if (!Number.isInteger(requests) || requests < 0 || !(perSeconds > 0))
        throw new Error('rate-limit needs {requests: integer >= 0, perSeconds: number > 0}');
      const retryAfter = body.retryAfter === undefined ? undefined : Number(body.retryAfter);
      state.throttle.set({ requests, perSeconds, ...(retryAfter === undefined ? {} : { retryAfter }) });
      return { status: 200, body: { rateLimit: state.throttle.limit } };
    }
    case 'expire-credentials':
      state.expired = body.restore !== true;
      return { status: 200, body: { expired: state.expired } };
    case 'permissions': {
      const known = new Set(state.store.table('securityRoleSettings').all().map(keyOf));
      if (body.restore === true) state.removals.clear();
      if (body.remove !== undefined) applyRemovals(state.removals, body.remove, known);
      return {
        status: 200,
        body: {
          removed: [...state.removals].map(([k, levels]) => ({ function: k, levels: [...levels] })),
          known: [...known],
        },
      };
    }
    case 'auth-failure-status': {
      const status = Number(body.status ?? 401);
      if (status !== 401 && status !== 404) throw new Error('auth-failure-status takes {status: 401 | 404}');
      state.authFailureStatus = status;
      return { status: 200, body: { authFailureStatus: status } };
    }
    case 'billing-companies':
      return { status: 201, body: { companies: addBillingCompanies(state.store, body) } };
    default:
      return undefined;
  }
}
