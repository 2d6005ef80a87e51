// Shorthands for the generated schema's reply types, so pages name what they hold.
import type { components, paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: infer R };
}
  ? Json<R>
  : paths[P][M] extends { responses: { 201: infer R } }
    ? Json<R>
    : never;

export type Me = Ok<'/api/v1/me', 'get'>;
export type User = Me['user'];
export type Role = User['role'];
export type Partner = NonNullable<Me['partner']>;
export type PsaKind = Ok<'/api/v1/psa-kinds', 'get'>['items'][number];
export type Connection = Ok<'/api/v1/connections/{id}', 'get'>;
export type ConnectionCheck = Ok<'/api/v1/connections/{id}/check', 'post'>;
export type Permission = ConnectionCheck['permissions'][number];
export type CreatedConnection = Ok<'/api/v1/connections', 'post'>;
export type { components };
export type AlertQuery = NonNullable<paths['/api/v1/alerts']['get']['parameters']['query']>;
export type Alert = Ok<'/api/v1/alerts', 'get'>['items'][number];
export type AlertDetail = Ok<'/api/v1/alerts/{id}', 'get'>;
export type DeliveryQuery = NonNullable<paths['/api/v1/deliveries']['get']['parameters']['query']>;
export type Delivery = Ok<'/api/v1/deliveries', 'get'>['items'][number];
export type DeliveryDetail = Ok<'/api/v1/deliveries/{id}', 'get'>;
export type UserQuery = NonNullable<paths['/api/v1/users']['get']['parameters']['query']>;
export type Invited = Ok<'/api/v1/users', 'post'>;
export type PartnerKind = Partner['kind'];
export type BearerToken = Ok<'/api/v1/me/tokens', 'get'>['items'][number];
export type NewBearerToken = Ok<'/api/v1/me/tokens', 'post'>;
export type Dashboard = Ok<'/api/v1/dashboard', 'get'>;
export type DashboardDay = Dashboard['daily'][number];
export type DashboardConnection = Dashboard['connections'][number];
// Mapping: plans → PSA products, organizations → PSA companies.
export type PlanLinkRow = Ok<'/api/v1/connections/{id}/plan-links', 'get'>['items'][number];
export type Product = Ok<'/api/v1/connections/{id}/products', 'get'>['items'][number];
export type OrgMappingQuery = NonNullable<
  paths['/api/v1/connections/{id}/organizations']['get']['parameters']['query']
>;
export type OrgMappingRow = Ok<'/api/v1/connections/{id}/organizations', 'get'>['items'][number];
export type OrgMappingState = OrgMappingRow['state'];
export type OrgLink = NonNullable<OrgMappingRow['link']>;
export type SuggestionRow = Ok<'/api/v1/connections/{id}/company-suggestions', 'get'>['items'][number];
export type Suggestion = SuggestionRow['suggestions'][number];
export type AutoLinkPreview = Ok<'/api/v1/connections/{id}/org-links/auto-link', 'post'>;
export type PsaCompany = Ok<'/api/v1/connections/{id}/companies', 'get'>['items'][number];
export type BillingTargets = Ok<'/api/v1/connections/{id}/billing-targets', 'get'>;
export type OrgLinkView = Ok<'/api/v1/organizations/{id}/link', 'get'>;
export type LinkBody =
  paths['/api/v1/organizations/{id}/link']['put']['requestBody']['content']['application/json'];
export type ConfirmResult = Ok<'/api/v1/connections/{id}/org-links/confirm', 'post'>['results'][number];
export type TicketField = PsaKind['ticketFields'][number];
export type PickLists = Ok<'/api/v1/connections/{id}/pick-lists', 'get'>;
export type PickItem = PickLists['lists'][string][number];
export type TicketSettings = Ok<'/api/v1/connections/{id}/ticket-settings', 'get'>;
export type EffectiveField = TicketSettings['effective'][number];
export type ValueSource = EffectiveField['source'];
export type TicketDefaults = Ok<'/api/v1/partners/{id}/ticket-defaults/{kind}', 'get'>;
export type Snooze = NonNullable<Ok<'/api/v1/connections/{id}/snooze', 'get'>['current']>;
export type Organization = Ok<'/api/v1/organizations/{id}', 'get'>;
export type MappingSettings = Ok<'/api/v1/connections/{id}/mapping-settings', 'get'>;
