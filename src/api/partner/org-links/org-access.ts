// An organization the caller may see, for the mapping routes.
import type { Db } from '../../../store/db.ts';
import { getOrganization, type Organization } from '../../../store/organizations.ts';
import type { Actor } from '../../actor.ts';
import { notFound, scopePath } from '../../authorization.ts';

export async function visibleOrganization(
  db: Db,
  actor: Actor | undefined,
  id: string,
): Promise<Organization> {
  const org = await getOrganization(db, id, scopePath(actor));
  if (!org) throw notFound('organization', id);
  return org;
}
