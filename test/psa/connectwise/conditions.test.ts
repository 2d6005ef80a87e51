// Building `conditions` strings: quoting, escaping, wildcard text, and refusing what is not safe.
import { describe, expect, it } from 'vitest';
import {
  and,
  cmp,
  contains,
  eq,
  isIn,
  likeText,
  literal,
  or,
  quote,
} from '../../../src/psa/connectwise/conditions.ts';
import { hasNext, pageOf } from '../../../src/psa/connectwise/paging.ts';
import { PsaError } from '../../../src/psa/errors.ts';

describe('ConnectWise conditions', () => {
  it('quotes strings with escaped quotes and backslashes', () => {
    expect(quote('plain')).toBe('"plain"');
    expect(quote('say "hi"')).toBe('"say \\"hi\\""');
    expect(quote('a\\b')).toBe('"a\\\\b"');
    expect(eq('externalXRef', 'x" or id > 0 or name = "y')).toBe(
      'externalXRef = "x\\" or id > 0 or name = \\"y"',
    );
  });

  it('writes literals by type', () => {
    expect(literal(null)).toBe('null');
    expect(literal(true)).toBe('true');
    expect(literal(42)).toBe('42');
    expect(cmp('id', '>', 5)).toBe('id > 5');
    expect(() => literal(Number.NaN)).toThrow(PsaError);
  });

  it('makes wildcard and class characters literal inside contains', () => {
    expect(likeText('50% off_[x]*')).toBe('50[%] off[_][[]x][*]');
    expect(contains('name', 'A*B')).toBe('name contains "A[*]B"');
  });

  it('refuses field names that are not plain paths, and non-integer ids', () => {
    expect(eq('company/id', 3)).toBe('company/id = 3');
    expect(() => eq('name = "x" or id', 1)).toThrow(PsaError);
    expect(() => eq('', 1)).toThrow(PsaError);
    expect(isIn('board/id', [1, 2])).toBe('board/id in (1, 2)');
    expect(() => isIn('board/id', [1.5])).toThrow(PsaError);
    expect(() => isIn('board/id', [])).toThrow(PsaError);
  });

  it('joins with parentheses and drops empty parts', () => {
    expect(and('a = 1', null, '', false, 'b = 2')).toBe('(a = 1) and (b = 2)');
    expect(or('a = 1', 'b = 2')).toBe('(a = 1) or (b = 2)');
  });

  it('pages by number, from the Link header', () => {
    expect(hasNext('<https://x/a?page=2>; rel="next", <https://x/a?page=4>; rel="last"')).toBe(true);
    expect(hasNext('<https://x/a?page=1>; rel="first", <https://x/a?page=3>; rel="prev"')).toBe(false);
    expect(hasNext(null)).toBe(false);
    expect(pageOf(null)).toBe(1);
    expect(pageOf('7')).toBe(7);
    expect(() => pageOf('0')).toThrow(PsaError);
    expect(() => pageOf('x; drop')).toThrow(PsaError);
  });
});
