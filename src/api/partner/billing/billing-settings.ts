// A connection's billing settings: mode (off / preview / auto), approval thresholds, drift policy,
// schedule. `preview` is the default, so a new connection never writes a bill unseen.
import { Type } from 'typebox';
import { billingModes, driftPolicies } from '../../../core/billing-diff.ts';
import { scheduleKinds } from '../../../core/billing-schedule.ts';
import { billingSettings, type BillingSettings } from '../../../jobs/billing-settings.ts';
import { checkStatsFields, companyFields } from '../../../jobs/company-fields.ts';
import { getConnection, mergeSettings } from '../../../store/connections.ts';
import { defineRoute, psaErrors } from '../../route.ts';
import { Closed, Literals, errorReplies, IdParams } from '../../schemas.ts';
import { readOnlyEcho } from '../../settings-echo.ts';
import { assertLive, visibleConnection } from '../connections/connection-access.ts';

const Schedule = {
  kind: Literals(scheduleKinds),
  debounceMinutes: Type.Integer({
    minimum: 0,
    maximum: 1440,
    description: 'on_change: wait after the last usage change',
  }),
  minIntervalHours: Type.Integer({
    minimum: 0,
    maximum: 744,
    description: 'on_change: at most one write per line per this',
  }),
  hour: Type.Integer({
    minimum: 0,
    maximum: 23,
    description: 'daily / monthly: the hour in the partner’s time',
  }),
  dayOfMonth: Type.Union([Type.Integer({ minimum: 1, maximum: 28 }), Type.Literal('last')]),
  utcOffsetMinutes: Type.Integer({
    minimum: -720,
    maximum: 840,
    description: 'the partner’s offset from UTC',
  }),
};

const Fields = {
  mode: Literals(billingModes),
  approvalThresholdPercent: Type.Number({ minimum: 0, maximum: 100000 }),
  approvalThresholdUnits: Type.Union([Type.Number({ minimum: 0, maximum: 1e9 }), Type.Null()]),
  driftPolicy: Literals(driftPolicies),
};

const FieldId = Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()]);
const StatsFields = {
  protectedItems: FieldId,
  storageGb: FieldId,
  lastSuccessAt: FieldId,
};

const SettingsReply = Type.Object(
  {
    ...Fields,
    schedule: Type.Object(Schedule, Closed),
    statsFields: Type.Object(StatsFields, {
      ...Closed,
      description:
        'the company custom field each backup statistic is written into (at most daily); null = not written',
    }),
    updatedAt: Type.Union([Type.String(), Type.Null()]),
  },
  Closed,
);

export const getBillingSettingsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/connections/:id/billing-settings',
  permission: 'member',
  params: { id: 'connection' },
  schema: {
    summary: 'The connection’s billing settings',
    tags: ['billing'],
    params: IdParams,
    response: { 200: SettingsReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    return billingSettings(await visibleConnection(deps.db, actor, req.params.id));
  },
});

export const setBillingSettingsRoute = defineRoute({
  method: 'PUT',
  url: '/api/v1/connections/:id/billing-settings',
  errors: psaErrors,
  permission: 'manage_billing',
  audit: 'connection.billing_settings_set',
  params: { id: 'connection' },
  schema: {
    summary: 'Set the billing mode, approval thresholds, drift policy and schedule (fields left out stay)',
    tags: ['billing'],
    params: IdParams,
    body: Type.Object(
      {
        mode: Type.Optional(Fields.mode),
        approvalThresholdPercent: Type.Optional(Fields.approvalThresholdPercent),
        approvalThresholdUnits: Type.Optional(Fields.approvalThresholdUnits),
        driftPolicy: Type.Optional(Fields.driftPolicy),
        schedule: Type.Optional(Type.Partial(Type.Object(Schedule, Closed), Closed)),
        statsFields: Type.Optional(Type.Partial(Type.Object(StatsFields, Closed), Closed)),
        // The GET answer can be sent back as it is.
        ...readOnlyEcho(SettingsReply, ['updatedAt']),
      },
      { ...Closed, examples: [{ mode: 'preview', schedule: { kind: 'daily', hour: 2 } }] },
    ),
    response: { 200: SettingsReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor, audit }) {
    const connection = await visibleConnection(deps.db, actor, req.params.id);
    assertLive(connection);
    const before = billingSettings(connection);
    const { schedule, statsFields, updatedAt: _readOnly, ...rest } = req.body;
    const next: BillingSettings = {
      ...before,
      ...rest,
      schedule: { ...before.schedule, ...(schedule ?? {}) },
      statsFields: { ...before.statsFields, ...(statsFields ?? {}) },
      updatedAt: new Date().toISOString(),
    };
    if (statsFields) await checkStatsFields(deps, connection, next.statsFields);
    await deps.db.transaction(async (tx) => {
      await mergeSettings(tx, connection.id, { billing: next });
      await audit(tx, {
        targetType: 'connection',
        targetId: connection.id,
        partnerId: connection.partnerId,
        details: { ...next },
      });
    });
    return billingSettings((await getConnection(deps.db, connection.id))!);
  },
});

export const companyFieldsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/connections/:id/company-fields',
  errors: psaErrors,
  permission: 'member',
  params: { id: 'connection' },
  schema: {
    summary: 'The PSA’s company custom fields backup statistics can be written into',
    tags: ['billing'],
    params: IdParams,
    response: {
      200: Type.Object(
        {
          items: Type.Array(
            Type.Object(
              { id: Type.String(), name: Type.String(), type: Literals(['text', 'number', 'date']) },
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
    const connection = await visibleConnection(deps.db, actor, req.params.id);
    assertLive(connection);
    return { items: await companyFields(deps, connection) };
  },
});
