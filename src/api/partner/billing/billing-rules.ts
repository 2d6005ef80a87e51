// Billing rules: how a plan's usage becomes the quantity on its PSA line — per plan link
// (connection × plan), and overridden per organization link. Only the fields set are stored, so
// an organization's override keeps following the plan link for the rest.
import { Type, type Static } from 'typebox';
import { effectiveRules, roundings, ruleProblems, type BillingRules } from '../../../core/billing-rules.ts';
import { AppError } from '../../../core/errors.ts';
import { setLinkRules } from '../../../store/billing-lines.ts';
import { currentLink } from '../../../store/org-links.ts';
import { planLinkRules, setPlanLinkRules } from '../../../store/plan-links.ts';
import { defineRoute } from '../../route.ts';
import { Closed, errorReplies, Uuid } from '../../schemas.ts';
import { readOnlyEcho } from '../../settings-echo.ts';
import { assertLive, visibleConnection } from '../connections/connection-access.ts';
import { visibleOrganization } from '../org-links/org-access.ts';

const nullableNumber = Type.Union([Type.Number({ minimum: 0, maximum: 1e9 }), Type.Null()]);

const RuleFields = {
  includedQuantity: Type.Number({ minimum: 0, maximum: 1e9, description: 'subtracted from the usage' }),
  rounding: Type.Union(roundings.map((r) => Type.Literal(r))),
  step: Type.Number({ exclusiveMinimum: 0, maximum: 1e9, description: 'round to multiples of this' }),
  minimum: Type.Number({ minimum: 0, maximum: 1e9 }),
  multiplier: Type.Number({ exclusiveMinimum: 0, maximum: 1e6 }),
  unitPrice: nullableNumber,
  unitCost: nullableNumber,
  descriptionTemplate: Type.Union([
    Type.String({ minLength: 1, maxLength: 500, pattern: '^[^\\u0000]*$' }),
    Type.Null(),
  ]),
};

const Rules = Type.Partial(Type.Object(RuleFields, Closed), Closed);

const RulesReply = Type.Object(
  {
    rules: Rules,
    effective: Type.Object(RuleFields, Closed),
  },
  Closed,
);

// The rules, flat; or the GET answer sent back as it is (`rules` changed, `effective` ignored).
const RulesBody = Type.Object(
  {
    ...Type.Partial(Type.Object(RuleFields)).properties,
    rules: Type.Optional(Rules),
    ...readOnlyEcho(RulesReply, ['effective']),
  },
  {
    ...Closed,
    examples: [
      {
        includedQuantity: 10,
        rounding: 'up',
        step: 1,
        descriptionTemplate: '{plan} — {quantity} {unit} as of {date}',
      },
    ],
  },
);

function checked(body: Static<typeof RulesBody>): Partial<BillingRules> {
  const { rules: wrapped, effective: _readOnly, ...flat } = body;
  if (wrapped && Object.keys(flat).length > 0) {
    const message = 'send the rules flat or as "rules", not both';
    throw new AppError('invalid_request', `body: ${message}`, { details: [{ path: 'body', message }] });
  }
  const rules: Static<typeof Rules> = wrapped ?? flat;
  const problems = ruleProblems(rules);
  if (problems.length)
    throw new AppError('invalid_request', problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
      details: problems.map((p) => ({ path: `body/${p.field}`, message: p.message })),
    });
  return rules;
}

const PlanLinkParams = Type.Object({ id: Uuid, planId: Uuid }, Closed);

async function linkedRules(db: Parameters<typeof planLinkRules>[0], planId: string, connectionId: string) {
  const rules = await planLinkRules(db, planId, connectionId);
  if (!rules)
    throw new AppError('not_found', `Plan ${planId} is not mapped on this connection: map it first`);
  return rules;
}

export const getPlanLinkRulesRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/connections/:id/plan-links/:planId/billing-rules',
  permission: 'member',
  params: { id: 'connection', planId: 'plan' },
  schema: {
    summary: 'A mapped plan’s billing rules on this connection, and their effect with the defaults',
    tags: ['billing'],
    params: PlanLinkParams,
    response: { 200: RulesReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor }) {
    const connection = await visibleConnection(deps.db, actor, req.params.id);
    const rules = await linkedRules(deps.db, req.params.planId, connection.id);
    return { rules, effective: effectiveRules(rules as Partial<BillingRules>, undefined) };
  },
});

export const setPlanLinkRulesRoute = defineRoute({
  method: 'PUT',
  url: '/api/v1/connections/:id/plan-links/:planId/billing-rules',
  permission: 'manage_billing',
  audit: 'plan_link.billing_rules_set',
  params: { id: 'connection', planId: 'plan' },
  schema: {
    summary: 'Set a mapped plan’s billing rules on this connection (replaces them; {} = the defaults)',
    tags: ['billing'],
    params: PlanLinkParams,
    body: RulesBody,
    response: { 200: RulesReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor, audit }) {
    const connection = await visibleConnection(deps.db, actor, req.params.id);
    assertLive(connection);
    const rules = checked(req.body);
    if (connection.kind === 'autotask' && rules.unitCost != null)
      throw new AppError(
        'invalid_request',
        'unitCost: Autotask does not let an integration set a contract service’s cost',
        {
          details: [{ path: 'body/unitCost', message: 'not writable on Autotask' }],
        },
      );
    await linkedRules(deps.db, req.params.planId, connection.id);
    await deps.db.transaction(async (tx) => {
      await setPlanLinkRules(tx, req.params.planId, connection.id, rules);
      await audit(tx, {
        targetType: 'plan_link',
        targetId: `${connection.id}:${req.params.planId}`,
        partnerId: connection.partnerId,
        details: { ...rules },
      });
    });
    return { rules, effective: effectiveRules(rules, undefined) };
  },
});

export const setOrganizationRulesRoute = defineRoute({
  method: 'PUT',
  url: '/api/v1/organizations/:id/link/billing-rules/:planId',
  permission: 'manage_billing',
  audit: 'org_link.billing_rules_set',
  params: { id: 'organization', planId: 'plan' },
  schema: {
    summary:
      'Override billing rules for one plan of a linked organization (replaces them; {} = follow the plan link)',
    tags: ['billing'],
    params: PlanLinkParams,
    body: RulesBody,
    response: { 200: RulesReply, ...errorReplies },
  },
  async handler(req, _reply, { deps, actor, audit }) {
    const org = await visibleOrganization(deps.db, actor, req.params.id);
    const rules = checked(req.body);
    const link = await currentLink(deps.db, org.id);
    if (!link)
      throw new AppError('conflict', 'The organization is not linked: link it to a PSA company first');
    const planRules = await planLinkRules(deps.db, req.params.planId, link.connectionId);
    await deps.db.transaction(async (tx) => {
      const billed = await setLinkRules(tx, link.id, req.params.planId, rules);
      if (!billed)
        throw new AppError(
          'not_found',
          `Plan ${req.params.planId} does not bill on this organization’s link`,
        );
      await audit(tx, {
        targetType: 'org_link',
        targetId: link.id,
        partnerId: org.partnerId,
        details: { planId: req.params.planId, ...rules },
      });
    });
    return { rules, effective: effectiveRules(planRules as Partial<BillingRules> | undefined, rules) };
  },
});
