// Ticket settings the way a partner picks them: read the PSA's description (`GET /api/v1/psa-kinds`)
// and the connection's pick lists, then choose what a backup alert wants — a backup board or queue,
// an alert type, an open and a closed status, and a priority per severity — by name where the PSA
// has one, else the first active item that fits what it depends on.
import type { SimKind } from '../simulators/index.ts';
import type { HubClient } from './hub-client.ts';

interface PickItem {
  id: string;
  name: string;
  parentId: string | null;
  inactive: boolean;
  closed: boolean | null;
  isDefault: boolean;
}
interface ListRef {
  pickList: string;
  dependsOn: string | null;
}
interface Placement extends ListRef {
  name: string;
  required: boolean;
}
interface PsaKind {
  kind: string;
  placement: Placement[];
  statuses: ListRef;
  priorities: ListRef;
}

/** Names a partner running backup alerts would pick, per pick list, best first. */
const preferred: Record<string, string[]> = {
  boards: ['Backup Alerts', 'Monitoring Alerts', 'Service Desk'],
  types: ['Alert', 'Incident'],
  subtypes: ['Backup'],
  items: ['Failure'],
  queues: ['Backup Alerts', 'Monitoring Alert'],
  ticketTypes: ['Alert', 'Incident'],
  sources: ['Monitoring Alert'],
  issueTypes: ['Backup'],
  subIssueTypes: ['Backup Failed'],
  slas: ['Standard SLA'],
  teams: ['Service Desk'],
  categories: ['Backup & Recovery', 'Backup'],
};

/** Words that say which severity a PSA priority stands for. */
const priorityWords = {
  critical: ['critical', 'emergency', 'urgent'],
  high: ['high', 'quick'],
  medium: ['medium', 'normal', 'moderate'],
  low: ['low', 'schedule'],
} as const;

export async function ticketSettingsFor(
  client: HubClient,
  kind: SimKind,
  connectionId: string,
): Promise<Record<string, string | number>> {
  const [kinds, picks] = await Promise.all([
    client.get<{ items: PsaKind[] }>('/api/v1/psa-kinds'),
    client.get<{ lists: Record<string, PickItem[]> }>(`/api/v1/connections/${connectionId}/pick-lists`),
  ]);
  const psa = kinds.items.find((k) => k.kind === kind);
  if (!psa) throw new Error(`the hub does not describe ${kind}`);
  const fields: Record<string, string | number> = {};
  const active = (ref: ListRef) =>
    (picks.lists[ref.pickList] ?? []).filter(
      (i) => !i.inactive && (ref.dependsOn === null || i.parentId === String(fields[ref.dependsOn] ?? '')),
    );

  for (const p of psa.placement) {
    const items = active(p);
    const choice = byName(items, preferred[p.pickList] ?? []) ?? (p.required ? items[0] : undefined);
    if (choice) fields[p.name] = choice.id;
  }
  // A list that depends on an unset or childless parent (Halo priorities under an SLA): choose a
  // parent that has children.
  for (const ref of [psa.statuses, psa.priorities]) {
    const parent = ref.dependsOn;
    if (parent === null || active(ref).length > 0) continue;
    const parentList = psa.placement.find((p) => p.name === parent)?.pickList ?? parent;
    const children = picks.lists[ref.pickList] ?? [];
    const withChildren = (picks.lists[parentList] ?? []).find(
      (i) => !i.inactive && children.some((c) => !c.inactive && c.parentId === i.id),
    );
    if (withChildren) fields[parent] = withChildren.id;
  }

  const statuses = active(psa.statuses);
  const open = statuses.filter((s) => !s.closed);
  const closed = statuses.filter((s) => s.closed);
  const statusNew = byName(open, ['New']) ?? open.find((s) => s.isDefault) ?? open[0];
  const statusResolved = byName(closed, ['Resolved', 'Complete', 'Closed']) ?? closed[0];
  if (!statusNew || !statusResolved) throw new Error(`${kind} has no open and closed status to use`);
  fields['status.new'] = statusNew.id;
  fields['status.resolved'] = statusResolved.id;
  fields['status.cancelled'] = (byName(closed, ['Cancelled', 'Closed']) ?? statusResolved).id;

  const priorities = active(psa.priorities);
  for (const [severity, words] of Object.entries(priorityWords)) {
    const match = priorities.find((p) => words.some((w) => p.name.toLowerCase().includes(w)));
    if (match) fields[`priority.${severity}`] = match.id;
  }
  if (fields['priority.low'] !== undefined) fields['priority.informational'] = fields['priority.low'];
  const fallback = priorities.find((p) => p.isDefault) ?? priorities[0];
  const defaultPriority = fields['priority.medium'] ?? fallback?.id;
  if (defaultPriority !== undefined) fields['priority.default'] = defaultPriority;

  // Lively enough to watch: a consolidated "failed N more times" note at most once a minute.
  fields.repeatNoteMinutes = 1;
  return fields;
}

function byName(items: PickItem[], names: string[]): PickItem | undefined {
  for (const name of names) {
    const hit = items.find((i) => i.name.trim().toLowerCase() === name.toLowerCase());
    if (hit) return hit;
  }
  return undefined;
}
