// The authorisation server on the same origin as the API, as on hosted Halo (reference §1.1):
// `POST /auth/token` with the OAuth2 client-credentials grant, form-encoded, `tenant` in the query
// or the body (may be empty), `scope` space-separated; bearer tokens that expire after `expires_in`.
import { randomBytes, randomUUID } from 'node:crypto';
import type { SimRequest, SimResponse } from '../shared/types.ts';
import { oauthError, unauthorized } from './errors.ts';
import { expandScopes, isKnownScope } from './permissions.ts';
import { jsonResponse } from './wire.ts';

export interface HaloCredentials {
  clientId: string;
  clientSecret: string;
  tenant: string;
}

export interface IssuedToken {
  expiresAt: number;
  scopes: string[];
}

/** Placeholder credentials from PSMOD's help text (reference §7). */
export const defaultCredentials: HaloCredentials = {
  clientId: 'c9534241-dde9-4d04-9d45-32b1fbff22ed',
  clientSecret: '14c0c9af-2db1-48ab-b29c-51975df4afa2-739e4ef2-9aad-4fe9-b486-794feca48ea8',
  tenant: 'psahub',
};

function b64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

export class AuthServer {
  readonly credentials: HaloCredentials;
  /** Token lifetime in seconds; Halo's is 3600 (reference §1.2). */
  lifetimeSeconds = 3600;
  /** False once the `expire-credentials` control action has run. */
  secretValid = true;
  #tokens = new Map<string, IssuedToken>();

  constructor(credentials: HaloCredentials) {
    this.credentials = credentials;
  }

  resetConfig(): void {
    this.lifetimeSeconds = 3600;
    this.secretValid = true;
  }

  /** Make every token issued so far answer 401. */
  expireAll(): number {
    const now = Date.now();
    for (const t of this.#tokens.values()) t.expiresAt = Math.min(t.expiresAt, now - 1);
    return this.#tokens.size;
  }

  /** `POST /auth/token`. */
  token(req: SimRequest): SimResponse {
    if (req.method !== 'POST') return { status: 405 };
    const type = String(req.headers['content-type'] ?? '').toLowerCase();
    if (!type.startsWith('application/x-www-form-urlencoded')) {
      return oauthError(400, 'invalid_request', 'The request must be form encoded');
    }
    const form = new URLSearchParams(req.rawBody);
    let clientId = form.get('client_id') ?? '';
    let clientSecret = form.get('client_secret') ?? '';
    // RFC 6749 §2.3.1: client_secret_basic as well as client_secret_post (simple-oauth2's default).
    const authz = String(req.headers.authorization ?? '');
    if (/^basic /i.test(authz)) {
      const decoded = Buffer.from(authz.slice(6).trim(), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      clientId = decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
      clientSecret = decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' '));
    }
    const grant = form.get('grant_type');
    if (!grant) return oauthError(400, 'invalid_request');
    if (grant !== 'client_credentials') return oauthError(400, 'unsupported_grant_type');
    // Reference §1.2: tenant in the query (N8N, PSMOD) or the body (PYH, ASACHS), possibly empty.
    const tenant = req.query.get('tenant') ?? form.get('tenant') ?? '';
    if (tenant !== '' && tenant.toLowerCase() !== this.credentials.tenant.toLowerCase()) {
      // [3p] "Tenant not found" (reference §1.3, asachs01 skill).
      return oauthError(400, 'invalid_request', 'Tenant not found');
    }
    // Reference §1.3 [obs] homotechsual/HaloAPI#19: 401 {"error":"invalid_client"}.
    if (
      clientId !== this.credentials.clientId ||
      clientSecret !== this.credentials.clientSecret ||
      !this.secretValid
    ) {
      return oauthError(401, 'invalid_client');
    }
    const requested = (form.get('scope') ?? 'all').split(/\s+/).filter((s) => s !== '');
    const scopes = requested.length === 0 ? ['all'] : requested;
    if (scopes.some((s) => !isKnownScope(s))) return oauthError(400, 'invalid_scope');
    const token = this.#mint(scopes);
    return jsonResponse(200, {
      access_token: token,
      token_type: 'Bearer',
      expires_in: Math.max(1, Math.round(this.lifetimeSeconds)),
      scope: scopes.join(' '),
    });
  }

  #mint(scopes: string[]): string {
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'at+jwt' }));
    const payload = b64url(
      JSON.stringify({
        iss: 'halo-simulator',
        client_id: this.credentials.clientId,
        scope: scopes,
        iat: now,
        exp: now + this.lifetimeSeconds,
        jti: randomUUID(),
      }),
    );
    const token = `${header}.${payload}.${b64url(randomBytes(32))}`;
    this.#tokens.set(token, { expiresAt: Date.now() + this.lifetimeSeconds * 1000, scopes });
    return token;
  }

  /** The scopes of a valid bearer token, or the 401 to answer. */
  authenticate(req: SimRequest): { permissions: Set<string> } | SimResponse {
    const authz = String(req.headers.authorization ?? '');
    const m = /^bearer\s+(\S+)$/i.exec(authz);
    if (!m) return unauthorized();
    const issued = this.#tokens.get(m[1]!);
    if (!issued) return unauthorized('The signature is invalid');
    if (issued.expiresAt <= Date.now()) {
      return unauthorized(`The token expired at '${new Date(issued.expiresAt).toUTCString()}'`);
    }
    return { permissions: expandScopes(issued.scopes) };
  }
}
