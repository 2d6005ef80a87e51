// Permissions from `/system/mySecurity` (reference §7.9): the API member's effective levels per
// module function. Each permission the hub uses is ok when every level it needs is not None.
// Setup tables (boards, statuses, priorities, SLAs) answer inquiries whatever the role (§1.3).
import type { PermissionCheck } from '../types.ts';
import type { CwSession } from './auth.ts';
import { listAll } from './paging.ts';
import { functions, grantFix, type Level, type ModuleFunction } from './rights.ts';
import { refName, str, type Row } from './wire.ts';

interface Need {
  permission: string;
  label: string;
  f: ModuleFunction;
  levels: Level[];
}

const needs: Need[] = [
  { permission: 'companies.read', label: 'Read companies', f: functions.companies, levels: ['inquire'] },
  { permission: 'contacts.read', label: 'Read contacts', f: functions.contacts, levels: ['inquire'] },
  { permission: 'tickets.read', label: 'Read service tickets', f: functions.tickets, levels: ['inquire'] },
  {
    permission: 'tickets.write',
    label: 'Create service tickets and change their status',
    f: functions.tickets,
    levels: ['add', 'edit'],
  },
  { permission: 'notes.write', label: 'Add notes to service tickets', f: functions.tickets, levels: ['add'] },
  {
    permission: 'products.read',
    label: 'Read the product catalog',
    f: functions.catalog,
    levels: ['inquire'],
  },
  {
    permission: 'billing.read',
    label: 'Read agreements and their additions',
    f: functions.agreements,
    levels: ['inquire'],
  },
  {
    permission: 'billing.write',
    label: 'Change agreement addition quantities',
    f: functions.agreements,
    levels: ['edit'],
  },
  {
    permission: 'companies.write',
    label: 'Write backup statistics into company custom fields (optional: only for backup statistics)',
    f: functions.companies,
    levels: ['edit'],
  },
  {
    permission: 'billing.create',
    label: 'Add products to agreements (new agreement additions)',
    f: functions.agreements,
    levels: ['add'],
  },
];

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function rowFor(rows: Row[], f: ModuleFunction): Row | undefined {
  return rows.find(
    (r) =>
      (norm(str(r.moduleIdentifier)) === norm(f.module) || norm(str(r.moduleName)) === norm(f.moduleName)) &&
      (norm(str(r.moduleFunctionIdentifier)) === norm(f.fn) ||
        norm(str(r.moduleFunctionName)) === norm(f.fnName)),
  );
}

const granted = (v: unknown) => v === 'All' || v === 'My';

export async function checkPermissions(api: CwSession): Promise<PermissionCheck[]> {
  const rows = await listAll(api, 'system/mySecurity');
  const out: PermissionCheck[] = needs.map((n) => {
    const row = rowFor(rows, n.f);
    const missing = n.levels.filter((l) => !row || !granted(row[`${l}Level`]));
    return {
      permission: n.permission,
      label: n.label,
      ok: missing.length === 0,
      verified: true,
      fix: missing.length ? grantFix(n.f, missing) : null,
    };
  });
  out.push({
    permission: 'lookups.read',
    label: 'Read boards, statuses, priorities and SLAs',
    ok: true,
    verified: true,
    fix: null,
  });
  return out;
}

/** The API member's name, from the `member` reference on the mySecurity rows. */
export async function me(api: CwSession): Promise<string | null> {
  const rows = await api.get<Row[]>('system/mySecurity', { pageSize: 1 });
  const m = Array.isArray(rows) && rows[0] ? rows[0].member : undefined;
  return m ? refName(m) || null : null;
}
