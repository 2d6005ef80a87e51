// The headers of a hardened service, on every answer (issue 13 §5), through @fastify/helmet: no MIME
// sniffing, no framing, no referrer, HSTS when the hub is reached over https, and by default the
// tightest CSP (an answer that is data loads nothing). The two HTML pages set their own CSP on top:
// the portal (portal.ts, with a per-response nonce) and Swagger UI (docsContentSecurityPolicy).
// Answers of the API are never stored by a browser or proxy: they are a user's data, or a sign-in.
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';

/**
 * The one <style> Swagger UI writes at run time: the colours of its logo's inline SVG. Allowed by its
 * hash, so no other inline style can run (a Swagger UI upgrade that changes it fails the browser test).
 */
const SWAGGER_LOGO_STYLE = '.logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}';
const swaggerLogoHash = `'sha256-${createHash('sha256').update(SWAGGER_LOGO_STYLE).digest('base64')}'`;

/** Swagger UI at /api/docs: its own scripts, styles and the OpenAPI document, nothing inline. */
export const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${swaggerLogoHash}`,
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const HSTS = 'max-age=31536000; includeSubDomains';

/** Every API answer: the authenticated ones, the sign-in (it sets the session), and their errors. */
const noStorePaths = /^\/api\/v1(\/|$)/;

export async function installSecurityHeaders(app: FastifyInstance, publicUrl: string): Promise<void> {
  await app.register(helmet, {
    // For answers that are data (JSON, text): nothing may load, nothing may frame it.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Over plain http the header is ignored by browsers, and would pin a hub that is not https yet.
    strictTransportSecurity: publicUrl.startsWith('https:')
      ? { maxAge: 31_536_000, includeSubDomains: true, preload: false }
      : false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (noStorePaths.test(request.url)) reply.header('cache-control', 'no-store');
  });
}
