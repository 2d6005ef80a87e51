// Strings PostgreSQL cannot store: a NUL character (text cannot hold one) and a lone UTF-16
// surrogate (`"\ud800"` in JSON: jsonb refuses it, text gets it silently replaced). Found before
// anything is written, with the path of the first and why, so the request (or the one batch item)
// is refused in words instead of failing deep in a query.

function oddness(s: string): string | null {
  if (s.includes('\u0000')) return 'contains a NUL character (\\u0000)';
  if (!s.isWellFormed()) return 'contains a lone surrogate (an unpaired \\ud800–\\udfff)';
  return null;
}

const printable = (key: string) => key.replaceAll('\u0000', '\\u0000');

/** The first string (or key) of `value` that cannot be stored: its path and why; or null. */
export function oddString(value: unknown, path: string): { path: string; message: string } | null {
  if (typeof value === 'string') {
    const message = oddness(value);
    return message ? { path, message } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = oddString(value[i], `${path}/${i}`);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const keyMessage = oddness(k);
      if (keyMessage) return { path: `${path}/${printable(k)}`, message: `key ${keyMessage}` };
      const hit = oddString(v, `${path}/${printable(k)}`);
      if (hit) return hit;
    }
  }
  return null;
}
