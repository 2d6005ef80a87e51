// The HTTP(S) server every simulator runs in: it reads requests into values, applies injected
// faults, serves the `/_sim/` control routes, keeps a request log, and hands API calls to the PSA.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { generate } from 'selfsigned';
import { FaultTable, type FaultInput } from './faults.ts';
import type { RunningSimulator, SimPsa, SimRequest, SimResponse, SimStartOptions } from './types.ts';

const MAX_BODY_BYTES = 20 * 1024 * 1024;

export interface LoggedRequest {
  at: string;
  method: string;
  path: string;
  status: number | 'dropped';
}

export async function startSimServer(psa: SimPsa, opts: SimStartOptions = {}): Promise<RunningSimulator> {
  const host = opts.host ?? '127.0.0.1';
  const faults = new FaultTable();
  const log: LoggedRequest[] = [];
  const sockets = new Set<Socket>();

  const listener = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    void serve(req, res).catch((err: unknown) => {
      if (!res.headersSent) write(res, { status: 500, body: { message: String(err) } });
    });
  };

  async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const simReq = await readRequest(req, opts.tls === true);
    if (/^\/_sim(\/|$)/.test(simReq.path)) {
      write(res, controlRoute(simReq));
      return;
    }
    const fault = faults.match(simReq.method, simReq.path);
    if (fault?.latencyMs) await sleep(fault.latencyMs);
    if (fault?.dropBeforeCommit) return drop(res, simReq);
    if (fault?.status !== undefined)
      return answer(res, simReq, { status: fault.status, body: fault.body, headers: fault.headers });
    const response = await psa.handle(simReq);
    if (fault?.holdAfterCommitMs) await sleep(fault.holdAfterCommitMs);
    if (fault?.dropAfterCommit) return drop(res, simReq);
    answer(res, simReq, response);
  }

  function answer(res: http.ServerResponse, req: SimRequest, response: SimResponse): void {
    log.push({ at: new Date().toISOString(), method: req.method, path: req.path, status: response.status });
    write(res, response);
  }

  function drop(res: http.ServerResponse, req: SimRequest): void {
    log.push({ at: new Date().toISOString(), method: req.method, path: req.path, status: 'dropped' });
    res.socket?.destroy();
  }

  function controlRoute(req: SimRequest): SimResponse {
    const [, , action = '', ...rest] = req.path.split('/');
    const method = req.method.toUpperCase();
    try {
      if (action === 'reset' && method === 'POST') {
        psa.reset();
        faults.clear();
        log.length = 0;
        return { status: 204 };
      }
      if (action === 'seed' && method === 'POST') {
        psa.reset(req.body);
        return { status: 204 };
      }
      if (action === 'records' && method === 'GET') {
        const found = psa.records(decodeURIComponent(rest[0] ?? ''), rest[1]);
        return found === undefined
          ? { status: 404, body: { message: 'no such record' } }
          : { status: 200, body: found };
      }
      if (action === 'faults') {
        if (method === 'GET') return { status: 200, body: faults.list() };
        if (method === 'DELETE') return (faults.clear(), { status: 204 });
        if (method === 'POST') return { status: 201, body: faults.add(req.body as FaultInput) };
      }
      if (action === 'requests') {
        if (method === 'GET') return { status: 200, body: log };
        if (method === 'DELETE') return ((log.length = 0), { status: 204 });
      }
      return (
        psa.control(action, req.body) ?? {
          status: 404,
          body: { message: `unknown control route ${req.path}` },
        }
      );
    } catch (err) {
      return { status: 400, body: { message: err instanceof Error ? err.message : String(err) } };
    }
  }

  const server = opts.tls
    ? https.createServer(await selfSignedCert(host), listener)
    : http.createServer(listener);
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    kind: psa.kind,
    url: `${opts.tls ? 'https' : 'http'}://${urlHost}:${port}`,
    credentials: psa.credentials,
    psa,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function readRequest(req: http.IncomingMessage, tls: boolean): Promise<SimRequest> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk);
  }
  const rawBody = Buffer.concat(chunks).toString('utf8');
  let body: unknown;
  if (rawBody !== '') {
    try {
      body = JSON.parse(rawBody);
    } catch {
      body = undefined;
    }
  }
  const origin = `${tls ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
  const url = new URL(req.url ?? '/', origin);
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    rawBody,
    body,
    origin,
  };
}

function write(res: http.ServerResponse, response: SimResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  let payload: string | undefined;
  if (response.body !== undefined && response.status !== 204) {
    payload = response.raw ? String(response.body) : JSON.stringify(response.body);
    headers['content-type'] ??= response.raw
      ? 'text/plain; charset=utf-8'
      : 'application/json; charset=utf-8';
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}

async function selfSignedCert(host: string): Promise<{ key: string; cert: string }> {
  const altNames = [
    { type: 2 as const, value: 'localhost' },
    { type: 7 as const, ip: '127.0.0.1' },
    { type: 7 as const, ip: '::1' },
  ];
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    altNames.push(
      /^[\d.:]+$/.test(host) ? { type: 7 as const, ip: host } : { type: 2 as const, value: host },
    );
  }
  const pems = await generate([{ name: 'commonName', value: host }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames }],
  });
  return { key: pems.private, cert: pems.cert };
}
