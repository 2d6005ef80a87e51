// API-user authentication by headers (SPEC: every operation takes `ApiIntegrationCode`, `UserName`,
// `Secret`; optional `ImpersonationResourceId`). Node lower-cases header names, so any spelling
// works (`ApiIntegrationcode` APIGRATE, `APIIntegrationcode` N8N — reference §1.3).
// Failure codes are reference §1.4: unknown user → 500 zone error, wrong secret → 401, bad
// integration code → 500 `IntegrationCode is invalid.`.
import type { SimRequest, SimResponse } from '../shared/types.ts';
import { INTEGRATION_CODE_INVALID, ZONE_UNKNOWN, errorResponse } from './errors.ts';

export interface ApiUser {
  username: string;
  secret: string;
  integrationCode: string;
}

export interface AuthState {
  user: ApiUser;
  /** Set by the `expire-credentials` control: the secret no longer authenticates. */
  secretExpired: boolean;
}

export function header(req: SimRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * 401 body: the documented status with ASP.NET's default authorization text (the real body is
 * undocumented; clients treat it as opaque — reference §1.4).
 */
function unauthorized(): SimResponse {
  return { status: 401, body: { Message: 'Authorization has been denied for this request.' } };
}

/** Undefined when the request may proceed; otherwise the real server's answer. */
export function authenticate(req: SimRequest, state: AuthState): SimResponse | undefined {
  const username = header(req, 'UserName');
  const secret = header(req, 'Secret');
  const code = header(req, 'ApiIntegrationCode');
  if (!username || !secret) return unauthorized();
  // User names are e-mail addresses; Autotask compares them case-insensitively.
  if (username.trim().toLowerCase() !== state.user.username.toLowerCase()) return errorResponse(ZONE_UNKNOWN);
  if (secret !== state.user.secret || state.secretExpired) return unauthorized();
  if (code !== state.user.integrationCode) return errorResponse(INTEGRATION_CODE_INVALID);
  return undefined;
}

/** `GET /v1.0/zoneInformation?user=` (no auth; reference §1.1). */
export function zoneInformation(
  req: SimRequest,
  state: AuthState,
  zoneName: string,
  ci: number,
): SimResponse {
  const user = req.query.get('user') ?? '';
  if (user.trim().toLowerCase() !== state.user.username.toLowerCase()) return errorResponse(ZONE_UNKNOWN);
  return {
    status: 200,
    body: { zoneName, url: `${req.origin}/atservicesrest/`, webUrl: `${req.origin}/`, ci },
  };
}
