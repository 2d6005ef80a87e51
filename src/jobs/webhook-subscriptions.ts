// Subscribing the vendor platform to the hub's events: the URL passes the outbound rule PSA site URLs pass
// (https on a public host unless the operator allows private ones), checked when it is given and again
// on every send (guarded-fetch); the secret is the subscriber's or a new random one, shown once.
import { randomBytes } from 'node:crypto';
import { AppError } from '../core/errors.ts';
import { checkOutboundUrl, systemResolver, type Resolver } from '../psa/outbound-url.ts';
import type { Db } from '../store/db.ts';
import type { SecretBox } from '../store/secret-box.ts';
import { createSubscription, type WebhookSubscription } from '../store/webhooks.ts';

export interface SubscribeDeps {
  db: Db;
  secrets: SecretBox;
  allowPrivatePsaHosts: boolean;
  resolve?: Resolver;
}

export async function subscribeWebhook(
  deps: SubscribeDeps,
  input: { url: string; events: string[]; description?: string; secret?: string },
): Promise<{ subscription: WebhookSubscription; secret: string | null }> {
  const refuse = (message: string) =>
    new AppError('invalid_request', `body/url: ${message}`, { details: [{ path: 'body/url', message }] });
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw refuse(`"${input.url}" is not an absolute URL`);
  }
  if (url.hash) throw refuse('must not have a #fragment');
  const checked = await checkOutboundUrl(url.href, {
    allowPrivate: deps.allowPrivatePsaHosts,
    resolve: deps.resolve ?? systemResolver,
    whose: "your receiver's",
  });
  if (!checked.ok) throw refuse(checked.reason);
  const generated = input.secret === undefined ? `whsec_${randomBytes(24).toString('base64url')}` : null;
  const subscription = await createSubscription(deps.db, deps.secrets, {
    url: checked.url.href,
    events: input.events,
    description: input.description ?? '',
    secret: input.secret ?? generated!,
  });
  return { subscription, secret: generated };
}
