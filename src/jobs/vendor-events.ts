// What the hub tells the vendor platform (webhooks), said once for every place it happens: each
// event names the partner and organization by the vendor's own ids as well as the hub's, so the
// vendor can show it in its portal without asking back.
import type { Connection } from '../store/connections.ts';
import type { Db } from '../store/db.ts';
import type { AlertRow, TicketRef } from '../store/alerts.ts';
import { emitWebhookEvent, emitWebhookEvents } from '../store/webhooks.ts';

async function organizationRefs(db: Db, organizationIds: string[]) {
  const rows = await db.query<{
    id: string;
    external_id: string;
    name: string;
    partner_id: string;
    partner_external_id: string | null;
  }>(
    `SELECT o.id, o.external_id, o.name, o.partner_id, p.external_id AS partner_external_id
       FROM organizations o JOIN partners p ON p.id = o.partner_id WHERE o.id = ANY($1::uuid[])`,
    [[...new Set(organizationIds)]],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return (id: string) => {
    const r = byId.get(id);
    return {
      organization: { id, externalId: r?.external_id ?? null, name: r?.name ?? null },
      partner: { id: r?.partner_id ?? null, externalId: r?.partner_external_id ?? null },
    };
  };
}

/**
 * In `tx`: alerts got their ticket — a ticket of their own, or a digest / incident ticket they share
 * (a storm's thousands at once: a few statements however many).
 */
export async function tellTicketsCreated(
  tx: Db,
  alerts: Pick<AlertRow, 'id' | 'organizationId' | 'condition' | 'resource'>[],
  connection: Pick<Connection, 'id' | 'name' | 'kind'>,
  ticket: Pick<TicketRef, 'id' | 'number' | 'digestId'>,
): Promise<void> {
  if (alerts.length === 0) return;
  await emitWebhookEvents(tx, 'ticket.created', async () => {
    const refOf = await organizationRefs(
      tx,
      alerts.map((a) => a.organizationId),
    );
    return alerts.map((a) => ({
      ...refOf(a.organizationId),
      alert: { id: a.id, condition: a.condition, resource: a.resource },
      connection: { id: connection.id, name: connection.name, kind: connection.kind },
      ticket: { id: ticket.id, number: ticket.number, shared: ticket.digestId !== undefined },
    }));
  });
}

/** In `tx`: a billing change set waits for a person's approval, or was written to the PSA. */
export async function tellBilling(
  tx: Db,
  type: 'billing.pending_approval' | 'billing.applied',
  cs: { id: string; connectionId: string; organizationId: string },
  detail: Record<string, unknown>,
): Promise<void> {
  await emitWebhookEvent(tx, type, async () => ({
    ...(await organizationRefs(tx, [cs.organizationId]))(cs.organizationId),
    changeSet: { id: cs.id, connectionId: cs.connectionId, ...detail },
  }));
}
