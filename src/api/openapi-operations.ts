// What the OpenAPI document says about each operation beyond its schemas — who may call it and how
// (`security`), a description, and the error answers it can give — derived from the route's own
// definition (permission, params, body, method), so that no route file lists codes by hand. A route
// adds only the codes its handler gives itself (`errors`: a PSA's refusal, a sign-in's).
import { errorCatalog, type ErrorCode } from '../core/errors.ts';
import type { Permission } from './authorization.ts';
import type { RouteDef } from './route.ts';

/** The ways to authenticate, as Swagger UI's Authorize offers them. */
export const securitySchemes = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'psahub_session',
    description: 'The session cookie POST /api/v1/auth/login sets (the portal uses it).',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description: 'With the session cookie, every write sends the csrfToken the sign-in answered.',
  },
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'A personal access token (psah_pat_…), made at POST /api/v1/me/tokens.',
  },
  sourceKey: {
    type: 'http',
    scheme: 'bearer',
    description: 'A source key (psah_src_…) of the vendor platform, for the Source API.',
  },
} as const;

type Requirement = Partial<Record<keyof typeof securitySchemes, string[]>>;

const isUserRoute = (p: Permission) => p !== 'public' && p !== 'source';
const reads = (route: RouteDef) => route.method === 'GET';

export function securityOf(route: RouteDef): Requirement[] {
  if (route.permission === 'public') return [];
  if (route.permission === 'source') return [{ sourceKey: [] }];
  return [reads(route) ? { session: [] } : { session: [], csrf: [] }, { bearer: [] }];
}

const whoWords: Record<Permission, string> = {
  public: 'Anyone may call it, signed in or not.',
  source: 'The vendor platform, with a source key.',
  member: 'Any signed-in user or operator; what it reads is limited to their part of the partner tree.',
  manage_users: 'Owners, super admins and operators.',
  manage_integrations: 'Everyone but viewers (and operators).',
  manage_billing: 'Owners, super admins, admins and operators.',
  operator: 'Operators (vendor staff) only.',
};

/** The summary, who may call it and what it records: every operation gets one. */
export function descriptionOf(route: RouteDef): string {
  const own = (route.schema as { description?: string }).description;
  const audit =
    typeof route.audit === 'string'
      ? `Recorded in the audit log as \`${route.audit}\`.`
      : route.audit
        ? `Not audited: ${route.audit.none}.`
        : '';
  return [own ?? `${route.schema.summary}.`, `**Who:** ${whoWords[route.permission]}`, audit]
    .filter(Boolean)
    .join('\n\n');
}

/** Whether a body property names another record (a reference the handler must find). */
const namesRecords = (route: RouteDef) =>
  Object.keys((route.schema.body as { properties?: object } | undefined)?.properties ?? {}).some((k) =>
    /(Id|Ids|ExternalId)$/.test(k),
  );

/** The error codes the route can answer with. */
export function errorCodesOf(route: RouteDef): ErrorCode[] {
  const { schema, permission } = route;
  const codes = new Set<ErrorCode>(route.errors ?? []);
  const writes = !reads(route);
  if (schema.params || schema.querystring || schema.body) codes.add('invalid_request');
  if (schema.body)
    ['invalid_json', 'body_too_large', 'unsupported_media_type'].forEach((c) => codes.add(c as ErrorCode));
  if (permission !== 'public')
    ['unauthenticated', 'wrong_credential_kind'].forEach((c) => codes.add(c as ErrorCode));
  if (isUserRoute(permission)) {
    if (!route.allowBeforePasswordChange) codes.add('password_change_required');
    if (permission !== 'member') codes.add('forbidden');
    if (writes) codes.add('csrf_failed');
  }
  if (schema.params) codes.add('not_found');
  if (writes && permission !== 'public') codes.add('conflict');
  if (writes && namesRecords(route)) codes.add('invalid_reference');
  return [...codes];
}

const successWords: Record<number, string> = {
  200: 'Done; the answer below.',
  201: 'Created; the new record below.',
  202: 'Accepted: stored, and the work is queued.',
  204: 'Done; nothing to answer.',
};

/** The route's responses: its success answers and exactly the error statuses it can give, each described. */
export function responsesOf(route: RouteDef): Record<string, unknown> {
  const declared = (route.schema.response ?? {}) as Record<string, object>;
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodesOf(route)) {
    const status = errorCatalog[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(declared)) {
    if (Number(status) >= 400) continue;
    out[status] = { ...schema, 'x-response-description': successWords[Number(status)] ?? 'Done.' };
  }
  const errorSchema = Object.entries(declared).find(([s]) => Number(s) >= 400)?.[1] ?? {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const words = codes.map((c) => `\`${c}\`: ${errorCatalog[c].message}`).join('; ');
    out[String(status)] = { ...errorSchema, 'x-response-description': words };
  }
  return out;
}
