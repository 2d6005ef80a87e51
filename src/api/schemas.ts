// Schemas shared by many routes. Every object is closed (additionalProperties: false) so unknown
// fields are refused on the way in and never leak on the way out.
import { Type, type TSchema, type TUnsafe } from 'typebox';

export const Uuid = Type.String({ format: 'uuid', description: 'a record id (UUID)' });
export const ExternalId = Type.String({
  minLength: 1,
  maxLength: 200,
  pattern: '^[^\\s/?#][^/?#]*$',
  description: "the vendor platform's own id",
});
export const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
export const Timestamp = Type.String({ format: 'date-time' });

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const ExternalIdParams = Type.Object({ externalId: ExternalId }, { additionalProperties: false });

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 1000 })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'search in names and ids' })),
};

export const PageOf = <T extends TSchema>(item: T) =>
  Type.Object(
    { items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) },
    { additionalProperties: false },
  );

export const ErrorReply = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.String(),
        message: Type.String(),
        details: Type.Array(
          Type.Object(
            { path: Type.Optional(Type.String()), message: Type.String() },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** The error replies every authenticated route may give, for its OpenAPI entry. */
export const errorReplies = {
  400: ErrorReply,
  401: ErrorReply,
  403: ErrorReply,
  404: ErrorReply,
  409: ErrorReply,
  413: ErrorReply,
  415: ErrorReply,
  422: ErrorReply,
  429: ErrorReply,
};

export const Closed = { additionalProperties: false } as const;

/** One of these strings, typed as their union (TypeBox's own mapping of a list loses the literals). */
export const Literals = <const T extends readonly string[]>(
  values: T,
  options: { description?: string } = {},
) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  ) as unknown as TUnsafe<T[number]>;
