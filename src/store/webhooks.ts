// The vendor platform's webhook subscriptions and their deliveries (the outbox). An event is written
// as one delivery row per subscription that wants it, in the transaction of the change it tells
// about; workers claim due rows (SKIP LOCKED, with a lease a dead worker's claim runs out of), send
// them, and record each attempt's answer.
import { randomUUID } from 'node:crypto';
import type { Db } from './db.ts';
import type { SecretBox } from './secret-box.ts';
import { beforeCursor, microsKey, paramList, toTimePage } from './time-paging.ts';
import type { Page } from './paging.ts';

export interface WebhookSubscription {
  id: string;
  url: string;
  events: string[];
  description: string;
  createdAt: Date;
}

interface SubscriptionRow {
  id: string;
  url: string;
  events: string[];
  description: string;
  created_at: Date;
}

const toSubscription = (r: SubscriptionRow): WebhookSubscription => ({
  id: r.id,
  url: r.url,
  events: r.events,
  description: r.description,
  createdAt: r.created_at,
});

export async function createSubscription(
  db: Db,
  box: SecretBox,
  s: { url: string; events: string[]; description: string; secret: string },
): Promise<WebhookSubscription> {
  const [row] = await db.query<SubscriptionRow>(
    `INSERT INTO webhook_subscriptions (url, events, description, secret_sealed) VALUES ($1, $2, $3, $4)
     RETURNING id, url, events, description, created_at`,
    [s.url, s.events, s.description, box.seal(s.secret)],
  );
  return toSubscription(row!);
}

export async function listSubscriptions(db: Db): Promise<WebhookSubscription[]> {
  const rows = await db.query<SubscriptionRow>(
    `SELECT id, url, events, description, created_at FROM webhook_subscriptions
      WHERE deleted_at IS NULL ORDER BY created_at, id`,
  );
  return rows.map(toSubscription);
}

export async function getSubscription(db: Db, id: string): Promise<WebhookSubscription | undefined> {
  const [row] = await db.query<SubscriptionRow>(
    `SELECT id, url, events, description, created_at FROM webhook_subscriptions
      WHERE id = $1 AND deleted_at IS NULL`,
    [id],
  );
  return row && toSubscription(row);
}

/** Stops it: nothing more is sent, and what waited to be sent is dead with the reason. */
export async function deleteSubscription(db: Db, id: string): Promise<boolean> {
  const [row] = await db.query<{ id: string }>(
    `UPDATE webhook_subscriptions SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
    [id],
  );
  if (!row) return false;
  await db.query(
    `UPDATE webhook_deliveries SET status = 'dead', last_error = 'the subscription was deleted'
      WHERE subscription_id = $1 AND status = 'pending'`,
    [id],
  );
  return true;
}

/**
 * In `db`'s transaction: the event, for every subscription that wants `type` (or only `onlyTo`).
 * `data` may be a function, called only when someone subscribed (it may cost a query). Returns the
 * event's id, or null when nobody subscribed (nothing is written).
 */
export async function emitWebhookEvent(
  db: Db,
  type: string,
  data: object | (() => Promise<object>),
  onlyTo?: string,
): Promise<string | null> {
  const target = onlyTo ? 'id = $1' : '$1 = ANY(events)';
  const [wanted] = await db.query<{ any: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM webhook_subscriptions WHERE deleted_at IS NULL AND ${target}) AS any`,
    [onlyTo ?? type],
  );
  if (!wanted?.any) return null;
  const id = randomUUID();
  const payload = typeof data === 'function' ? await data() : data;
  const body = JSON.stringify({ id, type, createdAt: new Date().toISOString(), data: payload });
  await db.query(
    `INSERT INTO webhook_deliveries (subscription_id, event_id, event_type, body)
     SELECT id, $2, $3, $4 FROM webhook_subscriptions WHERE deleted_at IS NULL AND ${target}`,
    [onlyTo ?? type, id, type, body],
  );
  return id;
}

export interface DueDelivery {
  id: string;
  eventId: string;
  eventType: string;
  body: string;
  attempts: number;
  createdAt: Date;
  url: string;
  secretSealed: string;
}

