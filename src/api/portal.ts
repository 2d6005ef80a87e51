// Serves the built portal (dist/portal, built by Vite from src/web) from the hub's own process:
// hashed assets under /assets/ with a year-long immutable cache, and index.html for every other GET
// that is not the API or an operational endpoint (the portal routes in the browser), never cached,
// with a strict Content-Security-Policy of its own. The hub imports nothing of src/web: only its build output.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PORTAL_DIR = fileURLToPath(new URL('../../dist/portal/', import.meta.url));

/** Paths the portal never answers: they belong to the API and operations, and keep their 404s. */
const notPortal = /^\/(api|assets)(\/|$)|^\/(healthz|readyz|metrics)(\/|\?|$)/;

const NONCE_PLACEHOLDER = '__CSP_NONCE__';

/**
 * Scripts only from our origin, no inline script at all. Styles: Mantine writes <style> tags (its CSS
 * variables) at run time, so style tags are allowed with this response's nonce, which the portal reads
 * from <meta name="csp-nonce"> and hands to MantineProvider's getStyleNonce (Mantine's supported way).
 * Inline style attributes are not allowed: React sets styles through the CSSOM, which CSP does not
 * govern. data: images are allowed for the small SVGs in Mantine's stylesheet.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface Portal {
  /** Answers a request no route matched with the portal's index.html; false when it is not one. */
  fallback(request: FastifyRequest, reply: FastifyReply): boolean;
}

export async function installPortal(app: FastifyInstance, dir = PORTAL_DIR): Promise<Portal> {
  const indexFile = `${dir}index.html`;
  const built = existsSync(indexFile);
  if (built) {
    await app.register(fastifyStatic, {
      root: `${dir}assets`,
      prefix: '/assets/',
      // The file names carry a hash of their content: a changed file is a new name.
      immutable: true,
      maxAge: '365d',
      index: false,
      schemaHide: true,
    });
  }
  const index = built ? readFileSync(indexFile, 'utf8') : undefined;
  return {
    fallback(request, reply) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      if (notPortal.test(request.url)) return false;
      if (!index) {
        void reply
          .status(503)
          .type('text/plain; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(
            'The portal is not built. Run `npm run build:portal` (npm ci does it), then restart the hub.\n',
          );
        return true;
      }
      const nonce = randomBytes(16).toString('base64');
      void reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        // In place of the data CSP every other answer gets (security-headers.ts sets the rest).
        .header('content-security-policy', contentSecurityPolicy(nonce))
        .send(index.replaceAll(NONCE_PLACEHOLDER, nonce));
      return true;
    },
  };
}
