// The `fields` partial response (reference §3.3 [S1]): `fields=id,name,status/id` keeps only those
// paths, nested through `/`. Applied to single GETs, lists and `/search` results alike.
import type { Row } from './conditions.ts';

function keyOf(obj: Row, name: string): string | undefined {
  if (name in obj) return name;
  const lower = name.toLowerCase();
  return Object.keys(obj).find((k) => k.toLowerCase() === lower);
}

function pick(source: unknown, target: Row, parts: string[]): void {
  if (source === null || typeof source !== 'object' || Array.isArray(source)) return;
  const key = keyOf(source as Row, parts[0]!);
  if (key === undefined) return;
  const value = (source as Row)[key];
  if (parts.length === 1) {
    target[key] = value;
    return;
  }
  if (Array.isArray(value)) {
    const existing = Array.isArray(target[key]) ? (target[key] as Row[]) : value.map(() => ({}));
    value.forEach((item, i) => pick(item, existing[i]!, parts.slice(1)));
    target[key] = existing;
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const child = (target[key] as Row | undefined) ?? {};
  pick(value, child, parts.slice(1));
  target[key] = child;
}

export function parseFields(text: string | null): string[][] | undefined {
  if (text === null || text.trim() === '') return undefined;
  return text
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '')
    .map((f) => f.split('/'));
}

export function project(row: Row, fields: string[][] | undefined): Row {
  if (!fields) return row;
  const out: Row = {};
  for (const parts of fields) pick(row, out, parts);
  return out;
}
