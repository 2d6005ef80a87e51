import { Readable } from 'node:stream';
import { Type } from 'typebox';
import { allDeliveries, type DeliveryView } from '../../../store/deliveries.ts';
import { scopePath } from '../../authorization.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies } from '../../schemas.ts';
import { csvRow } from './csv.ts';
import { DeliveryFilterFields, deliveryFilters } from './delivery-schemas.ts';

/** Rows in one export at most; narrow the filters for more. */
export const EXPORT_MAX_ROWS = 50_000;

const header = [
  'id',
  'at',
  'outcome',
  'action',
  'attempt',
  'durationMs',
  'psa',
  'connection',
  'partner',
  'organizationExternalId',
  'organization',
  'alertId',
  'ticketId',
  'answer',
  'request',
];

const row = (d: DeliveryView) =>
  csvRow([
    d.id,
    d.at.toISOString(),
    d.outcome,
    d.action,
    d.attempt,
    d.durationMs,
    d.connection?.kind,
    d.connection?.name,
    d.partner?.name,
    d.organization.externalId,
    d.organization.name,
    d.alertId,
    d.ticketId,
    d.answer,
    JSON.stringify(d.request),
  ]);

export const exportDeliveriesRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/deliveries/export.csv',
  permission: 'member',
  schema: {
    summary: `The event log as CSV (text/csv, header row, newest first, at most ${EXPORT_MAX_ROWS} rows), same filters as the list`,
    tags: ['event log'],
    querystring: Type.Object(DeliveryFilterFields, Closed),
    response: { 200: Type.String({ description: 'text/csv' }), ...errorReplies },
  },
  async handler(req, reply, { deps, actor }) {
    const filters = deliveryFilters(req.query, scopePath(actor));
    async function* lines() {
      yield csvRow(header);
      for await (const chunk of allDeliveries(deps.db, filters, EXPORT_MAX_ROWS))
        yield chunk.map(row).join('');
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="deliveries.csv"')
      .send(Readable.from(lines()));
  },
});
