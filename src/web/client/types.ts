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
