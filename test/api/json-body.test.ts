// The body parser's depth scan and the linear-time validator, on their own: brackets inside strings
// do not count, uniqueness is still enforced (with where), and an overlong array is named by its
// limit rather than by a description of every item.
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { jsonDepth, MAX_JSON_DEPTH } from '../../src/api/json-body.ts';
import { compileCheck } from '../../src/api/validator.ts';

describe('jsonDepth', () => {
  it('counts arrays and objects, not brackets inside strings or after escaped quotes', () => {
    expect(jsonDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(jsonDepth('{"a":"\\"[[[["}')).toBe(1);
    expect(jsonDepth('1')).toBe(0);
  });
  it('stops once past the limit', () => {
    const deep = '['.repeat(500_000) + ']'.repeat(500_000);
    expect(jsonDepth(deep)).toBe(MAX_JSON_DEPTH + 1);
  });
});

describe('compileCheck', () => {
  const check = compileCheck(
    Type.Object(
      {
        ids: Type.Array(Type.String(), { maxItems: 3, uniqueItems: true }),
        nested: Type.Optional(
          Type.Array(Type.Object({ tags: Type.Array(Type.String(), { uniqueItems: true }) })),
        ),
      },
      { additionalProperties: false },
    ),
  );
  it('passes a valid value', () => {
    expect(check({ ids: ['a', 'b'], nested: [{ tags: ['x', 'y'] }] })).toBeNull();
  });
  it('refuses a repeated item, saying which repeats which, at any depth', () => {
    expect(check({ ids: ['a', 'b', 'a'] })).toEqual([
      expect.objectContaining({
        instancePath: '/ids',
        message: 'must not have duplicate items (item 2 repeats item 0)',
      }),
    ]);
    expect(check({ ids: [], nested: [{ tags: ['x', 'x'] }] })?.[0]?.instancePath).toBe('/nested/0/tags');
  });
  it('names an overlong array by its limit, in one error, however many bad items it holds', () => {
    const errors = check({ ids: Array.from({ length: 300_000 }, () => []) });
    expect(errors).toEqual([
      expect.objectContaining({
        keyword: 'maxItems',
        instancePath: '/ids',
        message: 'must not have more than 3 items',
      }),
    ]);
  });
  it('names unknown fields of a closed object', () => {
    const errors = check({
      ids: [],
      ...Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, 0])),
    });
    expect(errors?.[0]).toMatchObject({
      keyword: 'additionalProperties',
      params: { additionalProperties: ['k0', 'k1', 'k2', 'k3', 'k4'] },
    });
  });
});
