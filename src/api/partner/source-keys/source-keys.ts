import { Type } from 'typebox';
import { createSourceKey, listSourceKeys, revokeSourceKey } from '../../../store/bearer-tokens.ts';
import { notFound, userActor } from '../../authorization.ts';
import { formatToken, NewTokenReply, TokenReply } from '../../formatters/token.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, IdParams, Name } from '../../schemas.ts';

export const listSourceKeysRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/source-keys',
  permission: 'operator',
  schema: {
    summary: 'Source API keys (operators; never the keys themselves)',
    tags: ['source keys'],
    response: { 200: Type.Object({ items: Type.Array(TokenReply) }, Closed), ...errorReplies },
  },
  async handler(_req, _reply, { deps }) {
    return { items: (await listSourceKeys(deps.db)).map(formatToken) };
  },
});

export const createSourceKeyRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/source-keys',
  permission: 'operator',
  audit: 'source_key.created',
  schema: {
    summary: 'Create a Source API key for the vendor platform; shown once',
    tags: ['source keys'],
    body: Type.Object({ name: Name }, { ...Closed, examples: [{ name: 'backup platform (production)' }] }),
    response: { 201: NewTokenReply, ...errorReplies },
  },
  async handler(req, reply, { deps, actor, audit }) {
    const created = await deps.db.transaction(async (tx) => {
      const key = await createSourceKey(tx, req.body.name, userActor(actor).userId);
      await audit(tx, {
        targetType: 'source_key',
        targetId: key.info.id,
        partnerId: null,
        details: { name: req.body.name },
      });
      return key;
    });
    return reply.status(201).send({ token: created.token, info: formatToken(created.info) });
  },
});

export const revokeSourceKeyRoute = defineRoute({
  method: 'DELETE',
  url: '/api/v1/source-keys/:id',
  permission: 'operator',
  audit: 'source_key.revoked',
  params: { id: 'sourceKey' },
  schema: {
    summary: 'Revoke a Source API key',
    tags: ['source keys'],
    params: IdParams,
    response: { 204: {}, ...errorReplies },
  },
  async handler(req, reply, { deps, audit }) {
    await deps.db.transaction(async (tx) => {
      if (!(await revokeSourceKey(tx, req.params.id))) throw notFound('source key', req.params.id);
      await audit(tx, { targetType: 'source_key', targetId: req.params.id, partnerId: null });
    });
    return reply.status(204).send();
  },
});
