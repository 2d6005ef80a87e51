// Safe `conditions` strings (reference §3.2–3.4): field names are checked against a strict pattern,
// strings are always quoted with `"` and `\` escaped, numbers must be integers, and text searched
// with `contains`/`like` has its wildcard and class characters (`* % _ [`) written as literal
// classes the SQL Server way the guide's `[[]` escape implies. Raw input never reaches the query.
import { PsaError } from '../errors.ts';

export type Literal = string | number | boolean | null;

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*$/;

function field(name: string): string {
  if (!FIELD.test(name)) throw new PsaError('validation', `Not a ConnectWise field name: ${name}`);
  return name;
}

/** A string literal: double quotes, with `\` and `"` escaped. */
export function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Text matched literally inside a `like`/`contains` pattern. */
export function likeText(s: string): string {
  return s.replace(/[[*%_]/g, (c) => `[${c}]`);
}

export function literal(v: Literal): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new PsaError('validation', 'Not a number a condition can hold');
    return String(v);
  }
  return quote(v);
}

export type Op = '=' | '!=' | '<' | '<=' | '>' | '>=';

export const cmp = (name: string, op: Op, v: Literal): string => `${field(name)} ${op} ${literal(v)}`;
export const eq = (name: string, v: Literal): string => cmp(name, '=', v);
export const contains = (name: string, text: string): string =>
  `${field(name)} contains ${quote(likeText(text))}`;
export function isIn(name: string, values: readonly number[]): string {
  if (values.length === 0) throw new PsaError('validation', 'An "in" condition needs at least one value');
  for (const v of values) if (!Number.isInteger(v)) throw new PsaError('validation', 'Ids must be integers');
  return `${field(name)} in (${values.join(', ')})`;
}

/** Join parts with `and` (each wrapped in parentheses); empty parts are dropped. */
export const and = (...parts: (string | null | undefined | false)[]): string =>
  parts
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .map((p) => `(${p})`)
    .join(' and ');

export const or = (...parts: string[]): string => parts.map((p) => `(${p})`).join(' or ');
