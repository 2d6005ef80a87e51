// A partner types the PSA's URL; the hub will send credentials there. So it must be https on a public
// host: never loopback, link-local or private addresses (or names resolving to them), which would let
// a partner aim the hub at internal services. Tests and the demo opt in to private hosts explicitly.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export type Resolver = (hostname: string) => Promise<string[]>;

const privateRanges = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  privateRanges.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  privateRanges.addSubnet(net, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPrivateAddress(mapped);
  const family = isIP(address);
  if (family === 0) return false;
  return privateRanges.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const unknownName = (host: string) => `the host name ${host} is unknown (DNS has no such name)`;

/** What the refusal says: the caller's fix, and the operator's switch for simulators and tests. */
export const privateHostAdvice = (whose = "the PSA's") =>
  `use ${whose} public https URL (an operator running simulators or tests allows private hosts ` +
  'with PSAHUB_ALLOW_PRIVATE_PSA_HOSTS=1)';

export interface UrlCheckOptions {
  allowPrivate: boolean;
  resolve: Resolver;
  /** Whose URL it is, in the refusal: "the PSA's" unless said. */
  whose?: string;
}

/** The normalised origin (scheme://host[:port]) or a sentence saying what is wrong with the URL. */
export async function checkPsaUrl(
  input: string,
  opts: UrlCheckOptions,
): Promise<{ ok: true; url: string } | { ok: false; reason: string }> {
  const checked = await checkOutboundUrl(input, opts);
  return checked.ok ? { ok: true, url: `${checked.url.protocol}//${checked.url.host}` } : checked;
}

/**
 * Every URL the hub sends to (PSA sites, vendor webhooks): https on a public host unless private
 * hosts are allowed, no credentials in it. The whole URL, or a sentence saying what is wrong.
 */
export async function checkOutboundUrl(
  input: string,
  opts: UrlCheckOptions,
): Promise<{ ok: true; url: URL } | { ok: false; reason: string }> {
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(input) ? input : `https://${input}`);
  } catch {
    return { ok: false, reason: `"${input}" is not a URL` };
  }
  if (url.username || url.password)
    return { ok: false, reason: 'the URL must not contain a user name or password' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // Decided before any lookup: no scheme but https is right wherever the name points. Plain http is
  // for simulators on private hosts (allowed below); a literal private address gets that answer.
  const literal = isIP(host) !== 0 || host === 'localhost';
  if (url.protocol !== 'https:' && (url.protocol !== 'http:' || (!opts.allowPrivate && !literal))) {
    return { ok: false, reason: `the URL must use https, not ${url.protocol.replace(/:$/, '')}` };
  }
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await opts.resolve(host);
  } catch {
    return { ok: false, reason: unknownName(host) };
  }
  if (addresses.length === 0) return { ok: false, reason: unknownName(host) };
  const internal = addresses.some(isPrivateAddress) || host === 'localhost';
  if (internal && !opts.allowPrivate) {
    return {
      ok: false,
      reason: `${host} is a private or loopback address; ${privateHostAdvice(opts.whose)}`,
    };
  }
  if (url.protocol !== 'https:' && !(internal && opts.allowPrivate)) {
    return { ok: false, reason: 'the URL must use https' };
  }
  return { ok: true, url };
}

/** The system's DNS, every address of the name. */
export const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true })).map((a) => a.address);
