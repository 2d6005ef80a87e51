import { Type } from 'typebox';
import type { Plan } from '../../store/plans.ts';
import { Closed, Timestamp, Uuid } from '../schemas.ts';

export const PlanReply = Type.Object(
  {
    id: Uuid,
    externalId: Type.String(),
    name: Type.String(),
    unit: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  Closed,
);

export const formatPlan = (p: Plan) => ({
  id: p.id,
  externalId: p.externalId,
  name: p.name,
  unit: p.unit,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});
