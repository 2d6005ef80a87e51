// The partner tree and the roles of its people, as rules without I/O.

export const partnerKinds = ['distributor', 'master_reseller', 'direct_reseller', 'sub_reseller'] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export const userRoles = ['owner', 'super_admin', 'admin', 'viewer'] as const;
export type UserRole = (typeof userRoles)[number];

/** Depth of each kind in the tree: a parent's level is always lower than its children's. */
const kindLevel: Record<PartnerKind, number> = {
  distributor: 0,
  master_reseller: 1,
  direct_reseller: 2,
  sub_reseller: 3,
};

const roleRank: Record<UserRole, number> = { viewer: 0, admin: 1, super_admin: 2, owner: 3 };

/**
 * Why a partner of `kind` may not sit under a parent of `parentKind` (null = no parent), or
 * undefined when it may. Levels strictly increase downwards, so a valid tree can have no cycle.
 */
export function hierarchyProblem(kind: PartnerKind, parentKind: PartnerKind | null): string | undefined {
  if (parentKind === null) {
    return kind === 'sub_reseller' ? 'a sub_reseller needs a parent partner' : undefined;
  }
  if (kindLevel[parentKind] >= kindLevel[kind]) {
    return `a ${kind} cannot sit under a ${parentKind}`;
  }
  return undefined;
}

/** Whether `role` may manage users (create, change, remove) in its subtree. */
export function canManageUsers(role: UserRole): boolean {
  return role === 'owner' || role === 'super_admin';
}

/** Whether `role` may change integrations (connections, mappings, settings). */
export function canManageIntegrations(role: UserRole): boolean {
  return role !== 'viewer';
}

/** Whether `role` may approve, reject and sync billing and set its rules. */
export function canManageBilling(role: UserRole): boolean {
  return role === 'owner' || role === 'super_admin' || role === 'admin';
}

/** A manager may grant or touch roles up to its own, never above it. */
export function canAssignRole(actorRole: UserRole, targetRole: UserRole): boolean {
  return canManageUsers(actorRole) && roleRank[targetRole] <= roleRank[actorRole];
}

/** Materialised path of a partner: its ancestors' ids and its own, e.g. `/a/b/c/`. */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** Whether the partner at `path` is `ancestorPath` itself or lies below it. */
export function isWithin(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

/** The path of a partner's parent, or null for a root. */
export function parentPathOf(path: string): string | null {
  const parts = path.split('/').filter(Boolean);
  return parts.length <= 1 ? null : `/${parts.slice(0, -1).join('/')}/`;
}
