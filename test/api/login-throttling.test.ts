// Sign-in throttling holds under parallel guesses and cannot be turned against a victim: each
// attempt is counted before its password is checked (50 parallel guesses → at most 5 checked), a
// stranger's failures from one address do not lock the user out elsewhere, guesses from many
// addresses meet growing waits of at most a minute, and one address has its own, higher limit.
// Different source addresses are real: connections from 127.0.0.x (all loopback on Linux).
import { Agent, fetch } from 'undici';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { NEW_PASSWORD, seedTree, startTestHub, type TestHub } from '../support/hub.ts';

vi.setConfig({ testTimeout: 120_000 });

let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
const agents: Agent[] = [];
beforeAll(async () => {
  t = await startTestHub();
  tree = await seedTree(t.source);
});
afterAll(async () => {
  await Promise.all(agents.map((a) => a.close()));
  await t?.stop();
});

/** Sign in from source address 127.0.0.`host`. */
function signInFrom(host: number) {
  const agent = new Agent({ localAddress: `127.0.0.${host}` });
  agents.push(agent);
  return async (email: string, password: string) => {
    const res = await fetch(`${t.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
      dispatcher: agent,
    });
    return {
      status: res.status,
      retryAfter: Number(res.headers.get('retry-after')),
      body: (await res.json()) as { error: { message: string } },
    };
  };
}

async function newUser() {
  const user = await t.userClient(tree.partners.resA, 'admin');
  return (await user.get('/api/v1/me')).body.user.email as string;
}

it('checks at most 5 of 50 parallel guesses from one address, and the user still signs in from another', async () => {
  const victim = await newUser();
  const stranger = signInFrom(2);
  const answers = await Promise.all(Array.from({ length: 50 }, () => stranger(victim, 'a-wrong-guess')));
  const checked = answers.filter((a) => a.status === 401).length;
  expect(checked).toBeLessThanOrEqual(5);
  const refused = answers.filter((a) => a.status === 429);
  expect(refused.length).toBe(50 - checked);
  expect(refused[0]!.retryAfter).toBeGreaterThan(0);
  // The message says the wait the header gives (seconds up to 90, then minutes).
  const wait = refused[0]!.retryAfter;
  expect(refused[0]!.body.error.message).toBe(
    `Too many sign-in attempts; try again in ${wait < 90 ? `${wait} seconds` : `${Math.ceil(wait / 60)} minutes`}`,
  );
  expect((await stranger(victim, NEW_PASSWORD)).status).toBe(429);
  expect((await signInFrom(3)(victim, NEW_PASSWORD)).status).toBe(200);
});

it('meets guesses for one e-mail from many addresses with growing waits of at most a minute', async () => {
  const victim = await newUser();
  for (const host of [4, 5]) {
    const from = signInFrom(host);
    for (let i = 0; i < 5; i++) {
      const r = await from(victim, 'a-wrong-guess');
      expect(r.status, `attempt ${i} from 127.0.0.${host}`).toBe(401);
    }
  }
  const held = await signInFrom(6)(victim, NEW_PASSWORD);
  expect(held.status).toBe(429);
  expect(held.retryAfter).toBeGreaterThan(0);
  expect(held.retryAfter).toBeLessThanOrEqual(60);
});

it('holds one address back after 100 attempts, whatever the e-mails', async () => {
  const office = signInFrom(7);
  for (let i = 0; i < 100; i++) {
    const res = await office(`nobody${i % 25}@example.com`, 'a-wrong-guess');
    expect(res.status).toBe(401);
  }
  const user = await newUser();
  expect((await office(user, NEW_PASSWORD)).status).toBe(429);
  expect((await signInFrom(8)(user, NEW_PASSWORD)).status).toBe(200);
});
