import { Type } from 'typebox';
import { createAccessToken, listAccessTokens, revokeAccessToken } from '../../../store/bearer-tokens.ts';
import { notFound, userActor } from '../../authorization.ts';
import { formatToken, NewTokenReply, TokenReply } from '../../formatters/token.ts';
import { requireFuture } from '../../future-time.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, IdParams, Name, Timestamp } from '../../schemas.ts';

export const listTokens = defineRoute({
  method: 'GET',
  url: '/api/v1/me/tokens',
  permission: 'member',
  schema: {
    summary: 'Your personal access tokens (never the tokens themselves)',
    tags: ['auth'],
    response: { 200: Type.Object({ items: Type.Array(TokenReply) }, Closed), ...errorReplies },
  },
  async handler(_req, _reply, { deps, actor }) {
    return { items: (await listAccessTokens(deps.db, userActor(actor).userId)).map(formatToken) };
  },
});

export const createToken = defineRoute({
  method: 'POST',
  url: '/api/v1/me/tokens',
  permission: 'member',
  audit: 'token.created',
  schema: {
    summary: 'Create a personal access token for scripts; it acts as you and is shown once',
    tags: ['auth'],
    body: Type.Object(
      { name: Name, expiresAt: Type.Optional(Timestamp) },
      { ...Closed, examples: [{ name: 'nightly export' }] },
    ),
    response: { 201: NewTokenReply, ...errorReplies },
  },
  async handler(req, reply, { deps, actor, audit }) {
    const me = userActor(actor);
    const expiresAt = req.body.expiresAt ? new Date(req.body.expiresAt) : null;
    if (expiresAt) requireFuture('body/expiresAt', expiresAt);
    const created = await deps.db.transaction(async (tx) => {
      const t = await createAccessToken(tx, me.userId, req.body.name, expiresAt);
      await audit(tx, {
        targetType: 'token',
        targetId: t.info.id,
        partnerId: me.kind === 'user' ? me.partnerId : null,
      });
      return t;
    });
    return reply.status(201).send({ token: created.token, info: formatToken(created.info) });
  },
});

export const revokeToken = defineRoute({
  method: 'DELETE',
  url: '/api/v1/me/tokens/:id',
  permission: 'member',
  audit: 'token.revoked',
  params: { id: 'token' },
  schema: {
    summary: 'Revoke one of your tokens',
    tags: ['auth'],
    params: IdParams,
    response: { 204: {}, ...errorReplies },
  },
  async handler(req, reply, { deps, actor, audit }) {
    const me = userActor(actor);
    await deps.db.transaction(async (tx) => {
      if (!(await revokeAccessToken(tx, me.userId, req.params.id))) throw notFound('token', req.params.id);
      await audit(tx, {
        targetType: 'token',
        targetId: req.params.id,
        partnerId: me.kind === 'user' ? me.partnerId : null,
      });
    });
    return reply.status(204).send();
  },
});
