// A connection's own ticket settings (pick-list ids of its PSA), and the effective value of every
// field with where it comes from: the connection, a partner default, the PSA's default, the hub's.
import { descriptorOf, ticketSettingsView } from '../../../jobs/ticket-settings.ts';
import { recordBlockers, releaseWaitingAlerts } from '../../../jobs/ticket-readiness.ts';
import { getConnectionSettings, setTicketSettings } from '../../../store/ticket-settings.ts';
import { userActor } from '../../authorization.ts';
import { defineRoute } from '../../route.ts';
import { errorReplies, IdParams } from '../../schemas.ts';
import { assertLive, visibleConnection } from '../connections/connection-access.ts';
import {
  checkedFields,
  ConditionQuery,
  formatView,
  refuseReferences,
  SettingsReply,
} from './settings-schemas.ts';
import { fieldsOf, SettingsBody } from './settings-body.ts';

export const getConnectionSettingsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/connections/:id/ticket-settings',
  permission: 'member',
  params: { id: 'connection' },
  schema: {
    summary: 'A connection’s own ticket settings and the effective value of every field, with its source',
    tags: ['ticket settings'],
    params: IdParams,
    querystring: ConditionQuery,
    response: { 200: SettingsReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    const connection = await visibleConnection(deps.db, actor, req.params.id);
    assertLive(connection);
    const own = (await getConnectionSettings(deps.db, connection.id))?.fields ?? {};
    const view = await ticketSettingsView(deps, {
      connection,
      ...(req.query.condition ? { condition: req.query.condition } : {}),
    });
    return formatView(connection.id, own, view);
  },
});

export const setConnectionSettingsRoute = defineRoute({
  method: 'PUT',
  url: '/api/v1/connections/:id/ticket-settings',
  permission: 'manage_integrations',
  audit: 'ticket_settings.set',
  params: { id: 'connection' },
  schema: {
    summary:
      'Replace a connection’s own ticket settings, checked against its pick lists with the effective values after the change; alerts that waited for them go out',
    tags: ['ticket settings'],
    params: IdParams,
    body: SettingsBody({ notesInternal: true, reopenWindowMinutes: 1440 }),
    response: { 200: SettingsReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor, audit }) {
    const connection = await visibleConnection(deps.db, actor, req.params.id);
    assertLive(connection);
    const values = checkedFields(descriptorOf(connection.kind), fieldsOf(req.body), 'ids');
    const view = await ticketSettingsView(deps, { connection, pending: { connection: values } });
    refuseReferences(view.refusals);
    await deps.db.transaction(async (tx) => {
      await setTicketSettings(
        tx,
        { scope: 'connection', connectionId: connection.id },
        values,
        userActor(actor).userId,
      );
      await audit(tx, {
        targetType: 'connection',
        targetId: connection.id,
        partnerId: connection.partnerId,
        details: { fields: Object.keys(values) },
      });
      await recordBlockers(tx, connection, view.effective);
      await releaseWaitingAlerts(deps.queue, tx, [connection.id]);
    });
    return formatView(connection.id, values, view);
  },
});
