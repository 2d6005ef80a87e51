import { Type } from 'typebox';
import type { TokenInfo } from '../../store/bearer-tokens.ts';
import { Closed, Timestamp, Uuid } from '../schemas.ts';

/** A token as listed: its name and first characters, never the token itself. */
export const TokenReply = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    prefix: Type.String({ description: 'the first characters, to recognise it' }),
    createdAt: Timestamp,
    lastUsedAt: Type.Union([Timestamp, Type.Null()]),
    expiresAt: Type.Union([Timestamp, Type.Null()]),
  },
  Closed,
);

/** Answer to a creation: the only time the token is shown. */
export const NewTokenReply = Type.Object({ token: Type.String(), info: TokenReply }, Closed);

export const formatToken = (t: TokenInfo) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
});
