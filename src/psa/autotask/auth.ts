// The headers every Autotask call but zone/version lookup carries (reference §1.3, SPEC header
// parameters `ApiIntegrationCode`, `UserName`, `Secret`).
import type { ConnectorContext } from '../client.ts';
import { PsaError } from '../errors.ts';

export interface AutotaskCredentials {
  username: string;
  secret: string;
  integrationCode: string;
}

export function credentialsOf(ctx: ConnectorContext): AutotaskCredentials {
  const c = ctx.credentials;
  const missing = (['username', 'secret', 'integrationCode'] as const).filter((k) => !c[k]?.trim());
  if (missing.length > 0)
    throw new PsaError('auth', `Autotask needs the API user's ${missing.join(', ')} to connect`, {
      fields: Object.fromEntries(missing.map((k) => [k, 'required'])),
    });
  return { username: c.username!.trim(), secret: c.secret!, integrationCode: c.integrationCode!.trim() };
}

export function authHeaders(c: AutotaskCredentials): Record<string, string> {
  return { ApiIntegrationCode: c.integrationCode, UserName: c.username, Secret: c.secret };
}

/** Values to scrub from anything recorded. */
export function secretsOf(c: AutotaskCredentials): string[] {
  return [c.secret, c.integrationCode];
}
