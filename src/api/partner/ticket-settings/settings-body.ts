// What a PUT of a connection's or an organization's ticket settings takes: `fields`, or the whole
// GET answer sent back — `own` (the fields set at this level) changed, the rest read-only and
// ignored — so a client can read, change one field and write back.
import { Type, type Static } from 'typebox';
import { AppError } from '../../../core/errors.ts';
import { Closed } from '../../schemas.ts';
import { readOnlyEcho } from '../../settings-echo.ts';
import type { FieldMap } from './settings-schemas.ts';
import { FieldsBody, SettingsReply } from './settings-schemas.ts';

export const SettingsBody = (example: Record<string, unknown>) => {
  const fields = FieldsBody(example).properties.fields;
  return Type.Object(
    {
      fields: Type.Optional(fields),
      own: Type.Optional(
        Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Type.Unknown(), {
          description: 'the same as `fields`, by the name GET answers with',
        }),
      ),
      ...readOnlyEcho(SettingsReply, ['connectionId', 'effective', 'pickListsFetchedAt']),
    },
    { ...Closed, examples: [{ fields: example }] },
  );
};

/** The fields the body sets, under either name; exactly one of the two. */
export function fieldsOf(body: Static<ReturnType<typeof SettingsBody>>): Static<typeof FieldMap> {
  if (body.fields !== undefined && body.own !== undefined) {
    const message = 'send the fields as "fields" or as "own", not both';
    throw new AppError('invalid_request', `body: ${message}`, { details: [{ path: 'body', message }] });
  }
  const fields = body.fields ?? body.own;
  if (fields === undefined) {
    const message = 'missing required field "fields"';
    throw new AppError('invalid_request', `body: ${message}`, { details: [{ path: 'body', message }] });
  }
  return fields;
}
