// `psa-hub demo --events`: a stream of backup failures and recoveries like a SaaS backup platform
// sends. Each incident (organization × condition × resource) starts failing, fails again a few
// times, then recovers, so every "resolved" follows its "failing" and the hub's tickets open, get
// their consolidated notes, and resolve. The plan is pure (a random source is passed in); the stream
// posts each batch to the Source API and logs one line per batch on stderr.
import type { DemoOrganization } from './demo-data.ts';
import type { HubClient } from './hub-client.ts';

export interface SourceEvent {
  id: string;
  organizationId: string;
  condition: string;
  resource: string;
  status: 'failing' | 'resolved';
  severity: 'informational' | 'low' | 'medium' | 'high' | 'critical';
  errorCode: string;
  message: string;
  occurredAt: string;
  details: Record<string, unknown>;
}

interface Failure {
  errorCode: string;
  severity: SourceEvent['severity'];
  message: string;
}

interface Incident extends Failure {
  org: DemoOrganization;
  condition: string;
  resource: string;
  /** Failing events still to send before the recovery. */
  repeatsLeft: number;
  failures: number;
}

const mailConditions = ['backup.email', 'backup.calendar', 'backup.contacts', 'backup.tasks'];
const conditions = {
  microsoft: [...mailConditions, 'backup.onedrive', 'archive', 'auth.device_token'],
  google: [...mailConditions, 'archive', 'auth.device_token'],
} as const;

const graphFailures: Failure[] = [
  { errorCode: 'graph.429', severity: 'medium', message: 'Microsoft Graph answered 429 Too Many Requests' },
  { errorCode: 'graph.429', severity: 'medium', message: 'Microsoft Graph answered 429 Too Many Requests' },
  { errorCode: 'graph.503', severity: 'medium', message: 'Microsoft Graph answered 503 Service Unavailable' },
  { errorCode: 'graph.504', severity: 'low', message: 'Microsoft Graph timed out (504 Gateway Timeout)' },
  { errorCode: 'graph.401', severity: 'high', message: 'Microsoft Graph refused the app (401 Unauthorized)' },
];
const googleFailures: Failure[] = [
  {
    errorCode: 'google.dailyLimitExceeded',
    severity: 'low',
    message: 'Google Workspace: daily API quota used up (dailyLimitExceeded)',
  },
  {
    errorCode: 'google.dailyLimitExceeded',
    severity: 'low',
    message: 'Google Workspace: daily API quota used up (dailyLimitExceeded)',
  },
  { errorCode: 'google.503', severity: 'medium', message: 'Google Workspace answered 503 backendError' },
  { errorCode: 'google.403', severity: 'high', message: 'Google Workspace refused access (403 forbidden)' },
];
const tokenFailures: Failure[] = [
  { errorCode: 'token.expired', severity: 'high', message: 'The device token expired' },
  {
    errorCode: 'token.invalid_grant',
    severity: 'critical',
    message: 'The device token was revoked (invalid_grant)',
  },
];

const people = [
  'anna.berg',
  'ben.okafor',
  'carla.silva',
  'dev.patel',
  'emma.larsen',
  'finn.murphy',
  'grace.kim',
];
const devices = ['LAPTOP-4F7Q2', 'DESKTOP-K81ZM', 'SURFACE-7TR3', 'MACBOOK-AB12'];

export const VENDOR_PORTAL = 'https://portal.cloudvault.example';

/** Decides each batch: which incidents start, which fail again, which recover. */
export class DemoEventPlan {
  private readonly orgs: DemoOrganization[];
  private readonly random: () => number;
  private readonly runId: string;
  private readonly maxOpen: number;
  private readonly open = new Map<string, Incident>();
  private seq = 0;

  constructor(
    orgs: DemoOrganization[],
    opts: { random?: () => number; runId?: string; maxOpen?: number } = {},
  ) {
    if (orgs.length === 0) throw new Error('the event stream needs organizations');
    this.orgs = orgs;
    this.random = opts.random ?? Math.random;
    this.runId = opts.runId ?? Date.now().toString(36);
    this.maxOpen = opts.maxOpen ?? 6;
  }

