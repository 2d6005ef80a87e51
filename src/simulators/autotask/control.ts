// Autotask-specific control actions, reached as `POST /_sim/{action}` (the generic ones — reset,
// seed, records, faults, requests — live in the shared server):
//   rate-limit          {hourlyBudget?, windowMs?, threadLimit?, latencyAt50Ms?, latencyAt75Ms?,
//                        processingMs?, used?: n (add n requests to the window), reset?: true}
//                        → 200 {config, thresholdInformation}
//   expire-credentials  {} → the secret stops authenticating (401); {restore: true} → it works
//                        again; {secret: "new"} → a new secret is the valid one (rotation)
//   permissions         {remove: ["Tickets", "TicketNotes:create", …]} | {restore: true}
//                        → 200 {removed: [...]}
//   billing-companies   {count, services?: 2} → 201 {companies: [{companyId, contractId,
//                        contractServiceIds}]}: companies with a current recurring contract (billing-seed.ts)
import type { SimResponse } from '../shared/types.ts';
import { addBillingCompanies } from './billing-seed.ts';
import type { AuthState } from './auth.ts';
import type { Permissions } from './permissions.ts';
import type { AutotaskStore } from './store.ts';
import type { Limits, LimitsConfig } from './threshold.ts';

export interface ControlState {
  auth: AuthState;
  limits: Limits;
  perms: Permissions;
  originalSecret: string;
  /** The current store (reset replaces it). */
  store: () => AutotaskStore;
}

function obj(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body))
    throw new Error('the control body must be a JSON object');
  return body as Record<string, unknown>;
}

export function control(action: string, body: unknown, state: ControlState): SimResponse | undefined {
  const b = obj(body);
  switch (action) {
    case 'rate-limit': {
      const { used, reset, ...config } = b;
      if (reset === true) state.limits.reset();
      state.limits.configure(config as Partial<LimitsConfig>);
      if (used !== undefined) {
        if (typeof used !== 'number' || !Number.isInteger(used) || used < 0)
          throw new Error('used must be an integer >= 0');
        state.limits.addUsage(used);
      }
      return {
        status: 200,
        body: { config: state.limits.config, thresholdInformation: state.limits.thresholdInformation() },
      };
    }
    case 'expire-credentials': {
      if (typeof b.secret === 'string' && b.secret !== '') {
        state.auth.user.secret = b.secret;
        state.auth.secretExpired = false;
      } else {
        state.auth.secretExpired = b.restore !== true;
        if (b.restore === true) state.auth.user.secret = state.originalSecret;
      }
      return { status: 200, body: { secretExpired: state.auth.secretExpired } };
    }
    case 'permissions': {
      if (b.restore === true) state.perms.restore();
      if (b.remove !== undefined) state.perms.remove(b.remove);
      return { status: 200, body: { removed: state.perms.list() } };
    }
    case 'billing-companies':
      return { status: 201, body: { companies: addBillingCompanies(state.store(), b, new Date()) } };
    default:
      return undefined;
  }
}
