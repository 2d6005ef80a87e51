// The PSA's company custom fields a connection may write backup statistics into, and the check
// that a chosen field exists and can hold its statistic.
import { AppError } from '../core/errors.ts';
import type { CompanyField } from '../psa/types.ts';
import type { Connection } from '../store/connections.ts';
import type { BillingSettings, StatName } from './billing-settings.ts';
import { asAppError } from './connect.ts';
import { clientFor, type SessionDeps } from './psa-session.ts';

/** The field types each statistic fits in. */
const fits: Record<StatName, CompanyField['type'][]> = {
  protectedItems: ['number', 'text'],
  storageGb: ['number', 'text'],
  lastSuccessAt: ['date', 'text'],
};

export async function companyFields(deps: SessionDeps, connection: Connection): Promise<CompanyField[]> {
  try {
    return await (await clientFor(deps, connection)).companyFields();
  } catch (err) {
    throw asAppError(err);
  }
}

/** Throws a 400 naming each chosen field the PSA does not have, or that cannot hold its statistic. */
export async function checkStatsFields(
  deps: SessionDeps,
  connection: Connection,
  chosen: BillingSettings['statsFields'],
): Promise<void> {
  const wanted = Object.entries(chosen).filter(([, id]) => id !== null) as [StatName, string][];
  if (wanted.length === 0) return;
  const fields = new Map((await companyFields(deps, connection)).map((f) => [f.id, f]));
  const problems = wanted.flatMap(([stat, id]) => {
    const f = fields.get(id);
    if (!f)
      return [
        { path: `body/statsFields/${stat}`, message: `${connection.kind} has no active company field ${id}` },
      ];
    if (!fits[stat].includes(f.type))
      return [
        {
          path: `body/statsFields/${stat}`,
          message: `the field "${f.name}" holds ${f.type}, not ${fits[stat].join(' or ')}`,
        },
      ];
    return [];
  });
  if (problems.length)
    throw new AppError('invalid_request', problems.map((p) => `${p.path}: ${p.message}`).join('; '), {
      details: problems,
    });
}
