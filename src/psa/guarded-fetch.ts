// The one way the hub's requests reach a PSA: never following a redirect (a 3xx would carry the
// partner's credentials to wherever it points, unchecked), and refusing private and loopback
// addresses on the address actually connected to — checked in the connection's own DNS lookup, so a
// name that resolved to a public address when the site URL was checked cannot rebind to an internal
// one later, and every URL learned from a PSA (Autotask's zone) passes the same rule.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import { PsaError } from './errors.ts';
import { isPrivateAddress, privateHostAdvice } from './outbound-url.ts';

export interface OutboundPolicy {
  /** Tests and the demo talk to simulators on loopback; production never does. */
  allowPrivate: boolean;
}

class BlockedAddress extends Error {
  override name = 'BlockedAddress';
}

const blocked = (host: string) =>
  new PsaError(
    'validation',
    `${host} is a private or loopback address: the hub sends requests only to public PSA hosts; ${privateHostAdvice()}`,
  );

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const list = addresses as LookupAddress[];
    if (hostname === 'localhost' || list.some((a) => isPrivateAddress(a.address)))
      return callback(new BlockedAddress(hostname), []);
    if (options.all) return callback(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
}

const agents = new Map<boolean, Agent>();
function agentFor(policy: OutboundPolicy): Agent {
  let agent = agents.get(policy.allowPrivate);
  if (!agent) {
    agent = new Agent({
      keepAliveTimeout: 30_000,
      connect: policy.allowPrivate ? {} : { lookup: guardedLookup as never },
    });
    agents.set(policy.allowPrivate, agent);
  }
  return agent;
}

/** A fetch for PSA requests under `policy`; redirects are answered as they are, never followed. */
export function guardedFetch(policy: OutboundPolicy): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // A literal address is connected to without a lookup: check it here.
    if (!policy.allowPrivate && isIP(host) && isPrivateAddress(host)) throw blocked(host);
    try {
      return await undiciFetch(url, {
        ...(init as object),
        redirect: 'manual',
        dispatcher: agentFor(policy),
      } as never);
    } catch (err) {
      if ((err as { cause?: unknown }).cause instanceof BlockedAddress) throw blocked(host);
      throw err;
    }
  }) as typeof fetch;
}
