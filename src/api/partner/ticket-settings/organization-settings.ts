// An organization's ticket overrides on the connection it is linked to now (pick-list ids of that
// PSA). Overrides kept for an earlier link stay stored but do not apply while it links elsewhere.
import { AppError } from '../../../core/errors.ts';
import { descriptorOf, ticketSettingsView } from '../../../jobs/ticket-settings.ts';
import { releaseWaitingAlerts } from '../../../jobs/ticket-readiness.ts';
import { getConnection } from '../../../store/connections.ts';
import { getOrganization } from '../../../store/organizations.ts';
import {
  getOrganizationSettings,
  linkedConnectionOf,
  setTicketSettings,
} from '../../../store/ticket-settings.ts';
import { notFound, scopePath, userActor } from '../../authorization.ts';
import { defineRoute } from '../../route.ts';
import { errorReplies, IdParams } from '../../schemas.ts';
import { assertLive } from '../connections/connection-access.ts';
import type { Actor } from '../../actor.ts';
import type { AppDeps } from '../../deps.ts';
import {
  checkedFields,
  ConditionQuery,
  formatView,
  refuseReferences,
  SettingsReply,
} from './settings-schemas.ts';
import { fieldsOf, SettingsBody } from './settings-body.ts';

async function organizationAndConnection(deps: AppDeps, actor: Actor | undefined, id: string) {
  const org = await getOrganization(deps.db, id, scopePath(actor));
  if (!org) throw notFound('organization', id);
  const connectionId = await linkedConnectionOf(deps.db, org.id);
  const connection = connectionId ? await getConnection(deps.db, connectionId) : undefined;
  return { org, connection };
}

export const getOrganizationSettingsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/organizations/:id/ticket-settings',
  permission: 'member',
  params: { id: 'organization' },
  schema: {
    summary:
      'An organization’s ticket overrides on the connection it is linked to, and the effective value of every field',
    tags: ['ticket settings'],
    params: IdParams,
    querystring: ConditionQuery,
    response: { 200: SettingsReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    const { org, connection } = await organizationAndConnection(deps, actor, req.params.id);
    if (!connection) return formatView(null, {}, null);
    assertLive(connection);
    const own = (await getOrganizationSettings(deps.db, org.id, connection.id))?.fields ?? {};
    const view = await ticketSettingsView(deps, {
      connection,
      organizationId: org.id,
      ...(req.query.condition ? { condition: req.query.condition } : {}),
    });
    return formatView(connection.id, own, view);
  },
});

export const setOrganizationSettingsRoute = defineRoute({
  method: 'PUT',
  url: '/api/v1/organizations/:id/ticket-settings',
  permission: 'manage_integrations',
  audit: 'ticket_settings.organization_set',
  params: { id: 'organization' },
  schema: {
    summary:
      'Replace an organization’s ticket overrides on its linked connection, checked against that connection’s pick lists',
    tags: ['ticket settings'],
    params: IdParams,
    body: SettingsBody({ autoResolve: false }),
    response: { 200: SettingsReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor, audit }) {
    const { org, connection } = await organizationAndConnection(deps, actor, req.params.id);
    if (!connection) throw new AppError('conflict', 'Link the organization to a PSA company first');
    assertLive(connection);
    const values = checkedFields(descriptorOf(connection.kind), fieldsOf(req.body), 'ids');
    const view = await ticketSettingsView(deps, {
      connection,
      organizationId: org.id,
      pending: { organization: values },
    });
    refuseReferences(view.refusals);
    await deps.db.transaction(async (tx) => {
      await setTicketSettings(
        tx,
        { scope: 'organization', organizationId: org.id, connectionId: connection.id },
        values,
        userActor(actor).userId,
      );
      await audit(tx, {
        targetType: 'organization',
        targetId: org.id,
        partnerId: org.partnerId,
        details: { connectionId: connection.id, fields: Object.keys(values) },
      });
      await releaseWaitingAlerts(deps.queue, tx, [connection.id]);
    });
    return formatView(connection.id, values, view);
  },
});
