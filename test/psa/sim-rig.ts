// What every connector test rig shares: fast retries, the simulator's `/_sim/` control routes over
// HTTP (connector tests never import simulator code beyond starting it), and counting exchanges.
import type { Exchange } from '../../src/psa/http.ts';

export const fastPolicy = { attempts: 4, baseMs: 1, capMs: 5 };

export function simControl(url: string) {
  return {
    async control(action: string, body: unknown = {}, method = 'POST'): Promise<unknown> {
      const res = await fetch(`${url}/_sim/${action}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status >= 400) throw new Error(`control ${action}: ${res.status} ${text}`);
      return text === '' ? null : (JSON.parse(text) as unknown);
    },
    async records<T>(table: string, id?: string | number): Promise<T> {
      const res = await fetch(`${url}/_sim/records/${table}${id === undefined ? '' : `/${id}`}`);
      return (await res.json()) as T;
    },
  };
}

/** How many exchanges went to a path matching `re` (by method when given). */
export function countExchanges(exchanges: readonly Exchange[], re: RegExp, method?: string): number {
  return exchanges.filter((e) => re.test(new URL(e.url).pathname) && (!method || e.method === method)).length;
}
