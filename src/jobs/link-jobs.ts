// The organization-mapping jobs: link health per connection (on request and every six hours) and
// "link exact matches automatically" (when turned on, when the vendor adds organizations, and on
// request). One job per connection at a time; requests while one waits are folded into it.
import { writeAudit } from '../store/audit.ts';
import { getConnection, listConnections } from '../store/connections.ts';
import type { Db } from '../store/db.ts';
import { connectionsWithLinks, type OrgLink } from '../store/org-links.ts';
import { autoLinkExact } from './auto-link.ts';
import { checkLinkHealth } from './link-health.ts';
import { mappingSettings } from './mapping-settings.ts';
import type { SessionDeps } from './psa-session.ts';
import type { Queue } from './queue.ts';

export const CHECK_LINKS_QUEUE = 'links.check-health';
export const AUTO_LINK_QUEUE = 'links.auto-link';
const CHECK_ALL_QUEUE = 'links.check-all';

interface ConnectionJob {
  connectionId: string;
  /** Asked for by a partner: runs even when the connection's automatic setting is off. */
  requested?: boolean;
}

/** Queues exist before anyone sends to them: every process defines them. */
export async function defineLinkQueues(queue: Queue): Promise<void> {
  for (const name of [CHECK_LINKS_QUEUE, AUTO_LINK_QUEUE])
    await queue.boss.createQueue(name, { policy: 'stately', retryLimit: 3, retryBackoff: true });
  await queue.boss.createQueue(CHECK_ALL_QUEUE);
}

/** Enqueue in `tx`; a job already waiting for this connection absorbs this one. */
export function enqueueForConnection(
  queue: Queue,
  tx: Db,
  name: string,
  connectionId: string,
  extra: Omit<ConnectionJob, 'connectionId'> = {},
) {
  const data: ConnectionJob = { connectionId, ...extra };
  return queue.enqueue(tx, name, data, { singletonKey: connectionId });
}

/** Auto-link on every connection of the partner that has it turned on. */
export async function enqueueAutoLinks(queue: Queue, tx: Db, partnerId: string): Promise<void> {
  const live = (await listConnections(tx, null, partnerId)).filter(
    (c) => !c.revokedAt && mappingSettings(c).autoLinkExact,
  );
  for (const c of live) await enqueueForConnection(queue, tx, AUTO_LINK_QUEUE, c.id);
}

const systemAudit = (db: Db, partnerId: string) => (tx: Db, link: OrgLink) =>
  writeAudit(tx, {
    actorKind: 'system',
    actorId: null,
    partnerId,
    action: 'org_link.auto_linked',
    targetType: 'organization',
    targetId: link.organizationId,
    details: { connectionId: link.connectionId, companyId: link.companyId, companyName: link.companyName },
  });

export async function startLinkWorkers(deps: SessionDeps, queue: Queue): Promise<void> {
  const live = async (id: string) => {
    const c = await getConnection(deps.db, id);
    return c && !c.revokedAt ? c : undefined;
  };
  await queue.work<ConnectionJob>(CHECK_LINKS_QUEUE, {}, async ([job]) => {
    const c = await live(job!.data.connectionId);
    if (c) await checkLinkHealth(deps, c);
  });
  await queue.work<ConnectionJob>(AUTO_LINK_QUEUE, {}, async ([job]) => {
    const c = await live(job!.data.connectionId);
    if (c && (job!.data.requested || mappingSettings(c).autoLinkExact))
      await autoLinkExact({ ...deps, queue }, c, { audit: systemAudit(deps.db, c.partnerId) });
  });
  await queue.boss.schedule(CHECK_ALL_QUEUE, '41 */6 * * *');
  await queue.work(CHECK_ALL_QUEUE, {}, async () => {
    for (const id of await connectionsWithLinks(deps.db))
      await deps.db.transaction((tx) => enqueueForConnection(queue, tx, CHECK_LINKS_QUEUE, id));
  });
}
