// The reply shapes of organization links, shared by the link, list and bulk routes.
import { Type } from 'typebox';
import type { OrgLink } from '../../../store/org-links.ts';
import { Closed, Timestamp, Uuid } from '../../schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const LinkReply = Type.Object(
  {
    id: Uuid,
    organizationId: Uuid,
    connectionId: Uuid,
    companyId: Type.String(),
    companyName: Type.String({ description: 'as the PSA named it when linked' }),
    method: Type.Union([Type.Literal('manual'), Type.Literal('suggestion'), Type.Literal('auto_exact')]),
    health: Type.Union([
      Type.Literal('ok'),
      Type.Literal('renamed'),
      Type.Literal('missing'),
      Type.Literal('invalid'),
    ]),
    healthDetail: Nullable(Type.String()),
    healthCheckedAt: Nullable(Timestamp),
    linkedAt: Timestamp,
    linkedBy: Nullable(Uuid),
    unlinkedAt: Nullable(Timestamp),
    unlinkedBy: Nullable(Uuid),
    unlinkReason: Nullable(Type.String()),
    billing: Type.Array(
      Type.Object(
        {
          planId: Uuid,
          targetId: Type.String(),
          targetKind: Type.String(),
          targetLabel: Type.String(),
          createdByHub: Type.Boolean(),
        },
        Closed,
      ),
    ),
    sharedWith: Type.Array(Type.Object({ organizationId: Uuid, organizationName: Type.String() }, Closed), {
      description: 'other organizations linked to the same company on this connection',
    }),
    warning: Nullable(Type.String({ description: 'something to know about this link, in words' })),
  },
  Closed,
);

/** Why a link deserves a second look, or null. */
export function linkWarning(l: OrgLink): string | null {
  if (l.sharedWith.length === 0) return null;
  const names = l.sharedWith.map((o) => `"${o.organizationName}"`).join(', ');
  return `${l.sharedWith.length === 1 ? 'Organization' : 'Organizations'} ${names} ${l.sharedWith.length === 1 ? 'is' : 'are'} also linked to "${l.companyName}" on this connection: their tickets and billing go to the same company`;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const formatLink = (l: OrgLink) => ({
  ...l,
  warning: linkWarning(l),
  healthCheckedAt: iso(l.healthCheckedAt),
  linkedAt: l.linkedAt.toISOString(),
  unlinkedAt: iso(l.unlinkedAt),
});
