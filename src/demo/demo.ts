// `psa-hub demo`: a hub on a fresh embedded database in a temporary directory, the three PSA
// simulators beside it, and a partner set up through the hub's own API with one connection to each
// simulator, ticket settings, mapped plans and linked organizations. What a newcomer needs to look
// around (URLs, keys, a sign-in) comes back as one summary; stop() undoes all of it.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type LogLevel } from '../config.ts';
import { startHub, type Hub } from '../server.ts';
import { simulatorKinds, startSimulator, type RunningSimulator, type SimKind } from '../simulators/index.ts';
import { startEventStream, type EventStream } from './demo-events.ts';
import { setUpDemo } from './demo-setup.ts';
import { HubClient } from './hub-client.ts';

export interface DemoSummary {
  hubUrl: string;
  /** The web portal, where `login` signs in. */
  portalUrl: string;
  sourceApiKey: string;
  login: { user: string; password: string };
  simulators: { kind: SimKind; url: string; credentials: Record<string, string> }[];
  organizations: { externalId: string; psa: SimKind; id: string; name: string }[];
}

export interface Demo {
  summary: DemoSummary;
  /** Where the embedded database lives until stop() removes it. */
  dataDir: string;
  stop(): Promise<void>;
}

export interface DemoOptions {
  port: number;
  host?: string;
  /** Play backup failures and recoveries into the hub. */
  events: boolean;
  eventIntervalMs?: number;
  logLevel?: LogLevel;
}

export async function startDemo(opts: DemoOptions): Promise<Demo> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'psahub-demo-'));
  const simulators: RunningSimulator[] = [];
  let hub: Hub | undefined;
  let stream: EventStream | undefined;
  let stopping: Promise<void> | undefined;
  // Reverse order of start: the events stop, then the hub drains its jobs, then the simulators go.
  const stop = () =>
    (stopping ??= (async () => {
      await stream?.stop().catch(() => {});
      await hub?.close().catch(() => {});
      await Promise.all(simulators.map((s) => s.stop().catch(() => {})));
      await rm(dataDir, { recursive: true, force: true });
    })());
  try {
    for (const kind of simulatorKinds) simulators.push(await startSimulator(kind, { port: 0 }));
    const config = loadConfig(
      {
        PSAHUB_SECRET_KEY: randomBytes(32).toString('hex'),
        PSAHUB_LOG_LEVEL: opts.logLevel ?? 'warn',
        ...(opts.host ? { PSAHUB_HOST: opts.host } : {}),
      },
      { port: opts.port, dataDir, databaseUrl: undefined, allowPrivatePsaHosts: true },
    );
    // Logs go to stderr: stdout carries the summary line only.
    hub = await startHub(config, {
      role: 'all',
      listen: true,
      logger: { level: config.logLevel, stream: process.stderr },
    });
    const hubUrl = hub.url!;
    if (!hub.bootstrap) throw new Error('the demo database was not fresh');
    const setup = await setUpDemo(hubUrl, hub.bootstrap, simulators);
    if (opts.events) {
      const source = new HubClient(hubUrl, { bearer: setup.sourceApiKey });
      stream = startEventStream(source, setup.organizations, {
        ...(opts.eventIntervalMs ? { intervalMs: opts.eventIntervalMs } : {}),
      });
    }
    return {
      dataDir,
      stop,
      summary: {
        hubUrl,
        portalUrl: `${hubUrl}/`,
        sourceApiKey: setup.sourceApiKey,
        login: setup.login,
        simulators: simulators.map((s) => ({ kind: s.kind, url: s.url, credentials: s.credentials })),
        organizations: setup.organizations.map((o) => ({
          externalId: o.externalId,
          psa: o.psa,
          id: o.id,
          name: o.name,
        })),
      },
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
