// Error answers in the two shapes the real server uses (reference §5.1): the Autotask shape
// `{"errors":["…"]}` (HTTP 500 for validation, business and most lookup errors — DOC create/update
// pages, reference §5.2) and the ASP.NET framework shape `{"Message":"…"}` for routing errors
// (404 no such resource, 405 wrong verb — ANT #12, WYRE PR #170).
import type { SimResponse } from '../shared/types.ts';

/** Thrown anywhere inside request handling; turned into `{"errors":[…]}`. */
export class AutotaskError extends Error {
  readonly status: number;
  readonly messages: string[];
  readonly headers?: Record<string, string>;

  constructor(messages: string | string[], status = 500, headers?: Record<string, string>) {
    const list = Array.isArray(messages) ? messages : [messages];
    super(list.join('; '));
    this.status = status;
    this.messages = list;
    this.headers = headers;
  }
}

export function errorResponse(messages: string | string[], status = 500): SimResponse {
  return { status, body: { errors: Array.isArray(messages) ? messages : [messages] } };
}

/** ASP.NET Web API's 404 for a path no controller serves. */
export function noResource(origin: string, path: string, query: URLSearchParams): SimResponse {
  const qs = query.toString();
  return {
    status: 404,
    body: {
      Message: `No HTTP resource was found that matches the request URI '${origin}${path}${qs ? `?${qs}` : ''}'.`,
    },
  };
}

/** ASP.NET Web API's 405 (reference §2.4: GET on a POST-originated next-page URL). */
export function wrongVerb(method: string): SimResponse {
  return {
    status: 405,
    body: { Message: `The requested resource does not support http method '${method}'.` },
  };
}

/** HTTP 500 permission text observed live (reference §1.4, DJ `api.py`). */
export function permissionMessage(verb: 'query' | 'create' | 'update' | 'delete'): string {
  return `The logged in Resource does not have the adequate permissions to ${verb} this entity type.`;
}

/** Update or delete of a record that does not exist (reference §4.1, DJ). */
export const NO_MATCHING_RECORDS =
  'No message. No matching records found. The logged in Resource may not have the required permissions to delete the data.';

export const ZONE_UNKNOWN = 'Zone information could not be determined';
export const INTEGRATION_CODE_INVALID = 'IntegrationCode is invalid.';
