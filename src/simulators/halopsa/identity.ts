// Who am I: `GET /api/authinfo` (no auth; reference §1.1: `{auth_url, tenant_id}`, PSMOD appends
// `/token` to `auth_url`) and `GET /api/Agent/me` (the agent the application logs in as, a `Uname`;
// §1.4, the best check that credentials work).
import type { SimRequest, SimResponse } from '../shared/types.ts';
import type { Ctx } from './entity.ts';
import { pickSchema } from './input.ts';
import { jsonResponse } from './wire.ts';

export function authInfo(req: SimRequest, tenant: string): SimResponse {
  return jsonResponse(200, { auth_url: `${req.origin}/auth`, tenant_id: tenant });
}

export function agentMe(ctx: Ctx): SimResponse {
  const agent = ctx.state.tables.agents.get(ctx.agentId);
  if (!agent) return { status: 404 };
  return jsonResponse(200, pickSchema('Uname', agent));
}
