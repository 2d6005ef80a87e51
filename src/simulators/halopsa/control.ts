// Control actions reached as `POST /_sim/{action}` (documented in docs/simulators/halopsa.md):
//   rate-limit          {requests, perSeconds, retryAfter?}  the rolling budget (default 300 / 300 s)
//   token-lifetime      {seconds}                            `expires_in` of tokens issued from now on
//   expire-token        {}                                   every token issued so far answers 401
//   expire-credentials  {} | {restore: true}                 the client secret stops (or resumes) working
//   permissions         {remove: [...]} | {restore: true}    take scopes away from the application
//   status              {}                                   the current settings
//   billing-companies   {count, items?: 2}                   clients with a recurring invoice of 2 lines
import type { SimResponse } from '../shared/types.ts';
import type { AuthServer } from './auth.ts';
import { addBillingCompanies } from './billing-seed.ts';
import { allPermissions, expandScopes, isKnownScope } from './permissions.ts';
import type { RollingWindow } from './rate-limit.ts';
import type { HaloState } from './state.ts';

export interface ControlTargets {
  auth: AuthServer;
  rate: RollingWindow;
  /** The application's grant (atomic permissions); calls need their permission in here. */
  grant: Set<string>;
  /** The current tenant data (reset replaces it). */
  state: () => HaloState;
}

function obj(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

function ok(body: unknown): SimResponse {
  return { status: 200, body };
}

export function runControl(t: ControlTargets, action: string, rawBody: unknown): SimResponse | undefined {
  const body = obj(rawBody);
  switch (action) {
    case 'rate-limit': {
      const cfg = t.rate.configure({
        ...(body.requests !== undefined ? { requests: Number(body.requests) } : {}),
        ...(body.perSeconds !== undefined ? { perSeconds: Number(body.perSeconds) } : {}),
        ...(body.retryAfter !== undefined ? { retryAfter: body.retryAfter === true } : {}),
      });
      return ok(cfg);
    }
    case 'token-lifetime': {
      const seconds = Number(body.seconds);
      if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('"seconds" must be a positive number');
      t.auth.lifetimeSeconds = seconds;
      return ok({ seconds });
    }
    case 'expire-token':
      return ok({ expired: t.auth.expireAll() });
    case 'expire-credentials':
      t.auth.secretValid = body.restore === true;
      return ok({ secretValid: t.auth.secretValid });
    case 'permissions': {
      if (body.restore === true) {
        t.grant.clear();
        for (const p of allPermissions()) t.grant.add(p);
      } else {
        const remove = body.remove;
        if (!Array.isArray(remove) || remove.some((s) => typeof s !== 'string' || !isKnownScope(s))) {
          throw new Error('"remove" must be an array of Halo scopes, e.g. ["edit:tickets"]');
        }
        // Removing `read:x` also removes `edit:x` (a write needs to read); `all` empties the grant.
        for (const scope of remove as string[]) {
          if (scope.startsWith('edit:') || scope === 'admin') t.grant.delete(scope);
          else if (scope.startsWith('read:')) {
            t.grant.delete(scope);
            t.grant.delete(`edit:${scope.slice(5)}`);
          } else for (const p of expandScopes([scope])) t.grant.delete(p);
        }
      }
      return ok({ granted: [...t.grant].sort() });
    }
    case 'status':
      return ok({
        rateLimit: t.rate.config,
        requestsInWindow: t.rate.used,
        tokenLifetimeSeconds: t.auth.lifetimeSeconds,
        secretValid: t.auth.secretValid,
        granted: [...t.grant].sort(),
      });
    case 'billing-companies':
      return { status: 201, body: { companies: addBillingCompanies(t.state(), body) } };
    default:
      return undefined;
  }
}
