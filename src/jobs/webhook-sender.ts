// Sends the vendor platform's webhook deliveries: any worker process claims due ones every couple of
// seconds, POSTs each signed body through the same guarded fetch as PSA calls (no redirect followed,
// no private address unless the operator allows them), and records the answer — delivered on a 2xx,
// otherwise tried again with backoff for three days.
import {
  PING,
  RETRY_FOR_MS,
  retryDelayMs,
  SIGNATURE_HEADER,
  signatureHeader,
} from '../core/webhook-events.ts';
import { guardedFetch } from '../psa/guarded-fetch.ts';
import type { Db } from '../store/db.ts';
import type { SecretBox } from '../store/secret-box.ts';
import {
  claimDueDeliveries,
  recordAttempt,
  type AttemptOutcome,
  type DueDelivery,
} from '../store/webhooks.ts';

export interface SenderDeps {
  db: Db;
  secrets: SecretBox;
  allowPrivatePsaHosts: boolean;
}

const TIMEOUT_MS = 10_000;
const BATCH = 20;
/** Longer than a send can take (timeout and recording), so a live worker never loses its claim. */
const LEASE_SECONDS = 60;
const ANSWER_CHARS = 2000;
const POLL_MS = 2000;

async function attempt(deps: SenderDeps, d: DueDelivery, now: () => Date): Promise<AttemptOutcome> {
  const send = guardedFetch({ allowPrivate: deps.allowPrivatePsaHosts });
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'psa-hub-webhooks',
    'psahub-event': d.eventType,
    'psahub-event-id': d.eventId,
    'psahub-delivery': d.id,
    [SIGNATURE_HEADER.toLowerCase()]: signatureHeader(deps.secrets.open(d.secretSealed), d.body, now()),
  };
  const failed = (status: number | null, answer: string | null, error: string): AttemptOutcome => {
    const next = new Date(now().getTime() + retryDelayMs(d.attempts + 1));
    const inTime = d.eventType !== PING && next.getTime() <= d.createdAt.getTime() + RETRY_FOR_MS;
    return { ok: false, status, answer, error, nextAttemptAt: inTime ? next : null };
  };
  try {
    const res = await send(d.url, {
      method: 'POST',
      headers,
      body: d.body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const answer = (await res.text()).slice(0, ANSWER_CHARS);
    if (res.status >= 200 && res.status < 300)
      return { ok: true, status: res.status, answer, error: null, nextAttemptAt: null };
    if (res.status >= 300 && res.status < 400)
      return failed(
        res.status,
        answer,
        `answered with a redirect to ${res.headers.get('location') ?? '(no location)'}; redirects are not followed: subscribe that URL instead`,
      );
    return failed(res.status, answer, `answered ${res.status}; only a 2xx counts as received`);
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const why =
      e.name === 'TimeoutError'
        ? `no answer within ${TIMEOUT_MS / 1000} s`
        : (e.cause?.code ?? e.cause?.message ?? e.message);
    return failed(null, null, `could not be reached: ${why}`);
  }
}

/** One round: claims what is due and sends it; returns how many were sent. */
export async function sendDueWebhooks(deps: SenderDeps, now: () => Date = () => new Date()): Promise<number> {
  const due = await claimDueDeliveries(deps.db, BATCH, LEASE_SECONDS);
  await Promise.all(due.map(async (d) => recordAttempt(deps.db, d.id, await attempt(deps, d, now))));
  return due.length;
}

/** Runs rounds until stopped: at once while there is more, else every POLL_MS. */
export function startWebhookSender(deps: SenderDeps): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const round = () => {
    running = (async () => {
      let sent = 0;
      try {
        sent = await sendDueWebhooks(deps);
      } catch (err) {
        process.emitWarning(`webhook sender: ${String(err)}`);
      }
      if (!stopped) timer = setTimeout(round, sent === BATCH ? 0 : POLL_MS);
    })();
  };
  timer = setTimeout(round, POLL_MS);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
