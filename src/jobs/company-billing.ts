// A company's billing records and the parents a new line could go on, read from the PSA for the
// partner choosing where each plan bills.
import { AppError } from '../core/errors.ts';
import type { Connection } from '../store/connections.ts';
import { asAppError } from './connect.ts';
import { clientFor, type SessionDeps } from './psa-session.ts';

export async function companyBilling(deps: SessionDeps, connection: Connection, companyId: string) {
  try {
    const client = await clientFor(deps, connection);
    const company = await client.getCompany(companyId);
    if (!company) {
      throw new AppError('invalid_reference', `companyId: ${connection.kind} has no company ${companyId}`, {
        details: [{ path: 'querystring/companyId', message: 'no such company' }],
      });
    }
    const [targets, parents] = await Promise.all([
      client.billingTargets(companyId),
      client.billingParents(companyId),
    ]);
    return { targets, parents };
  } catch (err) {
    throw asAppError(err);
  }
}
