// Starts a whole hub for a test file on a fresh database and a free port, reached over real HTTP,
// with helpers to sign in as operator, create a source key, and seed a partner tree.
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config.ts';
import { startHub, type Hub } from '../../src/server.ts';
import { Client } from './client.ts';
import { freshDb, type TestDb } from './db.ts';

export interface TestHub {
  hub: Hub;
  url: string;
  testDb: TestDb;
  /** A signed-in operator whose one-time password was already replaced. */
  operator: Client;
  /** A client holding a fresh source key. */
  source: Client;
  client(opts?: { bearer?: string }): Client;
  /** Create a user through the API and return a client signed in as them (password changed). */
  userClient(
    partnerId: string,
    role: 'owner' | 'super_admin' | 'admin' | 'viewer',
  ): Promise<Client & { userId: string }>;
  stop(): Promise<void>;
}

export const NEW_PASSWORD = 'a-long-and-new-password-1';

export interface TestHubOptions {
  allowPrivatePsaHosts?: boolean;
  /** Receive every log line the hub writes (at debug level), e.g. to search it for secrets. */
  onLog?: (line: string) => void;
  /** 'api' runs no jobs in this process (a separate worker process does). */
  role?: 'all' | 'api';
  /** The secret key, for a worker process that must open the same credentials. */
  secretKey?: string;
  /** PSAHUB_PUBLIC_URL, e.g. an https one (HSTS, Secure cookies) while the test still speaks http. */
  publicUrl?: string;
}

export async function startTestHub(opts: TestHubOptions = {}): Promise<TestHub> {
  const testDb = await freshDb();
  const config = loadConfig(
    {
      PSAHUB_SECRET_KEY: opts.secretKey ?? randomBytes(32).toString('hex'),
      PSAHUB_LOG_LEVEL: 'silent',
      PSAHUB_PUBLIC_URL: opts.publicUrl,
    },
    {
      port: 0,
      host: '127.0.0.1',
      dataDir: '/nonexistent-test-data-dir',
      allowPrivatePsaHosts: opts.allowPrivatePsaHosts ?? true,
    },
  );
  const logger = opts.onLog
    ? { level: 'debug', stream: { write: (line: string) => opts.onLog!(line) } }
    : false;
  const hub = await startHub(config, { role: opts.role ?? 'all', listen: true, db: testDb.db, logger });
  const url = hub.url!;
  const client = (opts: { bearer?: string } = {}) => new Client(url, opts);
  const operator = await signInFirstTime(client(), hub.bootstrap!.email, hub.bootstrap!.password);
  const key = await operator.post<{ token: string }>('/api/v1/source-keys', { name: 'tests' });
  const source = client({ bearer: key.body.token });
  let n = 0;
  return {
    hub,
    url,
    testDb,
    operator,
    source,
    client,
    async userClient(partnerId, role) {
      const email = `user${++n}-${randomBytes(3).toString('hex')}@example.com`;
      const created = await operator.post('/api/v1/users', { email, name: `User ${n}`, partnerId, role });
      if (created.status !== 201) throw new Error(`could not create user: ${created.text}`);
      const c = await signInFirstTime(client(), email, created.body.oneTimePassword);
      return Object.assign(c, { userId: created.body.user.id as string });
    },
    async stop() {
      await hub.close();
      if (testDb.url) await testDb.drop();
    },
  };
}

/** Sign in with a one-time password, replace it, and sign in again with the new one. */
export async function signInFirstTime(c: Client, email: string, oneTime: string): Promise<Client> {
  await c.login(email, oneTime);
  const changed = await c.post('/api/v1/me/password', {
    currentPassword: oneTime,
    newPassword: NEW_PASSWORD,
  });
  if (changed.status !== 204) throw new Error(`password change failed: ${changed.text}`);
  const again = await c.login(email, NEW_PASSWORD);
  if (again.status !== 200) throw new Error(`sign-in failed: ${again.text}`);
  return c;
}

/** A partner tree pushed through the Source API: dist → (resellerA → subA), resellerB. */
export async function seedTree(source: Client, tag = randomBytes(3).toString('hex')) {
  const ext = (name: string) => `${name}-${tag}`;
  const batch = await source.post('/api/v1/source/partners/batch', {
    items: [
      { externalId: ext('subA'), name: `Sub A ${tag}`, kind: 'sub_reseller', parentExternalId: ext('resA') },
      { externalId: ext('dist'), name: `Distributor ${tag}`, kind: 'distributor' },
      {
        externalId: ext('resA'),
        name: `Reseller A ${tag}`,
        kind: 'direct_reseller',
        parentExternalId: ext('dist'),
      },
      {
        externalId: ext('resB'),
        name: `Reseller B ${tag}`,
        kind: 'direct_reseller',
        parentExternalId: ext('dist'),
      },
    ],
  });
  if (batch.body.counts?.rejected !== 0) throw new Error(`seed failed: ${batch.text}`);
  const id = (name: string) =>
    batch.body.results.find((r: { key: string }) => r.key === ext(name)).id as string;
  await source.post('/api/v1/source/plans/batch', {
    items: ['planA', 'planB', 'planSub'].map((p) => ({
      externalId: ext(p),
      name: `Plan ${p} ${tag}`,
      unit: 'seat',
    })),
  });
  await source.post('/api/v1/source/partners/plans/batch', {
    items: [
      { partnerExternalId: ext('resA'), planExternalIds: [ext('planA')] },
      { partnerExternalId: ext('resB'), planExternalIds: [ext('planB')] },
      { partnerExternalId: ext('subA'), planExternalIds: [ext('planSub')] },
    ],
  });
  const orgs = await source.post('/api/v1/source/organizations/batch', {
    items: [
      {
        externalId: ext('orgA'),
        name: `Org A ${tag}`,
        partnerExternalId: ext('resA'),
        domains: ['a.example.com'],
      },
      { externalId: ext('orgB'), name: `Org B ${tag}`, partnerExternalId: ext('resB') },
      { externalId: ext('orgSub'), name: `Org Sub ${tag}`, partnerExternalId: ext('subA') },
    ],
  });
  const orgId = (name: string) =>
    orgs.body.results.find((r: { key: string }) => r.key === ext(name)).id as string;
  return {
    tag,
    ext,
    partners: { dist: id('dist'), resA: id('resA'), resB: id('resB'), subA: id('subA') },
    orgs: { orgA: orgId('orgA'), orgB: orgId('orgB'), orgSub: orgId('orgSub') },
  };
}
