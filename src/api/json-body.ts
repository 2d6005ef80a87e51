// The one JSON body parser. Before parsing, one linear scan of the text refuses nesting deeper than
// MAX_JSON_DEPTH: every later walk of the value (validation, the NUL check, the database's JSON) is
// recursive, and 500,000 nested brackets fit in a 1 MiB body. Parsing itself is Fastify's own
// (prototype-poisoning keys refused). The body is read as UTF-8, so a body that says it is in another
// charset is refused rather than read as mojibake. And a GET carries no body: one sent anyway was
// silently ignored (or, chunked, refused by Node in its own words), so it is refused in plain ones.
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

/** The charset a Content-Type names, lower-cased, or null. */
function charsetOf(contentType: string | undefined): string | null {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

export function installJsonBody(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const length = Number(request.headers['content-length'] ?? 0);
    if (length > 0 || request.headers['transfer-encoding'] !== undefined)
      throw new AppError('invalid_request', `A ${request.method} request takes no body`, {
        details: [{ path: 'body', message: `a ${request.method} request takes no body` }],
      });
  });
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const charset = charsetOf(request.headers['content-type']);
    if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') {
      done(new AppError('unsupported_media_type', `Send the body as UTF-8, not ${charset}`), undefined);
      return;
    }
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
