// The one JSON body parser. Before parsing, one linear scan of the text refuses nesting deeper than
// MAX_JSON_DEPTH: every later walk of the value (validation, the NUL check, the database's JSON) is
// recursive, and 500,000 nested brackets fit in a 1 MiB body. Parsing itself is Fastify's own
// (prototype-poisoning keys refused).
import type { FastifyInstance } from 'fastify';
import { AppError } from '../core/errors.ts';

export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of `text`'s arrays and objects, stopping once past `limit`. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > limit) return depth;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

export function installJsonBody(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonDepth(body as string) > MAX_JSON_DEPTH) {
      done(
        new AppError('invalid_request', `body: JSON nested deeper than ${MAX_JSON_DEPTH} levels`, {
          details: [{ path: 'body', message: `nested deeper than ${MAX_JSON_DEPTH} levels` }],
        }),
        undefined,
      );
      return;
    }
    parse(request, body as string, done);
  });
}
