import { Type } from 'typebox';
import { AppError } from '../../../core/errors.ts';
import { checkConnectionInput, missingPermissions, tryConnection } from '../../../jobs/connect.ts';
import {
  createConnection,
  listConnections,
  liveConnectionOfKind,
  recordPermissions,
  setDefaultConnection,
} from '../../../store/connections.ts';
import {
  ConnectionReply,
  formatConnection,
  IdentityReply,
  PermissionReply,
  PsaKindSchema,
} from '../../formatters/connection.ts';
import { defineRoute, psaErrors } from '../../route.ts';
import { Closed, errorReplies, Name, Uuid } from '../../schemas.ts';
import { visiblePartnerId } from '../users/user-access.ts';

export const Credentials = Type.Record(
  Type.String({ pattern: '^[A-Za-z]{1,40}$' }),
  Type.String({ maxLength: 2000 }),
  {
    description: "the PSA's credential fields (see GET /api/v1/psa-kinds); write-only",
  },
);

export const createConnectionRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/connections',
  errors: psaErrors,
  permission: 'manage_integrations',
  audit: 'connection.created',
  schema: {
    summary: 'Connect a PSA: the credentials are tried and the permissions read before anything is saved',
    tags: ['connections'],
    body: Type.Object(
      {
        partnerId: Uuid,
        kind: PsaKindSchema,
        name: Name,
        siteUrl: Type.Optional(Type.String({ maxLength: 500 })),
        credentials: Credentials,
      },
      {
        ...Closed,
        examples: [
          {
            partnerId: '00000000-0000-4000-8000-000000000000',
            kind: 'halopsa',
            name: 'Our Halo',
            siteUrl: 'https://acme.halopsa.com',
            credentials: { clientId: 'id', clientSecret: 'secret', tenant: 'acme' },
          },
        ],
      },
    ),
    response: {
      201: Type.Object(
        { connection: ConnectionReply, identity: IdentityReply, permissions: Type.Array(PermissionReply) },
        Closed,
      ),
      ...errorReplies,
    },
  },
  async handler(req, reply, { deps, actor, audit }) {
    const { partnerId, kind } = req.body;
    await visiblePartnerId(deps.db, actor, partnerId);
    if (await liveConnectionOfKind(deps.db, partnerId, kind)) {
      throw new AppError(
        'conflict',
        `This partner already has a ${kind} connection: edit its credentials or revoke it first`,
      );
    }
    const input = await checkConnectionInput(
      { allowPrivatePsaHosts: deps.config.allowPrivatePsaHosts },
      kind,
      req.body.siteUrl,
      req.body.credentials,
    );
    const { identity, permissions } = await tryConnection(kind, input.siteUrl, input.credentials, {
      allowPrivate: deps.config.allowPrivatePsaHosts,
    });
    const connection = await deps.db.transaction(async (tx) => {
      const created = await createConnection(tx, deps.secrets, {
        partnerId,
        kind,
        name: req.body.name,
        siteUrl: input.siteUrl,
        credentials: input.credentials,
        credentialHints: input.hints,
      });
      // The first connection of a partner becomes its default.
      const others = (await listConnections(tx, null, partnerId)).filter(
        (c) => !c.revokedAt && c.id !== created.id,
      );
      if (others.length === 0) await setDefaultConnection(tx, created);
      const missing = missingPermissions(permissions);
      await recordPermissions(tx, created.id, missing);
      await audit(tx, {
        targetType: 'connection',
        targetId: created.id,
        partnerId,
        details: { kind, user: identity.user },
      });
      return { ...created, isDefault: others.length === 0, missingPermissions: missing };
    });
    return reply.status(201).send({ connection: formatConnection(connection), identity, permissions });
  },
});
