// `like` and `contains` patterns. `*` is the documented wildcard [S1] and `%` appears in client
// examples [S8]. The guide's escaping table writes a literal `[string]` as `[[]string]` [S1
// "Escaping Characters"] — SQL Server LIKE syntax — so the pattern is read the way SQL Server reads
// it (inferred): `_` is one character, `[abc]` / `[a-z]` / `[^a]` a character class, `[[]` a
// literal `[`. `contains "x"` is `like "*x*"`. Matching is case-insensitive.
const cache = new Map<string, RegExp>();

const escape = (c: string): string => c.replace(/[.+?^${}()|[\]\\*\-/]/g, '\\$&');

function toRegexSource(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' || c === '%') out += '.*';
    else if (c === '_') out += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      const negate = body.startsWith('^');
      if (negate) body = body.slice(1);
      let cls = '';
      for (let j = 0; j < body.length; j++) {
        const ch = body[j]!;
        if (ch === '-' && j > 0 && j < body.length - 1) cls += '-';
        else cls += escape(ch);
      }
      out += `[${negate ? '^' : ''}${cls}]`;
      i = end;
    } else out += escape(c);
  }
  return out;
}

export function likeRegex(pattern: string, contains = false): RegExp {
  const key = `${contains ? 'c' : 'l'}:${pattern}`;
  let re = cache.get(key);
  if (!re) {
    const source = toRegexSource(pattern);
    re = new RegExp(contains ? source : `^${source}$`, 'is');
    if (cache.size > 1000) cache.clear();
    cache.set(key, re);
  }
  return re;
}
