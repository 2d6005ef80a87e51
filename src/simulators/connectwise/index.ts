// The ConnectWise PSA simulator: `/login/companyinfo/{companyId}` and `/{codebase}/apis/3.0/…`
// as the real server answers them (reference: ../shared/reference/connectwise.md; schemas from the
// official spec subset in ./schemas). Control actions are in control.ts; the seed in ./seed.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { SimPsa, SimRequest, SimResponse } from '../shared/types.ts';
import { dispatch } from './api.ts';
import { checkBasicAuth, checkClientId, knownCodebase, requestedVersion } from './auth.ts';
import { cwDate } from './clock.ts';
import { control, type ControlState } from './control.ts';
import { ENTITY_DEFS } from './entities/index.ts';
import type { Ctx } from './entity.ts';
import { CwError, fail, tooManyRequests } from './errors.ts';
import { apiBase } from './references.ts';
import { compileRoutes } from './routes.ts';
import { SPEC_VERSION } from './schema.ts';
import { Throttle } from './rate-limit.ts';
import { Store, TABLES, type CwSeed } from './store.ts';

export function defaultConnectwiseSeed(): CwSeed {
  return JSON.parse(readFileSync(new URL('./seed/default.json', import.meta.url), 'utf8')) as CwSeed;
}

const API_PATH = /^\/([^/]+)\/apis\/3\.0(\/.*)?$/i;
const COMPANY_INFO = /^\/login\/companyinfo\/([^/]+)\/?$/i;

export function createConnectwiseSimulator(seed?: unknown): SimPsa {
  const initial = (seed as CwSeed | undefined) ?? defaultConnectwiseSeed();
  const store = new Store(initial);
  const state: ControlState = {
    store,
    throttle: new Throttle(),
    removals: new Map(),
    expired: false,
    authFailureStatus: 401,
  };
  const credentials: Record<string, string> = {};
  const setCredentials = (): void => {
    const k = store.seed.apiKeys;
    for (const key of Object.keys(credentials)) delete credentials[key];
    Object.assign(credentials, {
      companyId: k.companyId,
      publicKey: k.publicKey,
      privateKey: k.privateKey,
      clientId: k.clientId,
    });
  };
  setCredentials();
  const match = compileRoutes(ENTITY_DEFS(state));

  function commonHeaders(version: string | undefined): Record<string, string> {
    return {
      'api-current-version': SPEC_VERSION,
      'x-cw-request-id': randomUUID(),
      'x-server-name': 'psa-hub-sim',
      'cache-control': 'no-cache',
      pragma: 'no-cache',
      'content-type': `application/vnd.connectwise.com+json; version=${version ?? SPEC_VERSION}`,
    };
  }

  function handleApi(req: SimRequest, codebase: string, apiPath: string): SimResponse {
    const info = store.seed.companyInfo;
    if (!knownCodebase(codebase, info.Codebase))
      fail(404, 'NotFound', `The codebase '${codebase}' is not served here.`);
    const retryAfter = state.throttle.take();
    if (retryAfter !== undefined) return tooManyRequests(retryAfter);
    try {
      checkClientId(req.headers, store.seed.apiKeys);
      checkBasicAuth(req.headers, store.seed.apiKeys, state.expired);
    } catch (err) {
      // On cloud, bad authentication can come back as a 404 instead of a 401 [S1, S2].
      if (err instanceof CwError && err.response.status === 401 && state.authFailureStatus === 404)
        fail(404, 'NotFound', 'The resource could not be found.');
      throw err;
    }
    const version = requestedVersion(req.headers);
    const member = store.table('members').get(store.seed.apiKeys.memberId);
    if (!member) throw new Error('seed: apiKeys.memberId names no member');
    const ctx: Ctx = { store, base: apiBase(req.origin, codebase), now: cwDate(), member };
    let response: SimResponse;
    if (/^\/system\/info\/?$/i.test(apiPath) && req.method === 'GET')
      response = { status: 200, body: store.seed.info };
    else {
      const m = match(apiPath);
      if (!m) fail(404, 'NotFound', `No route matches ${req.path}`);
      response = dispatch(m, req, ctx, state.removals);
    }
    return { ...response, headers: { ...commonHeaders(version), ...response.headers } };
  }

  return {
    kind: 'connectwise',
    credentials,
    handle(req) {
      try {
        const info = COMPANY_INFO.exec(req.path);
        if (info && req.method === 'GET') {
          // Unauthenticated codebase discovery [S1 "Calling Company Info"].
          const ci = store.seed.companyInfo;
          if (decodeURIComponent(info[1]!).toLowerCase() !== ci.CompanyID.toLowerCase())
            fail(404, 'NotFound', 'Company not found.');
          return { status: 200, body: ci, headers: { 'content-type': 'application/json; charset=utf-8' } };
        }
        const api = API_PATH.exec(req.path);
        if (!api) fail(404, 'NotFound', `No route matches ${req.path}`);
        return handleApi(req, api[1]!, api[2] ?? '/');
      } catch (err) {
        if (err instanceof CwError)
          return {
            ...err.response,
            headers: {
              'api-current-version': SPEC_VERSION,
              'x-cw-request-id': randomUUID(),
              ...err.response.headers,
            },
          };
        // A simulator bug: answer in the standard shape rather than crash the connection.
        return { status: 500, body: { code: 'UnexpectedError', message: String(err), errors: null } };
      }
    },
    reset(next?: unknown) {
      store.load((next as CwSeed | undefined) ?? initial);
      state.removals.clear();
      state.expired = false;
      state.throttle.set(undefined);
      state.authFailureStatus = 401;
      setCredentials();
    },
    records(entity, id) {
      if (!(TABLES as readonly string[]).includes(entity)) return undefined;
      const table = store.table(entity);
      if (id === undefined) return table.all();
      return table.get(Number(id));
    },
    control: (action, body) => control(state, action, body),
  };
}
