// Who may call (reference §1 [S1, S4, S8, S9, S14]):
// - `GET /login/companyinfo/{companyId}` is unauthenticated and names the codebase;
// - every API call needs Basic `companyId+publicKey:privateKey` and the `clientId` header (the spec
//   marks it required on every operation [S4]). The reference has no status for a missing clientId
//   (§13); a vendor's setup guide (https://mspvectis.com/docs/connectwise) reports "a 400 with
//   'clientId' in the error" and a case-sensitive company id — both followed here;
// - `Accept: application/vnd.connectwise.com+json; version=2026.4` picks the model version; without
//   it the latest model answers [S1]. Responses carry `api-current-version` [S9, S12].
import { fail, unauthorized } from './errors.ts';
import type { ApiKeys } from './store.ts';

type Headers = Record<string, string | string[] | undefined>;

export function header(headers: Headers, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export function checkClientId(headers: Headers, keys: ApiKeys): void {
  const clientId = header(headers, 'clientid');
  if (clientId === undefined || clientId.trim() === '')
    fail(400, 'InvalidClientId', 'A clientId header is required for all API calls.');
  // A clientId identifies a registered integration [S1 "ClientIds"]: only the configured one is known here.
  if (clientId.trim().toLowerCase() !== keys.clientId.toLowerCase())
    fail(400, 'InvalidClientId', `The clientId '${clientId}' is not registered.`);
}

export function checkBasicAuth(headers: Headers, keys: ApiKeys, expired: boolean): void {
  const auth = header(headers, 'authorization') ?? '';
  const m = /^Basic\s+(\S+)$/i.exec(auth);
  if (!m) unauthorized();
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon < 0 ? decoded : decoded.slice(0, colon);
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  const plus = user.indexOf('+');
  const companyId = plus < 0 ? '' : user.slice(0, plus);
  const publicKey = plus < 0 ? user : user.slice(plus + 1);
  const ok = companyId === keys.companyId && publicKey === keys.publicKey && password === keys.privateKey;
  if (!ok || expired) unauthorized();
}

/** The model version asked for in Accept, or undefined for "latest". */
export function requestedVersion(headers: Headers): string | undefined {
  const accept = header(headers, 'accept') ?? '';
  const m = /application\/vnd\.connectwise\.com\+json\s*;\s*version=([^,;\s]+)/i.exec(accept);
  if (!m) return undefined;
  const version = m[1]!;
  // Model versions look like 2019.1 … 2026.4, or the older 3.0.x [S1 "Versioning"].
  if (!/^(\d{4}\.\d{1,2}|3\.0(\.\d+)?)$/.test(version))
    fail(400, 'InvalidVersion', `The API version '${version}' is not valid.`);
  return version;
}

/**
 * Codebases the simulated site serves: `v4_6_release`, the advertised one, and any other release
 * path `vYYYY_N` ("for any codebase (v4_6_release, v2025_1, …)", reference §12).
 */
export function knownCodebase(codebase: string, advertised: string): boolean {
  const c = codebase.toLowerCase();
  return (
    c === 'v4_6_release' || c === advertised.replace(/\/$/, '').toLowerCase() || /^v\d{4}_\d{1,2}$/.test(c)
  );
}
