// Every enum the API takes — in a body, a query string or a path — answers a wrong value with the
// field's name, the values it allows and what was sent. The walk finds the enums in the routes' own
// schemas, so a route added later is covered without anyone remembering to.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDef } from '../../src/api/route.ts';
import { allRoutes } from '../../src/api/routes.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => t?.stop());

interface Node {
  const?: unknown;
  enum?: unknown[];
  type?: string;
  anyOf?: Node[];
  properties?: Record<string, Node>;
  items?: Node;
}

/** The allowed values when `node` is an enum (literals, perhaps nested and with null), else null. */
function enumValues(node: Node): string[] | null {
  if (node.const !== undefined) return [String(node.const)];
  if (node.enum) return node.enum.map(String);
  if (!node.anyOf) return null;
  const values = node.anyOf.map((b) => (b.type === 'null' ? ['null'] : enumValues(b)));
  return values.every((v) => v !== null) && values.some((v) => v[0] !== 'null') ? values.flat() : null;
}

/** Every enum under `node` with the path of segments to it (`0` for an array's item). */
function findEnums(node: Node | undefined, at: string[] = []): { at: string[]; values: string[] }[] {
  if (!node) return [];
  const values = enumValues(node);
  if (values && at.length > 0) return [{ at, values }];
  const inside = Object.entries(node.properties ?? {}).flatMap(([k, v]) => findEnums(v, [...at, k]));
  const items = findEnums(node.items, [...at, '0']);
  const branches = (node.anyOf ?? []).flatMap((b) => findEnums(b, at));
  return [...inside, ...items, ...branches];
}

/** The route's example body (so every other field is valid) with `leaf` at the path `at`. */
function holding(base: unknown, at: string[], leaf: unknown): unknown {
  const [first, ...rest] = at;
  if (first === undefined) return leaf;
  if (first === '0') {
    const list = Array.isArray(base) ? base : [];
    return [holding(list[0], rest, leaf), ...list.slice(1)];
  }
  const object = base && typeof base === 'object' ? (base as Record<string, unknown>) : {};
  return { ...object, [first]: holding(object[first], rest, leaf) };
}

const WRONG = 'not-a-choice';
const parts = ['body', 'querystring', 'params'] as const;

const cases = allRoutes.flatMap((route) =>
  parts.flatMap((part) =>
    findEnums(route.schema[part] as Node | undefined).map((e) => ({
      route,
      part,
      ...e,
      name: `${route.method} ${route.url} ${part}/${e.at.join('/')}`,
    })),
  ),
);

/** A valid value for a path parameter that is not the one under test. */
function paramValue(route: RouteDef, name: string): string {
  const kind = route.params?.[name];
  if (kind === 'psaKind') return 'halopsa';
  if (kind === 'externalPartner') return 'ext-1';
  return randomUUID();
}

async function send(c: (typeof cases)[number]) {
  const client = c.route.permission === 'source' ? t.source : t.operator;
  const url = c.route.url.replace(/:(\w+)/g, (_, name: string) =>
    c.part === 'params' && name === c.at[0] ? WRONG : paramValue(c.route, name),
  );
  const query = c.part === 'querystring' ? `?${c.at[0]}=${WRONG}` : '';
  const body =
    c.part === 'body'
      ? holding((c.route.schema.body as { examples?: unknown[] }).examples?.[0], c.at, WRONG)
      : c.route.method === 'GET' || c.route.method === 'DELETE'
        ? undefined
        : {};
  return client.request(c.route.method, url + query, body);
}

describe('enum errors', () => {
  it('finds the enums of the API (kind, status, severity, role, outcome…)', () => {
    const fields = new Set(cases.map((c) => c.at.at(-1)));
    for (const f of ['kind', 'status', 'severity', 'role', 'outcome'])
      expect(fields, `an enum named ${f}`).toContain(f);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s names the field and its values', async (_, c) => {
    const res = await send(c);
    expect(res.status, res.text).toBe(400);
    const path = `${c.part}/${c.at.join('/')}`;
    const detail = res.body.error.details.find((d: { path?: string }) => d.path === path);
    expect(detail, `${path} in ${res.text}`).toBeDefined();
    // A pure enum reads "must be one of a, b — got …"; a mixed union ("last" or a day) names both.
    expect(detail.message).toMatch(/^must be (one of |.* or one of )/);
    expect(detail.message).toContain(`one of ${c.values.join(', ')}`);
    expect(detail.message).toMatch(new RegExp(` — got "${WRONG}"$`));
  });

  it('words the whole answer after the first wrong field', async () => {
    const res = await t.operator.get('/api/v1/alerts?status=open');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'querystring/status: must be one of failing, resolved, cancelled — got "open"',
    );
  });
});
