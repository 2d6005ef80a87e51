// Connecting a partner's PSA: the URL checked, the credentials tried against the PSA, the
// permissions read, and only then the connection saved with its credentials sealed.
import { AppError } from '../core/errors.ts';
import { memoryCache, type PsaClient } from '../psa/client.ts';
import { isPsaError } from '../psa/errors.ts';
import { guardedFetch, type OutboundPolicy } from '../psa/guarded-fetch.ts';
import { connectors } from '../psa/index.ts';
import { checkPsaUrl, systemResolver, type Resolver } from '../psa/outbound-url.ts';
import type { PermissionCheck, PsaIdentity, PsaKind } from '../psa/types.ts';

export interface ConnectDeps {
  allowPrivatePsaHosts: boolean;
  resolve?: Resolver;
}

/** The checked site URL and the credential fields split into secret and shown-again parts. */
export async function checkConnectionInput(
  deps: ConnectDeps,
  kind: PsaKind,
  siteUrl: string | undefined,
  credentials: Record<string, string>,
): Promise<{ siteUrl: string; credentials: Record<string, string>; hints: Record<string, string> }> {
  const { descriptor } = connectors[kind];
  const expected = descriptor.credentials.map((f) => f.name);
  const missing = expected.filter((n) => !credentials[n]?.trim());
  const unknown = Object.keys(credentials).filter((n) => !expected.includes(n));
  const details = [
    ...missing.map((n) => ({
      path: `body/credentials/${n}`,
      message: `is required for ${descriptor.label}`,
    })),
    ...unknown.map((n) => ({
      path: `body/credentials/${n}`,
      message: `is not a ${descriptor.label} credential`,
    })),
  ];
  if (details.length > 0) {
    throw new AppError('invalid_request', `${details[0]!.path}: ${details[0]!.message}`, { details });
  }
  const url = siteUrl ?? descriptor.siteUrl.default;
  if (!url) throw new AppError('invalid_request', `body/siteUrl: is required for ${descriptor.label}`);
  const checked = await checkPsaUrl(url, {
    allowPrivate: deps.allowPrivatePsaHosts,
    resolve: deps.resolve ?? systemResolver,
  });
  if (!checked.ok) {
    throw new AppError('invalid_request', `body/siteUrl: ${checked.reason}`, {
      details: [{ path: 'body/siteUrl', message: checked.reason }],
    });
  }
  const trimmed = Object.fromEntries(expected.map((n) => [n, credentials[n]!.trim()]));
  const hints = Object.fromEntries(
    descriptor.credentials.filter((f) => !f.secret).map((f) => [f.name, trimmed[f.name]!]),
  );
  return { siteUrl: checked.url, credentials: trimmed, hints };
}

/** Try the credentials: who we are and which permissions we hold; PSA refusals become clear 4xx. */
export async function tryConnection(
  kind: PsaKind,
  siteUrl: string,
  credentials: Record<string, string>,
  policy: OutboundPolicy,
): Promise<{ identity: PsaIdentity; permissions: PermissionCheck[]; client: PsaClient }> {
  const client = connectors[kind].create({
    siteUrl,
    credentials,
    cache: memoryCache(),
    http: { timeoutMs: 15_000, fetch: guardedFetch(policy) },
  });
  try {
    const identity = await client.identify();
    const permissions = await client.checkPermissions();
    return { identity, permissions, client };
  } catch (err) {
    throw asAppError(err);
  }
}

/** A PSA failure as the API answers it: refusals 422, outages 502, with the PSA's words. */
export function asAppError(err: unknown): unknown {
  if (!isPsaError(err)) return err;
  const code = err.retryable ? 'psa_unavailable' : 'psa_rejected';
  return new AppError(code, err.message, {
    details: [{ message: err.kind }],
    ...(err.details.retryAfterMs !== undefined
      ? { retryAfter: Math.ceil(err.details.retryAfterMs / 1000) }
      : {}),
  });
}

/** What each PSA needs to connect and which ticket settings it has, for forms. */
export function psaDescriptors() {
  return Object.values(connectors).map((c) => c.descriptor);
}
