// What billing did and works from: an organization's history of writes and its current usage, and a
// partner's billed lines as CSV.
import { Readable } from 'node:stream';
import { Type } from 'typebox';
import { billingHistory, reportLines, type ReportLine } from '../../../store/billing-history.ts';
import { getPartner } from '../../../store/partners.ts';
import { usageOf } from '../../../store/usage.ts';
import { canSeePartnerPath, notFound } from '../../authorization.ts';
import { PsaKindSchema } from '../../formatters/connection.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, IdParams, Literals, Timestamp, Uuid } from '../../schemas.ts';
import { csvRow } from '../event-log/csv.ts';
import { visibleOrganization } from '../org-links/org-access.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const Entry = Type.Object(
  {
    changeSetId: Uuid,
    at: Timestamp,
    connection: Type.Object({ id: Uuid, name: Type.String(), kind: PsaKindSchema }, Closed),
    company: Type.String(),
    plan: Type.Object({ id: Uuid, name: Type.String() }, Closed),
    target: Type.String(),
    before: Nullable(Type.Number()),
    after: Nullable(Type.Number()),
    fields: Nullable(Type.Record(Type.String(), Type.Unknown(), { description: 'what was written' })),
    outcome: Literals(['ok', 'failed']),
    answer: Nullable(Type.String()),
    approvedHow: Nullable(Type.String({ description: 'auto (no rule held it) or user' })),
    approvedBy: Nullable(Type.String({ description: 'the e-mail of the person who approved it' })),
    cause: Type.String(),
  },
  Closed,
);

export const billingHistoryRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/organizations/:id/billing-history',
  permission: 'member',
  params: { id: 'organization' },
  schema: {
    summary:
      'The organization’s billing writes, newest first: before → after, who approved, the PSA’s answer',
    tags: ['billing'],
    params: IdParams,
    querystring: Type.Object(
      { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })) },
      Closed,
    ),
    response: { 200: Type.Object({ items: Type.Array(Entry) }, Closed), ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    const org = await visibleOrganization(deps.db, actor, req.params.id);
    const entries = await billingHistory(deps.db, org.id, req.query.limit ?? 200);
    return {
      items: entries.map((e) => ({
        changeSetId: e.changeSetId,
        at: e.at.toISOString(),
        connection: e.connection as { id: string; name: string; kind: 'connectwise' },
        company: e.companyName,
        plan: e.plan,
        target: e.target,
        before: e.before,
        after: e.after,
        fields: e.fields,
        outcome: e.outcome,
        answer: e.answer,
        approvedHow: e.approvedHow,
        approvedBy: e.approvedBy,
        cause: e.cause,
      })),
    };
  },
});

const header = [
  'organization',
  'organizationExternalId',
  'partner',
  'psa',
  'connection',
  'company',
  'plan',
  'unit',
  'product',
  'billingRecord',
  'usage',
  'usageAsOf',
  'quantity',
  'unitPrice',
  'lastWritten',
];

const row = (l: ReportLine) =>
  csvRow([
    l.organization,
    l.organizationExternalId,
    l.partner,
    l.psa,
    l.connection,
    l.company,
    l.plan,
    l.unit,
    l.product,
    l.target,
    l.usage,
    l.usageAsOf?.toISOString(),
    l.quantity,
    l.unitPrice,
    l.lastWrittenAt?.toISOString(),
  ]);

export const billingReportRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/partners/:id/billing-report.csv',
  permission: 'member',
  params: { id: 'partner' },
  schema: {
    summary:
      'The partner’s billed lines (its own organizations and its sub-resellers’) as CSV: company, plan, product, quantity, unit price, as of, last written',
    tags: ['billing'],
    params: IdParams,
    response: { 200: Type.String({ description: 'text/csv' }), ...errorReplies },
  },
  async handler(req, reply, { deps, actor }) {
    const partner = await getPartner(deps.db, req.params.id);
    if (!partner || !canSeePartnerPath(actor, partner.path)) throw notFound('partner', req.params.id);
    async function* lines() {
      yield csvRow(header);
      for await (const chunk of reportLines(deps.db, partner!.path)) yield chunk.map(row).join('');
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="billing-report.csv"')
      .send(Readable.from(lines()));
  },
});

export const organizationUsageRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/organizations/:id/usage',
  permission: 'member',
  params: { id: 'organization' },
  schema: {
    summary: 'The organization’s current usage per plan, as the vendor last sent it',
    tags: ['billing'],
    params: IdParams,
    response: {
      200: Type.Object(
        {
          items: Type.Array(
            Type.Object(
              {
                plan: Type.Object(
                  { id: Uuid, externalId: Type.String(), name: Type.String(), unit: Nullable(Type.String()) },
                  Closed,
                ),
                quantity: Type.Number(),
                asOf: Timestamp,
                changedAt: Timestamp,
              },
              Closed,
            ),
          ),
        },
        Closed,
      ),
      ...errorReplies,
    },
  },
  async handler(req, _reply, { deps, actor }) {
    const org = await visibleOrganization(deps.db, actor, req.params.id);
    const usage = await usageOf(deps.db, org.id);
    return {
      items: usage.map((u) => ({
        plan: u.plan,
        quantity: u.quantity,
        asOf: u.asOf.toISOString(),
        changedAt: u.changedAt.toISOString(),
      })),
    };
  },
});
