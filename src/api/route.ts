// The shape of one endpoint: method, URL, who may call it, its schema (which validates the request,
// filters the reply and feeds the OpenAPI document) and its handler. One file per endpoint exports one.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
} from 'fastify';
import type { Db } from '../store/db.ts';
import type { Actor } from './actor.ts';
import type { AppDeps } from './deps.ts';
import type { Permission } from './authorization.ts';
import type { ErrorCode } from '../core/errors.ts';

/** The errors of a route that reaches a PSA: its refusal (422) or its absence (502). */
export const psaErrors: ErrorCode[] = ['psa_rejected', 'psa_unavailable'];

/** What a handler gets besides the request: dependencies and the caller. */
export interface RouteContext {
  deps: AppDeps;
  actor: Actor | undefined;
  /** Record an audit entry for this request's change, in the caller's transaction. */
  audit(
    tx: Db,
    entry: {
      action?: string;
      targetType: string;
      targetId: string | null;
      partnerId: string | null;
      details?: Record<string, unknown>;
    },
  ): Promise<void>;
}

export type Request<S extends FastifySchema> = FastifyRequest<
  RouteGenericInterface,
  RawServerDefault,
  RawRequestDefaultExpression,
  S,
  TypeBoxTypeProvider
>;

export type Reply = FastifyReply<
  RouteGenericInterface,
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression
>;

export interface RouteDef<S extends FastifySchema = FastifySchema> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /** Who may call it; decided by the authorization module before the handler runs. */
  permission: Permission;
  /** The audit action a mutating route records, or false with the reason it records none. */
  audit?: string | { none: string };
  /** The kind of record each `:param` names, so the isolation test can aim at another tenant's. */
  params?: Record<
    string,
    | 'partner'
    | 'user'
    | 'organization'
    | 'plan'
    | 'token'
    | 'sourceKey'
    | 'externalPartner'
    | 'connection'
    | 'psaKind'
    | 'delivery'
    | 'alert'
    | 'changeSet'
    | 'billingRun'
    | 'webhook'
    | 'webhookDelivery'
  >;
  /**
   * Error codes the handler itself gives beyond those the OpenAPI document derives from the
   * permission, params, body and method (src/api/openapi-operations.ts): a PSA's, a sign-in's.
   */
  errors?: readonly ErrorCode[];
  /** Allowed while the caller still has to change a one-time password. */
  allowBeforePasswordChange?: boolean;
  bodyLimit?: number;
  /** A batch's item array: a string the database cannot store rejects that item, not the batch. */
  perItem?: string;
  schema: S & { summary: string; tags: string[] };
  handler(req: Request<S>, reply: Reply, ctx: RouteContext): Promise<unknown>;
}

/** Identity function that keeps the schema's literal type for the handler's request types. */
export function defineRoute<const S extends FastifySchema>(def: RouteDef<S>): RouteDef<S> {
  return def;
}
