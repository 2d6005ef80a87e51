// "Link exact matches automatically": every unlinked organization of the connection's partner whose
// best suggestion is an unambiguous equal name is linked, when its plans are mapped. Anything less
// certain stays a suggestion for the partner to confirm.
import { autoLinkTarget, createMatcher } from '../core/company-match.ts';
import type { Connection } from '../store/connections.ts';
import type { Db } from '../store/db.ts';
import { getOrganization } from '../store/organizations.ts';
import { organizationsForConnection, type OrgLink } from '../store/org-links.ts';
import { companyDirectory } from './company-directory.ts';
import { linkOrganization } from './org-linking.ts';
import { clientFor, type SessionDeps } from './psa-session.ts';
import type { Queue } from './queue.ts';

export interface AutoLinkOutcome {
  organizationId: string;
  organizationName: string;
  companyId: string;
  companyName: string;
  /** Null when linked (or, in a dry run, when it would be); else why not. */
  refused: string | null;
}

const PAGE = 500;

export async function autoLinkExact(
  deps: SessionDeps & { queue?: Queue },
  connection: Connection,
  opts: { dryRun?: boolean; audit?: (tx: Db, link: OrgLink) => Promise<void> } = {},
): Promise<AutoLinkOutcome[]> {
  const directory = await companyDirectory(deps, connection);
  const match = createMatcher(directory.items, { limit: 3 });
  const client = opts.dryRun ? undefined : await clientFor(deps, connection);
  const byId = new Map(directory.items.map((c) => [c.id, c]));
  const out: AutoLinkOutcome[] = [];
  let cursor: [string, string] | undefined;
  for (;;) {
    const rows = await organizationsForConnection(deps.db, {
      partnerId: connection.partnerId,
      connectionId: connection.id,
      state: 'unlinked',
      limit: PAGE,
      cursor,
    });
    for (const row of rows) {
      if (!row.organization.active) continue;
      const target = autoLinkTarget(match(row.organization));
      if (!target) continue;
      const org = (await getOrganization(deps.db, row.organization.id, null))!;
      const outcome = {
        organizationId: org.id,
        organizationName: org.name,
        companyId: target.companyId,
        companyName: target.companyName,
        refused: null as string | null,
      };
      if (!opts.dryRun) {
        try {
          await linkOrganization(
            { ...deps, client: client!, ...(opts.audit ? { audit: opts.audit } : {}) },
            {
              connection,
              organization: org,
              companyId: target.companyId,
              company: byId.get(target.companyId),
              method: 'auto_exact',
              actorId: null,
            },
          );
        } catch (err) {
          outcome.refused = (err as Error).message;
        }
      }
      out.push(outcome);
    }
    if (rows.length < PAGE) return out;
    const last = rows.at(-1)!.organization;
    cursor = [last.name, last.id];
  }
}
