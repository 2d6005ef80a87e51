// What the hub tells the vendor platform about, and how it signs what it sends. The signature is
// Stripe's scheme: HMAC-SHA256 with the subscription's secret over `<timestamp>.<body>`, sent as
// `PSAHub-Signature: t=<unix seconds>,v1=<hex>`, so a receiver can refuse forgeries and replays
// (a timestamp too old) with a few lines in any language.
import { createHmac } from 'node:crypto';

export const webhookEventTypes = [
  'connection.failing',
  'connection.recovered',
  'ticket.created',
  'billing.pending_approval',
  'billing.applied',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];
/** Sent only by "ping", to the one subscription asked. */
export const PING = 'webhook.ping';

export const SIGNATURE_HEADER = 'PSAHub-Signature';

export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/** Retries: 30 s, doubling, at most 6 h apart, for 3 days after the event; then the delivery is dead. */
export const RETRY_FOR_MS = 3 * 24 * 3600_000;
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
}
