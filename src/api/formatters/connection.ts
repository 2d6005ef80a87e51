import { Type } from 'typebox';
import { blockedMessage } from '../../core/ticket-readiness.ts';
import type { Connection } from '../../store/connections.ts';
import { Closed, Timestamp, Uuid } from '../schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const PsaKindSchema = Type.Union([
  Type.Literal('connectwise'),
  Type.Literal('autotask'),
  Type.Literal('halopsa'),
]);

export const ConnectionReply = Type.Object(
  {
    id: Uuid,
    partnerId: Uuid,
    kind: PsaKindSchema,
    name: Type.String(),
    siteUrl: Type.String(),
    credentialHints: Type.Record(Type.String(), Type.String(), {
      description: 'the non-secret credential fields; secrets are never returned',
    }),
    isDefault: Type.Boolean(),
    status: Type.Union([Type.Literal('connected'), Type.Literal('failing'), Type.Literal('revoked')]),
    lastSuccessAt: Nullable(Timestamp),
    failingSince: Nullable(Timestamp),
    lastError: Nullable(Type.String()),
    warnings: Type.Array(
      Type.Object(
        {
          kind: Type.Union([Type.Literal('missing_permission'), Type.Literal('ticket_settings')]),
          message: Type.String(),
          fix: Nullable(Type.String()),
        },
        Closed,
      ),
      {
        description:
          'what keeps a connected PSA from doing its job: a permission the last check found missing, ticket settings a ticket needs that are not set',
      },
    ),
    createdAt: Timestamp,
    revokedAt: Nullable(Timestamp),
    budget: Type.Optional(
      Type.Object(
        {
          requestsThisHour: Type.Integer({
            description: 'requests the hub sent to this PSA in the current hour',
          }),
          hourlyAllowance: Type.Integer({
            description: 'the most the hub sends in an hour, all processes together',
          }),
        },
        Closed,
      ),
    ),
  },
  Closed,
);

export const PermissionReply = Type.Object(
  {
    permission: Type.String(),
    label: Type.String(),
    ok: Type.Boolean(),
    verified: Type.Boolean({
      description: 'false: the PSA could not be asked without writing; ok is true and fix says what to check',
    }),
    fix: Nullable(Type.String()),
  },
  Closed,
);

export const IdentityReply = Type.Object(
  { version: Nullable(Type.String()), user: Type.String(), tenant: Nullable(Type.String()) },
  Closed,
);

// Takes the store's Connection, which has no credential field at all: a secret cannot be formatted.
export const formatConnection = (c: Connection) => ({
  id: c.id,
  partnerId: c.partnerId,
  kind: c.kind,
  name: c.name,
  siteUrl: c.siteUrl,
  credentialHints: c.credentialHints,
  isDefault: c.isDefault,
  status: c.status,
  lastSuccessAt: c.lastSuccessAt?.toISOString() ?? null,
  failingSince: c.failingSince?.toISOString() ?? null,
  lastError: c.lastError,
  warnings: warningsOf(c),
  createdAt: c.createdAt.toISOString(),
  revokedAt: c.revokedAt?.toISOString() ?? null,
});

/** A connection that answers can still be unable to open tickets: say what is missing and how to fix it. */
function warningsOf(c: Connection) {
  if (c.revokedAt) return [];
  const blocked = blockedMessage(c.ticketBlockers);
  return [
    ...c.missingPermissions.map((p) => ({
      kind: 'missing_permission' as const,
      message: `Missing permission: ${p.label}`,
      fix: p.fix,
    })),
    ...(blocked
      ? [
          {
            kind: 'ticket_settings' as const,
            message: blocked,
            fix: c.ticketBlockers.map((b) => b.problem).join('; '),
          },
        ]
      : []),
  ];
}
