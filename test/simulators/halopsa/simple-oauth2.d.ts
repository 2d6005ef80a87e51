// Minimal typings for simple-oauth2 v5 (the package ships none and @types/simple-oauth2 is not
// installed): just what oauth-client.test.ts uses.
declare module 'simple-oauth2' {
  export interface ModuleOptions {
    client: { id: string; secret: string; secretParamName?: string; idParamName?: string };
    auth: { tokenHost: string; tokenPath?: string };
    http?: Record<string, unknown>;
    options?: { authorizationMethod?: 'header' | 'body'; bodyFormat?: 'form' | 'json' };
  }
  export interface AccessToken {
    token: Record<string, unknown> & { access_token?: unknown; token_type?: unknown; expires_in?: unknown };
    expired(expirationWindowSeconds?: number): boolean;
  }
  export class ClientCredentials {
    constructor(options: ModuleOptions);
    getToken(params: Record<string, unknown>, httpOptions?: Record<string, unknown>): Promise<AccessToken>;
  }
}
