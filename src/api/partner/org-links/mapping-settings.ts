// A connection's mapping settings: the catch-all company (checked in the PSA), "link exact
// matches automatically" (turning it on runs it at once), whether the hub may create a missing
// billing line when linking, and storm control (ticket cap per company, incident grouping).
import { Type } from 'typebox';
import { AppError } from '../../../core/errors.ts';
import { companyDirectory } from '../../../jobs/company-directory.ts';
import { asAppError } from '../../../jobs/connect.ts';
import { AUTO_LINK_QUEUE, enqueueForConnection } from '../../../jobs/link-jobs.ts';
import { mappingSettings, type MappingSettings } from '../../../jobs/mapping-settings.ts';
import { clientFor } from '../../../jobs/psa-session.ts';
import { getConnection, mergeSettings } from '../../../store/connections.ts';
import { defineRoute, psaErrors } from '../../route.ts';
import { Closed, errorReplies, IdParams } from '../../schemas.ts';
import { readOnly } from '../../settings-echo.ts';
import { assertLive, visibleConnection } from '../connections/connection-access.ts';

const SettingsReply = Type.Object(
  {
    catchAll: Type.Union([
      Type.Object({ companyId: Type.String(), companyName: Type.String() }, Closed),
      Type.Null(),
    ]),
    autoLinkExact: Type.Boolean(),
    createMissingBillingTargets: Type.Boolean(),
    maxTicketsPerCompanyHour: Type.Integer(),
    incidentOrganizations: Type.Integer(),
    incidentWindowMinutes: Type.Integer(),
  },
  Closed,
);

/** The catch-all company id the body names, in either of its two ways, or a 400. */
function catchAllWanted(body: {
  catchAll?: { companyId: string } | null;
  catchAllCompanyId?: string | null;
}): string | null {
  const { catchAll, catchAllCompanyId } = body;
  if (catchAll === undefined && catchAllCompanyId === undefined) {
    const message = 'missing required field "catchAll" (a company or null)';
    throw new AppError('invalid_request', `body: ${message}`, { details: [{ path: 'body', message }] });
  }
  const named = catchAll === undefined ? undefined : (catchAll?.companyId ?? null);
  if (named !== undefined && catchAllCompanyId !== undefined && named !== catchAllCompanyId) {
    const message = 'names another company than catchAll: send one of the two';
    throw new AppError('invalid_request', `body/catchAllCompanyId: ${message}`, {
      details: [{ path: 'body/catchAllCompanyId', message }],
    });
  }
  return named ?? catchAllCompanyId ?? null;
}

export const getMappingSettingsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/connections/:id/mapping-settings',
  permission: 'member',
  params: { id: 'connection' },
  schema: {
    summary: 'The connection’s mapping settings',
    tags: ['mapping'],
    params: IdParams,
    response: { 200: SettingsReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    return mappingSettings(await visibleConnection(deps.db, actor, req.params.id));
  },
});

export const setMappingSettingsRoute = defineRoute({
  method: 'PUT',
  url: '/api/v1/connections/:id/mapping-settings',
  errors: psaErrors,
  permission: 'manage_integrations',
  audit: 'connection.mapping_settings_set',
  params: { id: 'connection' },
  schema: {
    summary:
      'Set the catch-all company (tickets of organizations without a working link), automatic exact links, and billing-line creation',
    tags: ['mapping'],
    params: IdParams,
    // The shape GET answers, so a read can be changed and sent back; `catchAllCompanyId` is the
    // older way to name the catch-all company and still works.
    body: Type.Object(
      {
        catchAll: Type.Optional(
          Type.Union([
            Type.Object(
              {
                companyId: Type.String({ minLength: 1, maxLength: 100 }),
                companyName: Type.Optional(
                  readOnly(
                    Type.String({ maxLength: 500 }),
                    'read-only: the PSA’s name for it, looked up again',
                  ),
                ),
              },
              Closed,
            ),
            Type.Null(),
          ]),
        ),
        catchAllCompanyId: Type.Optional(
          Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()], {
            description: 'the same as catchAll.companyId (the older name)',
          }),
        ),
        autoLinkExact: Type.Boolean(),
        createMissingBillingTargets: Type.Boolean(),
        maxTicketsPerCompanyHour: Type.Optional(
          Type.Integer({
            minimum: 1,
            maximum: 1000,
            description:
              'storm control: new tickets per PSA company per hour; the rest go into one digest ticket',
          }),
        ),
        incidentOrganizations: Type.Optional(
          Type.Integer({
            minimum: 0,
            maximum: 10000,
            description:
              'storm control: organizations failing with one error class that make one incident ticket on the catch-all company; 0 = off',
          }),
        ),
        incidentWindowMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 240 })),
      },
      {
        ...Closed,
        examples: [
          {
            catchAll: { companyId: '174', companyName: 'Acme Ltd' },
            autoLinkExact: false,
            createMissingBillingTargets: false,
            maxTicketsPerCompanyHour: 20,
            incidentOrganizations: 10,
            incidentWindowMinutes: 10,
          },
        ],
      },
    ),
    response: { 200: SettingsReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor, audit }) {
    const connection = await visibleConnection(deps.db, actor, req.params.id);
    assertLive(connection);
    const before = mappingSettings(connection);
    let catchAll: MappingSettings['catchAll'] = null;
    const wanted = catchAllWanted(req.body);
    if (wanted !== null) {
      const company = await catchAllCompany(wanted);
      if (!company || company.deleted || !company.active) {
        throw new AppError(
          'invalid_reference',
          `catchAllCompanyId: ${connection.kind} has no active company ${wanted}`,
          {
            details: [
              {
                path: 'body/catchAllCompanyId',
                message: company ? 'not active in the PSA' : 'no such company',
              },
            ],
          },
        );
      }
      catchAll = { companyId: company.id, companyName: company.name };
    }
    const next: MappingSettings = {
      catchAll,
      autoLinkExact: req.body.autoLinkExact,
      createMissingBillingTargets: req.body.createMissingBillingTargets,
      maxTicketsPerCompanyHour: req.body.maxTicketsPerCompanyHour ?? before.maxTicketsPerCompanyHour,
      incidentOrganizations: req.body.incidentOrganizations ?? before.incidentOrganizations,
      incidentWindowMinutes: req.body.incidentWindowMinutes ?? before.incidentWindowMinutes,
    };
    await deps.db.transaction(async (tx) => {
      await mergeSettings(tx, connection.id, { ...next });
      if (next.autoLinkExact && !before.autoLinkExact)
        await enqueueForConnection(deps.queue, tx, AUTO_LINK_QUEUE, connection.id);
      await audit(tx, {
        targetType: 'connection',
        targetId: connection.id,
        partnerId: connection.partnerId,
        details: { ...next },
      });
    });
    return mappingSettings((await getConnection(deps.db, connection.id))!);

    async function catchAllCompany(id: string) {
      try {
        const directory = await companyDirectory(deps, connection);
        return (
          directory.items.find((c) => c.id === id) ??
          (await (await clientFor(deps, connection)).getCompany(id))
        );
      } catch (err) {
        throw asAppError(err);
      }
    }
  },
});
