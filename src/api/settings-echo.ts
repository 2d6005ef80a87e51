// A settings resource takes back what it gives: a client may GET it, change one field and PUT the
// whole answer. The answer's read-only parts (the effective values, timestamps, names the hub looks
// up) are therefore accepted on PUT, marked readOnly in the OpenAPI document, and ignored.
import { Type, type TObject, type TOptional, type TSchema } from 'typebox';

type Echo<P extends Record<string, TSchema>, K extends keyof P> = { [Key in K]: TOptional<P[Key]> };

const field = (value: unknown) => ({ value, enumerable: true, writable: true, configurable: true });

/** `schema` marked read-only, keeping TypeBox's non-enumerable markers (a spread would drop them). */
export function readOnly<T extends TSchema>(schema: T, description: string): T {
  return Object.defineProperties(
    {},
    {
      ...Object.getOwnPropertyDescriptors(schema),
      readOnly: field(true),
      description: field(description),
    },
  ) as T;
}

/** The named properties of `reply`, optional and read-only, for a PUT body to accept and ignore. */
export function readOnlyEcho<P extends Record<string, TSchema>, const K extends keyof P & string>(
  reply: TObject<P>,
  keys: readonly K[],
): Echo<P, K> {
  return Object.fromEntries(
    keys.map((k) => [
      k,
      Type.Optional(
        readOnly(reply.properties[k] as P[K], 'read-only: sent back from a GET, accepted and ignored'),
      ),
    ]),
  ) as Echo<P, K>;
}
