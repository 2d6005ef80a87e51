// The billing pages' names for the generated schema's types (src/web/client/schema.d.ts), so the
// components say what they hold. Nothing here is declared by hand.
import type { paths } from '../../client/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Reply<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: infer R };
}
  ? Json<R>
  : paths[P][M] extends { responses: { 202: infer R } }
    ? Json<R>
    : never;
type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } }
    ? B
    : never;

export type ChangeSetQuery = NonNullable<paths['/api/v1/billing/change-sets']['get']['parameters']['query']>;
export type ChangeSet = Reply<'/api/v1/billing/change-sets/{id}', 'get'>;
export type ChangeSetLine = ChangeSet['lines'][number];
export type ChangeSetState = ChangeSet['state'];
export type HoldReason = ChangeSet['held'][number];
export type DecideReply = Reply<'/api/v1/billing/change-sets/approve', 'post'>;

export type BillingSettings = Reply<'/api/v1/connections/{id}/billing-settings', 'get'>;
export type BillingSettingsInput = Body<'/api/v1/connections/{id}/billing-settings', 'put'>;
export type Schedule = BillingSettings['schedule'];
export type CompanyField = Reply<'/api/v1/connections/{id}/company-fields', 'get'>['items'][number];

export type PlanLink = Reply<'/api/v1/connections/{id}/plan-links', 'get'>['items'][number];
export type BillingRulesReply = Reply<'/api/v1/connections/{id}/plan-links/{planId}/billing-rules', 'get'>;
/** The rules as set (the PUT takes them flat, or the GET answer sent back). */
export type BillingRules = BillingRulesReply['rules'];
export type EffectiveRules = BillingRulesReply['effective'];

export type BillingRun = Reply<'/api/v1/billing/runs/{id}', 'get'>;
export type HistoryEntry = Reply<'/api/v1/organizations/{id}/billing-history', 'get'>['items'][number];
export type Organization = Reply<'/api/v1/organizations', 'get'>['items'][number];
