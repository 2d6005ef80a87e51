// A small client of the hub's own HTTP API, as a vendor platform (bearer source key) or a person
// (session cookie plus the CSRF token echoed on writes) would use it. The demo does everything
// through it, so the demo is also a working example of the API.

export class HubApiError extends Error {
  override name = 'HubApiError';
  readonly status: number;
  constructor(method: string, path: string, status: number, text: string) {
    super(`${method} ${path} answered ${status}: ${text.slice(0, 500)}`);
    this.status = status;
  }
}

export class HubClient {
  readonly baseUrl: string;
  private bearer: string | undefined;
  private cookie: string | undefined;
  private csrf: string | undefined;

  constructor(baseUrl: string, opts: { bearer?: string } = {}) {
    this.baseUrl = baseUrl;
    this.bearer = opts.bearer;
  }

  /** Sends one request and answers the parsed JSON body; any status but `expect` throws. */
  async call<T>(
    method: string,
    path: string,
    body?: unknown,
    expect = method === 'POST' ? 201 : 200,
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await res.text();
    if (res.status !== expect) throw new HubApiError(method, path, res.status, text);
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }
  put<T>(path: string, body: unknown, expect = 200): Promise<T> {
    return this.call<T>('PUT', path, body, expect);
  }
  post<T>(path: string, body: unknown, expect = 201): Promise<T> {
    return this.call<T>('POST', path, body, expect);
  }

  async signIn(email: string, password: string): Promise<void> {
    this.cookie = undefined;
    const { csrfToken } = await this.post<{ csrfToken: string }>(
      '/api/v1/auth/login',
      { email, password },
      200,
    );
    this.csrf = csrfToken;
  }

  /**
   * First sign-in with a one-time password: sign in, replace the password (which ends every
   * session), and sign in again with the new one.
   */
  async signInFirstTime(email: string, oneTimePassword: string, newPassword: string): Promise<void> {
    await this.signIn(email, oneTimePassword);
    await this.post('/api/v1/me/password', { currentPassword: oneTimePassword, newPassword }, 204);
    await this.signIn(email, newPassword);
  }
}
