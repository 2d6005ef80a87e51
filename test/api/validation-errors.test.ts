// The wording of schema errors, on TypeBox's own error reports: an enum names its values and what
// was sent, once per place — also when several items of one array are wrong.
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { Literals } from '../../src/api/schemas.ts';
import { describeValidation } from '../../src/api/validation-errors.ts';
import { compileCheck } from '../../src/api/validator.ts';

const Item = Type.Object(
  {
    status: Literals(['open', 'waiting', 'resolved']),
    note: Type.Optional(Type.Union([Literals(['a', 'b']), Type.Null()])),
  },
  { additionalProperties: false },
);
const Body = Type.Object({ items: Type.Array(Item) }, { additionalProperties: false });
const describe_ = (value: unknown) => describeValidation('body', compileCheck(Body)(value) ?? []);

describe('enum errors', () => {
  it('name each wrong item’s field, the values and what was sent', () => {
    // TypeBox stops after 8 errors: the second item's own union error is cut off, its branches' not.
    expect(describe_({ items: [{ status: 'failed' }, { status: 'open' }, { status: 7 }] })).toEqual([
      { path: 'body/items/0/status', message: 'must be one of open, waiting, resolved — got "failed"' },
      { path: 'body/items/2/status', message: 'must be one of open, waiting, resolved — got 7' },
    ]);
  });

  it('count null among the values of a nullable enum', () => {
    expect(describe_({ items: [{ status: 'open', note: 'c' }] })).toEqual([
      { path: 'body/items/0/note', message: 'must be one of a, b, null — got "c"' },
    ]);
  });
});
