// The ConnectWise simulator's own API, as another integration would call it: to change the PSA
// behind the hub's back (a technician's hand edit, a deleted company).
import type { RunningSimulator } from '../../src/simulators/index.ts';

export async function cwApi(
  cw: RunningSimulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const c = cw.credentials;
  const res = await fetch(`${cw.url}/v4_6_release/apis/3.0/${path}`, {
    method,
    headers: {
      authorization:
        'Basic ' + Buffer.from(`${c.companyId}+${c.publicKey}:${c.privateKey}`).toString('base64'),
      clientId: c.clientId!,
      'content-type': 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? {} : ((await res.json()) as Record<string, unknown>);
}
