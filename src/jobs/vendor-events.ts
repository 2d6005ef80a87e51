// What the hub tells the vendor platform (webhooks), said once for every place it happens: each
// event names the partner and organization by the vendor's own ids as well as the hub's, so the
// vendor can show it in its portal without asking back.
import type { Connection } from '../store/connections.ts';
import type { Db } from '../store/db.ts';
import type { AlertRow, TicketRef } from '../store/alerts.ts';
import { emitWebhookEvent } from '../store/webhooks.ts';

async function organizationRef(db: Db, organizationId: string) {
  const [row] = await db.query<{
    id: string;
    external_id: string;
    name: string;
    partner_id: string;
    partner_external_id: string | null;
  }>(
    `SELECT o.id, o.external_id, o.name, o.partner_id, p.external_id AS partner_external_id
       FROM organizations o JOIN partners p ON p.id = o.partner_id WHERE o.id = $1`,
    [organizationId],
  );
  return {
    organization: { id: organizationId, externalId: row?.external_id ?? null, name: row?.name ?? null },
    partner: { id: row?.partner_id ?? null, externalId: row?.partner_external_id ?? null },
  };
}

/** In `tx`: an alert got its ticket (a ticket of its own, or a digest / incident ticket it shares). */
export async function tellTicketCreated(
  tx: Db,
  alert: AlertRow,
  connection: Connection,
  ticket: TicketRef,
): Promise<void> {
  await emitWebhookEvent(tx, 'ticket.created', async () => ({
    ...(await organizationRef(tx, alert.organizationId)),
    alert: { id: alert.id, condition: alert.condition, resource: alert.resource },
    connection: { id: connection.id, name: connection.name, kind: connection.kind },
    ticket: { id: ticket.id, number: ticket.number, shared: ticket.digestId !== undefined },
  }));
}

/** In `tx`: a billing change set waits for a person's approval, or was written to the PSA. */
export async function tellBilling(
  tx: Db,
  type: 'billing.pending_approval' | 'billing.applied',
  cs: { id: string; connectionId: string; organizationId: string },
  detail: Record<string, unknown>,
): Promise<void> {
  await emitWebhookEvent(tx, type, async () => ({
    ...(await organizationRef(tx, cs.organizationId)),
    changeSet: { id: cs.id, connectionId: cs.connectionId, ...detail },
  }));
}
