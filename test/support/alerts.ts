// Helpers for tests that turn events into tickets: ticket settings chosen from the PSA's own pick
// lists through the Partner API, as a partner would choose them.
import type { Client } from './client.ts';

interface Item {
  id: string;
  name: string;
  parentId: string | null;
  inactive: boolean;
  closed: boolean | null;
}

/** Required placement fields, an open and a closed status, and a default priority. */
export async function ticketSettingsFromPickLists(admin: Client, kind: string, connectionId: string) {
  const [kinds, picks] = await Promise.all([
    admin.get('/api/v1/psa-kinds'),
    admin.get(`/api/v1/connections/${connectionId}/pick-lists`),
  ]);
  const d = kinds.body.items.find((k: { kind: string }) => k.kind === kind);
  const lists = picks.body.lists as Record<string, Item[]>;
  const active = (list: string, parent?: string) =>
    (lists[list] ?? []).filter((i) => !i.inactive && (parent === undefined || i.parentId === parent));
  const fields: Record<string, string> = {};
  for (const p of d.placement as { name: string; pickList: string; required: boolean }[]) {
    if (p.required) fields[p.name] = active(p.pickList)[0]!.id;
  }
  if (d.priorities.dependsOn) {
    const sla = active(d.priorities.dependsOn === 'slaId' ? 'slas' : 'x').find(
      (s) => active(d.priorities.pickList, s.id).length > 0,
    )!;
    fields[d.priorities.dependsOn] = sla.id;
  }
  const statusParent = d.statuses.dependsOn ? fields[d.statuses.dependsOn] : undefined;
  const statuses = active(d.statuses.pickList, statusParent);
  fields['status.new'] = statuses.find((s) => !s.closed)!.id;
  fields['status.resolved'] = statuses.find((s) => s.closed)!.id;
  fields['status.cancelled'] = statuses.find((s) => s.closed)!.id;
  const priorityParent = d.priorities.dependsOn ? fields[d.priorities.dependsOn] : undefined;
  fields['priority.default'] = active(d.priorities.pickList, priorityParent)[0]!.id;
  const res = await admin.put(`/api/v1/connections/${connectionId}/ticket-settings`, { fields });
  if (res.status !== 200) throw new Error(`${kind} settings: ${res.text}`);
}

/** Read until `ok` says so, every 100 ms; throws naming `what` after `ms` (only a failing test waits it out). */
export async function until<T>(
  what: string,
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  ms = 60_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
