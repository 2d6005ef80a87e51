// Link health: each open link of a connection checked against the PSA — the company renamed there
// ("renamed"), deleted or gone ("missing"), or a billing record the link bills into gone
// ("invalid"). One company list for all links, one billing read per company that bills.
import type { PsaCompany } from '../psa/types.ts';
import type { Connection } from '../store/connections.ts';
import { openLinksOf, recordLinkHealth, type LinkHealth, type OrgLink } from '../store/org-links.ts';
import { companyDirectory } from './company-directory.ts';
import { clientFor, type SessionDeps } from './psa-session.ts';

export interface HealthVerdict {
  health: LinkHealth;
  detail: string | null;
}

/** Why a link is invalid: the billing records it bills into that are gone from the PSA. */
export const goneDetail = (labels: string[]) =>
  `Billing record${labels.length > 1 ? 's' : ''} gone: ${labels.map((l) => `"${l}"`).join(', ')}`;

/** The verdict for one link, worst first: missing, then invalid, then renamed. */
export function judgeLink(
  link: Pick<OrgLink, 'companyId' | 'companyName' | 'billing'>,
  company: PsaCompany | undefined,
  targetIds: Set<string> | null,
): HealthVerdict {
  if (!company) return { health: 'missing', detail: `Company ${link.companyId} no longer exists in the PSA` };
  if (company.deleted)
    return { health: 'missing', detail: `Company "${company.name}" is deleted in the PSA` };
  const gone = targetIds ? link.billing.filter((b) => !targetIds.has(b.targetId)) : [];
  if (gone.length > 0) return { health: 'invalid', detail: goneDetail(gone.map((b) => b.targetLabel)) };
  if (company.name !== link.companyName) {
    return {
      health: 'renamed',
      detail: `Renamed in the PSA from "${link.companyName}" to "${company.name}"`,
    };
  }
  return { health: 'ok', detail: null };
}

export async function checkLinkHealth(deps: SessionDeps, connection: Connection) {
  const counts: Record<LinkHealth, number> = { ok: 0, renamed: 0, missing: 0, invalid: 0 };
  const links = await openLinksOf(deps.db, connection.id);
  if (links.length === 0) return counts;
  const directory = await companyDirectory(deps, connection, true);
  const byId = new Map(directory.items.map((c) => [c.id, c]));
  const client = await clientFor(deps, connection);
  for (const link of links) {
    const company =
      byId.get(link.companyId) ?? (directory.complete ? undefined : await client.getCompany(link.companyId));
    const targets =
      company && !company.deleted && link.billing.length > 0
        ? new Set((await client.billingTargets(link.companyId)).map((t) => t.id))
        : null;
    const verdict = judgeLink(link, company, targets);
    counts[verdict.health]++;
    await recordLinkHealth(deps.db, link.id, verdict);
  }
  return counts;
}