  /** The next batch. The first one opens several incidents at once, so tickets show up quickly. */
  next(now = new Date()): SourceEvent[] {
    const events: SourceEvent[] = [];
    for (const [key, incident] of this.open) {
      if (this.random() < 0.3) continue; // not every job runs every few seconds
      if (incident.repeatsLeft > 0) {
        incident.repeatsLeft--;
        incident.failures++;
        events.push(this.event(incident, 'failing', now));
      } else {
        this.open.delete(key);
        events.push(this.event(incident, 'resolved', now));
      }
    }
    const starts = this.seq === 0 ? 3 : this.random() < 0.5 ? 1 : 0;
    for (let i = 0; i < starts && this.open.size < this.maxOpen; i++) {
      const incident = this.newIncident();
      if (!incident) break;
      this.open.set(keyOf(incident), incident);
      events.push(this.event(incident, 'failing', now));
    }
    return events;
  }

  private newIncident(): Incident | undefined {
    for (let attempt = 0; attempt < 10; attempt++) {
      const org = this.pick(this.orgs);
      const condition = this.pick(conditions[org.workspace]);
      const resource = condition.startsWith('auth.')
        ? `${this.pick(devices)} (${this.pick(people)}@${org.domain})`
        : `${this.pick(people)}@${org.domain}`;
      const failure = this.pick(
        condition.startsWith('auth.')
          ? tokenFailures
          : org.workspace === 'google'
            ? googleFailures
            : graphFailures,
      );
      const incident = {
        org,
        condition,
        resource,
        ...failure,
        // Most clear within a few runs; one in four keeps failing for minutes (repeat notes).
        repeatsLeft:
          this.random() < 0.25 ? 15 + Math.floor(this.random() * 25) : 1 + Math.floor(this.random() * 5),
        failures: 1,
      };
      if (!this.open.has(keyOf(incident))) return incident;
    }
    return undefined;
  }

  private event(incident: Incident, status: SourceEvent['status'], now: Date): SourceEvent {
    const { org, condition, resource } = incident;
    const query = new URLSearchParams({ condition, resource });
    return {
      id: `demo-${this.runId}-${++this.seq}`,
      organizationId: org.externalId,
      condition,
      resource,
      status,
      severity: incident.severity,
      errorCode: incident.errorCode,
      message: status === 'failing' ? incident.message : `${condition} of ${resource} works again`,
      occurredAt: now.toISOString(),
      details: {
        portalUrl: `${VENDOR_PORTAL}/organizations/${encodeURIComponent(org.externalId)}/protection?${query}`,
        attempt: incident.failures,
      },
    };
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }
}

const keyOf = (i: { org: DemoOrganization; condition: string; resource: string }) =>
  `${i.org.externalId}|${i.condition}|${i.resource}`;

export interface EventStream {
  stop(): Promise<void>;
}

/** Posts a batch every `intervalMs` (the first at once) until stopped; never two at a time. */
export function startEventStream(
  source: HubClient,
  orgs: DemoOrganization[],
  opts: { intervalMs?: number; log?: (line: string) => void } = {},
): EventStream {
  const plan = new DemoEventPlan(orgs);
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const intervalMs = opts.intervalMs ?? 4000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const tick = async () => {
    const events = plan.next();
    if (events.length === 0) return;
    try {
      const reply = await source.post<{ accepted: number; duplicate: number; rejected: number }>(
        '/api/v1/source/events',
        { events },
        202,
      );
      log(`psa-hub demo: sent ${summarize(events)}; accepted ${reply.accepted}, rejected ${reply.rejected}`);
    } catch (err) {
      if (!stopped) log(`psa-hub demo: could not send events: ${(err as Error).message}`);
    }
  };
  const schedule = (delay: number) => {
    timer = setTimeout(() => {
      running = tick().finally(() => {
        if (!stopped) schedule(intervalMs);
      });
    }, delay);
  };
  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

function summarize(events: SourceEvent[]): string {
  const failing = events.filter((e) => e.status === 'failing').length;
  const items = events.map(
    (e) => `${e.organizationId} ${e.condition} ${e.status}${e.status === 'failing' ? ` ${e.errorCode}` : ''}`,
  );
  const noun = events.length === 1 ? 'event' : 'events';
  return `${events.length} ${noun} (${failing} failing, ${events.length - failing} resolved): ${items.join('; ')}`;
}
