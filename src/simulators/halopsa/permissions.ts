// Scopes of a Halo API application (reference §1.5, PSMOD `HaloAuth.psm1`). What a call may do is
// the intersection of the token's scopes and the application's grant (reference §1.2:
// "intersection of the application's scopes and the agent's permissions"); the `permissions`
// control action removes parts of the grant so calls fail with Halo's 403.

/** Permission areas the simulated endpoints need (the endpoint→scope map is [inferred], §1.5). */
export const areas = [
  'tickets',
  'customers',
  'items',
  'softwarelicensing',
  'invoices',
  'contracts',
  'calendar',
  'crm',
  'timesheets',
  'suppliers',
  'projects',
  'sales',
  'quotes',
  'sos',
  'pos',
  'reporting',
  'software',
  'kb',
  'assets',
] as const;
export type Area = (typeof areas)[number];

/** Every atomic permission: `read:<area>`, `edit:<area>`, and `admin` (configuration writes). */
export function allPermissions(): Set<string> {
  const all = new Set<string>(['admin']);
  for (const a of areas) {
    all.add(`read:${a}`);
    all.add(`edit:${a}`);
  }
  return all;
}

/** The scope names Halo knows (PSMOD's validator list). */
export function isKnownScope(scope: string): boolean {
  if (
    ['all', 'all:standard', 'admin', 'access:chat', 'access:adpasswordreset', 'editMine:timesheets'].includes(
      scope,
    )
  )
    return true;
  const m = /^(read|edit):(.+)$/.exec(scope);
  return m !== null && (areas as readonly string[]).includes(m[2]!);
}

/** Expand granted scope names into atomic permissions (`edit:x` implies `read:x`). */
export function expandScopes(scopes: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const s of scopes) {
    if (s === 'all') return allPermissions();
    if (s === 'all:standard') {
      for (const p of allPermissions()) if (p !== 'admin') out.add(p);
    } else if (s === 'admin') out.add('admin');
    else if (s.startsWith('edit:')) {
      out.add(s);
      out.add(`read:${s.slice(5)}`);
    } else if (s.startsWith('read:')) out.add(s);
  }
  return out;
}

/** The permission one call needs: `read:<area>`, `edit:<area>`, `admin`, or none. */
export function needed(area: Area | 'admin' | null, write: boolean): string | null {
  if (area === null) return null;
  if (area === 'admin') return write ? 'admin' : null;
  return `${write ? 'edit' : 'read'}:${area}`;
}