/** Claims up to `limit` due deliveries for `leaseSeconds`; another worker skips them meanwhile. */
export async function claimDueDeliveries(
  db: Db,
  limit: number,
  leaseSeconds: number,
): Promise<DueDelivery[]> {
  const rows = await db.query<{
    id: string;
    event_id: string;
    event_type: string;
    body: string;
    attempts: number;
    created_at: Date;
    url: string;
    secret_sealed: string;
  }>(
    `WITH claimed AS (
       UPDATE webhook_deliveries SET claimed_until = now() + $2 * interval '1 second'
        WHERE id IN (SELECT id FROM webhook_deliveries
                      WHERE status = 'pending' AND next_attempt_at <= now()
                        AND (claimed_until IS NULL OR claimed_until < now())
                      ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING *)
     SELECT c.id, c.event_id, c.event_type, c.body, c.attempts, c.created_at, s.url, s.secret_sealed
       FROM claimed c JOIN webhook_subscriptions s ON s.id = c.subscription_id`,
    [limit, leaseSeconds],
  );
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    eventType: r.event_type,
    body: r.body,
    attempts: r.attempts,
    createdAt: r.created_at,
    url: r.url,
    secretSealed: r.secret_sealed,
  }));
}

export interface AttemptOutcome {
  ok: boolean;
  status: number | null;
  answer: string | null;
  error: string | null;
  /** When to try again; null when it is not to be tried again (delivered, or out of time). */
  nextAttemptAt: Date | null;
}

export async function recordAttempt(db: Db, id: string, o: AttemptOutcome): Promise<void> {
  await db.query(
    `UPDATE webhook_deliveries
        SET attempts = attempts + 1, last_attempt_at = now(), last_status = $2, last_answer = $3,
            last_error = $4, claimed_until = NULL,
            status = CASE WHEN $5 THEN 'delivered' WHEN $6::timestamptz IS NULL THEN 'dead' ELSE 'pending' END,
            delivered_at = CASE WHEN $5 THEN now() END,
            next_attempt_at = coalesce($6::timestamptz, next_attempt_at)
      WHERE id = $1 AND status = 'pending'`,
    [id, o.status, o.answer, o.error, o.ok, o.nextAttemptAt],
  );
}

export const deliveryStatuses = ['pending', 'delivered', 'dead'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export interface WebhookDelivery {
  id: string;
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastStatus: number | null;
  lastAnswer: string | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
  body: string;
}

interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_attempt_at: Date | null;
  last_status: number | null;
  last_answer: string | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
  body: string;
  time_key: string;
}

const deliveryColumns = `id, event_id, event_type, status, attempts, next_attempt_at, last_attempt_at, last_status,
  last_answer, last_error, delivered_at, created_at, body, ${microsKey('created_at')} AS time_key`;

const toDelivery = (r: DeliveryRow): WebhookDelivery & { timeKey: string } => ({
  id: r.id,
  eventId: r.event_id,
  eventType: r.event_type,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
  lastAttemptAt: r.last_attempt_at,
  lastStatus: r.last_status,
  lastAnswer: r.last_answer,
  lastError: r.last_error,
  deliveredAt: r.delivered_at,
  createdAt: r.created_at,
  body: r.body,
  timeKey: r.time_key,
});

/** A subscription's deliveries, newest first. */
export async function listDeliveries(
  db: Db,
  subscriptionId: string,
  q: { status?: DeliveryStatus; cursor?: string; limit: number },
): Promise<Page<WebhookDelivery>> {
  const { params, param } = paramList();
  const where = [
    `subscription_id = ${param(subscriptionId)}`,
    beforeCursor(q.cursor, 'created_at', 'id', param),
  ];
  if (q.status) where.push(`status = ${param(q.status)}`);
  const rows = await db.query<DeliveryRow>(
    `SELECT ${deliveryColumns} FROM webhook_deliveries WHERE ${where.join(' AND ')}
      ORDER BY created_at DESC, id DESC LIMIT ${param(q.limit + 1)}`,
    params,
  );
  return toTimePage(rows.map(toDelivery), q.limit);
}

/** Sends it again now; a dead one gets one more attempt (it stays dead if that fails too). */
export async function retryDelivery(
  db: Db,
  subscriptionId: string,
  id: string,
): Promise<WebhookDelivery | undefined> {
  const [row] = await db.query<DeliveryRow>(
    `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = now(), claimed_until = NULL
      WHERE id = $2 AND subscription_id = $1 AND status <> 'delivered'
        AND EXISTS (SELECT 1 FROM webhook_subscriptions WHERE id = $1 AND deleted_at IS NULL)
      RETURNING ${deliveryColumns}`,
    [subscriptionId, id],
  );
  return row && toDelivery(row);
}
