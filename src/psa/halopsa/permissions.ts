// Halo has no "what may I do" call the hub can rely on (reference §1.4: RMCP probes by status
// code), so each permission the hub uses is probed. Reads GET one row: 200 is granted, 403 (or a
// second 401) missing. A write cannot be tried without writing, so it POSTs an empty array: a 403
// proves it missing, but Halo documents no answer for the empty array itself — its 400 ("nothing
// supplied") only says the call was not refused — so such a write is reported as not verified
// (`verified: false`) with what to check by hand, never as granted.
// Effective rights are the application's permissions ∩ its agent's permissions (§1.2).
import { PsaError } from '../errors.ts';
import type { PermissionCheck } from '../types.ts';
import type { HaloSession } from './session.ts';

interface Probe {
  permission: string;
  label: string;
  scope: string;
  agentRight: string;
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | number | boolean>;
}

const one = { pageinate: true, page_size: 1, page_no: 1 };

const probes: Probe[] = [
  {
    permission: 'companies.read',
    label: 'Read customers (clients)',
    scope: 'read:customers',
    agentRight: 'Customers: read',
    method: 'GET',
    path: 'Client',
    query: one,
  },
  {
    permission: 'contacts.read',
    label: 'Read users (contacts)',
    scope: 'read:customers',
    agentRight: 'Customers: read',
    method: 'GET',
    path: 'Users',
    query: one,
  },
  {
    permission: 'companies.write',
    label: 'Write backup statistics into client custom fields (optional: only for backup statistics)',
    scope: 'edit:customers',
    agentRight: 'Customers: edit',
    method: 'POST',
    path: 'Client',
  },
  {
    permission: 'tickets.read',
    label: 'Read tickets',
    scope: 'read:tickets',
    agentRight: 'Tickets: read',
    method: 'GET',
    path: 'Tickets',
    query: one,
  },
  {
    permission: 'tickets.write',
    label: 'Create and update tickets',
    scope: 'edit:tickets',
    agentRight: 'Tickets: edit (and the ticket types the hub uses)',
    method: 'POST',
    path: 'Tickets',
  },
  {
    permission: 'notes.write',
    label: 'Add actions (notes, status changes)',
    scope: 'edit:tickets',
    agentRight: 'Tickets: edit',
    method: 'POST',
    path: 'Actions',
  },
  {
    permission: 'lookups.read',
    label: 'Read ticket types, statuses, SLAs, teams',
    scope: 'all:standard',
    agentRight: 'Configuration: read',
    method: 'GET',
    path: 'TicketType',
  },
  {
    permission: 'products.read',
    label: 'Read items (products)',
    scope: 'read:items',
    agentRight: 'Items: read',
    method: 'GET',
    path: 'Item',
    query: one,
  },
  {
    permission: 'billing.read',
    label: 'Read recurring invoices',
    scope: 'read:invoices',
    agentRight: 'Invoices: read',
    method: 'GET',
    path: 'RecurringInvoice',
    query: one,
  },
  {
    permission: 'billing.write',
    label: 'Change recurring-invoice line quantities and add lines',
    scope: 'edit:invoices',
    agentRight: 'Invoices: edit',
    method: 'POST',
    path: 'RecurringInvoice/updatelines',
  },
  {
    permission: 'licences.read',
    label: 'Read software licences',
    scope: 'read:softwarelicensing',
    agentRight: 'Software licences: read',
    method: 'GET',
    path: 'SoftwareLicence',
    query: one,
  },
  {
    permission: 'licences.write',
    label: 'Change software licence counts',
    scope: 'edit:softwarelicensing',
    agentRight: 'Software licences: edit',
    method: 'POST',
    path: 'SoftwareLicence',
  },
];

function fix(p: Probe): string {
  return `In Halo → Configuration → Integrations → HaloPSA API → your application → Permissions, allow "${p.scope}" (or "all"); and give the agent the application logs in as the "${p.agentRight}" permission (Configuration → Teams & Agents → Agents → Permissions).`;
}

type Outcome = 'granted' | 'missing' | 'unverified';

async function probe(api: HaloSession, p: Probe): Promise<Outcome> {
  try {
    if (p.method === 'GET') await api.request('GET', p.path, { query: p.query });
    else await api.request('POST', p.path, { body: [], idempotent: false });
    return 'granted';
  } catch (err) {
    if (!(err instanceof PsaError)) throw err;
    if (err.kind === 'permission') return 'missing';
    // A second 401 with a fresh token: some Halo endpoints answer 401 for a missing right (§1.3).
    if (err.kind === 'auth' && err.details.status === 401) return 'missing';
    if (p.method === 'GET') {
      if (err.kind === 'validation' || err.kind === 'not_found') return 'missing';
      throw err;
    }
    // The empty write was not refused, but what Halo does with it is not documented: a 400, a 404
    // for a path this version lacks, a 5xx — none proves the write allowed.
    if (err.kind === 'validation' || err.kind === 'not_found') return 'unverified';
    if (err.kind === 'transient' && (err.details.status ?? 0) >= 500) return 'unverified';
    throw err;
  }
}

function unverifiedFix(p: Probe): string {
  return `HaloPSA cannot be asked whether the hub may do this without writing, so it was not verified: check that the application has "${p.scope}" (or "all") under Configuration → Integrations → HaloPSA API → your application → Permissions, and that its agent has "${p.agentRight}".`;
}

export async function checkPermissions(api: HaloSession): Promise<PermissionCheck[]> {
  const out: PermissionCheck[] = [];
  for (const p of probes) {
    const outcome = await probe(api, p);
    out.push({
      permission: p.permission,
      label: p.label,
      ok: outcome !== 'missing',
      verified: outcome !== 'unverified',
      fix: outcome === 'granted' ? null : outcome === 'missing' ? fix(p) : unverifiedFix(p),
    });
  }
  return out;
}
