// The headers of a hardened service (issue 13 §5), read over real HTTP on each kind of answer: data
// (JSON), an authenticated answer and the sign-in, the portal page, a hashed portal asset, and
// Swagger UI at /api/docs, which is also opened in Chromium to prove its CSP lets it work.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../support/portal.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';

vi.setConfig({ testTimeout: 60_000 });

const DATA_CSP = "default-src 'none'; frame-ancestors 'none'";
/** The CSP of an answer with its separators normalised (helmet writes `;` with no space). */
const cspOf = (headers: Headers) => headers.get('content-security-policy')?.replace(/;\s*/g, '; ');

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => t?.stop());

/** What every answer carries, whatever it is. */
function expectHardened(headers: Headers, what: string) {
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('x-frame-options'), what).toBe('DENY');
  expect(headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(headers.get('content-security-policy'), what).toContain("frame-ancestors 'none'");
  // The test hub's public URL is http: no HSTS.
  expect(headers.get('strict-transport-security'), what).toBeNull();
}

describe('answers that are data', () => {
  it('carry the tightest CSP, on success and on error', async () => {
    for (const path of ['/healthz', '/api/v1/me', '/api/v1/nothing-here', '/api/openapi.json']) {
      const res = await fetch(t.url + path);
      await res.arrayBuffer();
      expectHardened(res.headers, path);
      expect(cspOf(res.headers), path).toBe(DATA_CSP);
    }
  });

  it('are never stored when authenticated, nor is the sign-in or its refusal', async () => {
    const answers = {
      'a session': await t.operator.get('/api/v1/me'),
      'a source key': await t.source.get('/api/v1/source/partners'),
      'a write': await t.operator.post('/api/v1/me/tokens', { name: 'headers' }),
      'a forbidden answer': await t.source.get('/api/v1/me'),
      'a refused sign-in': await t.client().post('/api/v1/auth/login', {
        email: 'nobody@example.com',
        password: 'not-the-password-1',
      }),
      'a sign-in': await t.client().post('/api/v1/auth/login', {
        email: t.hub.bootstrap!.email,
        password: 'a-long-and-new-password-1',
      }),
    };
    expect(answers['a sign-in'].status).toBe(200);
    for (const [what, res] of Object.entries(answers)) {
      expect(res.headers.get('cache-control'), what).toBe('no-store');
      expectHardened(res.headers, what);
      expect(cspOf(res.headers), what).toBe(DATA_CSP);
    }
  });
});

describe('the portal', () => {
  it('keeps its own nonce CSP on its page, and its long cache on hashed assets', async () => {
    const page = await fetch(`${t.url}/connections/some-deep-link`);
    const html = await page.text();
    expect(page.headers.get('content-type')).toContain('text/html');
    expectHardened(page.headers, 'the portal page');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(html).toContain(`content="${/'nonce-([^']+)'/.exec(csp)?.[1]}"`);
    expect(page.headers.get('cache-control')).toBe('no-cache');

    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const js = await fetch(t.url + asset);
    await js.arrayBuffer();
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expectHardened(js.headers, 'a hashed asset');
  });
});

describe('Swagger UI at /api/docs', () => {
  it('serves its page, scripts and styles with a CSP that lets them run', async () => {
    const page = await fetch(`${t.url}/api/docs`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expectHardened(page.headers, '/api/docs');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<\s]/);
    const linked = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(linked.length).toBeGreaterThanOrEqual(4);
    for (const path of linked) {
      const res = await fetch(new URL(path, `${t.url}/api/docs/`));
      await res.arrayBuffer();
      expect(res.status, path).toBe(200);
      expectHardened(res.headers, path);
    }
  });

  it('renders the API in Chromium with no CSP violation', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('console', (msg) => {
        if (/Content Security Policy|Refused to/i.test(msg.text())) problems.push(msg.text());
      });
      const answer = await page.goto(`${t.url}/api/docs`);
      // Under its own CSP, not without one.
      expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");
      await page.locator('.swagger-ui .info .title').getByText('psa-hub').waitFor();
      // The operations came from /api/docs/json, fetched under the page's CSP.
      await page.locator('.opblock-summary-path').first().waitFor();
      expect(await page.locator('.opblock').count()).toBeGreaterThan(50);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('HSTS', () => {
  it('is sent only when the public URL is https', async () => {
    const https = await startTestHub({ publicUrl: 'https://hub.example.com' });
    try {
      for (const path of ['/healthz', '/api/v1/me', '/', '/api/docs']) {
        const res = await fetch(https.url + path);
        await res.arrayBuffer();
        expect(res.headers.get('strict-transport-security'), path).toBe(
          'max-age=31536000; includeSubDomains',
        );
      }
    } finally {
      await https.stop();
    }
  });
});
