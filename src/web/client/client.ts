// The one API client: typed from the hub's OpenAPI document (schema.d.ts, `npm run gen:api`), cookie
// session, and the session's CSRF token in x-csrf-token on every write. `call` turns an answer into
// its data or throws the one ApiError, so each hook is one line per request.
import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError } from './api-error.ts';
import type { paths } from './schema';

let csrfToken: string | null = null;

/** The hub hands the token out on sign-in and on GET /api/v1/me. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !safeMethods.has(request.method)) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(csrf);

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** The data of a successful answer; any other answer, or none, throws ApiError. */
export async function call<T>(request: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await request;
  } catch (err) {
    throw ApiError.network(err);
  }
  if (!answer.response.ok) throw ApiError.from(answer.response.status, answer.error);
  return answer.data as T;
}
