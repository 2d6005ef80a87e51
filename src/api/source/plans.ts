// Source API: the vendor's plans.
import { Type } from 'typebox';
import { upsertPlan } from '../../store/plans.ts';
import { Closed, Name } from '../schemas.ts';
import { sourceRoutes } from './resource-routes.ts';

const Body = Type.Object(
  {
    name: Name,
    unit: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 50 }), Type.Null()])),
  },
  { ...Closed, examples: [{ name: 'Microsoft 365 Backup', unit: 'seat' }] },
);

export const sourcePlanRoutes = sourceRoutes({
  noun: 'plan',
  tag: 'source: plans',
  putUrl: '/api/v1/source/plans/:externalId',
  batchUrl: '/api/v1/source/plans/batch',
  keyName: 'externalId',
  body: Body,
  async apply(tx, externalId, body) {
    const { status, plan } = await upsertPlan(tx, externalId, body);
    return { status, id: plan.id };
  },
  auditTarget: 'plan',
});
