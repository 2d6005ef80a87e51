// PostgreSQL text cannot hold a NUL character: a string carrying one would fail deep in a query as
// a 500. Every request's body, query string and parameters are searched for one first, and the
// request is refused with the path of the first, before anything is read or written.
import { AppError } from '../core/errors.ts';

/** The path of the first string (or key) holding a NUL in `value`, or null. */
export function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = nulPath(value[i], `${path}/${i}`);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return `${path}/${k.replaceAll('\u0000', '\\u0000')}`;
      const hit = nulPath(v, `${path}/${k}`);
      if (hit) return hit;
    }
  }
  return null;
}

export function refuseNulBytes(parts: { body: unknown; querystring: unknown; params: unknown }): void {
  for (const [name, value] of Object.entries(parts)) {
    const path = nulPath(value, name);
    if (path)
      throw new AppError('invalid_request', `${path}: a NUL character (\\u0000) is not allowed`, {
        details: [{ path, message: 'contains a NUL character' }],
      });
  }
}
