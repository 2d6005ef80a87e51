// Permission checks by probing (reference §3: `{Entity}/entityInformation` reports
// userAccessFor{Query,Create,Update,Delete} as 0 None / 1 All / 2 Restricted for the API user's
// security level), plus a one-row query for each entity the hub reads, since a query refused with
// "does not have the adequate permissions" is the real answer.
import { PsaError } from '../errors.ts';
import type { PermissionCheck } from '../types.ts';
import { queryBody, queryPage } from './query.ts';
import type { AutotaskSession, Verb } from './session.ts';

interface Needed {
  entity: string;
  verb: Verb;
  permission: string;
  label: string;
  /** Where the security level grants it. */
  section: string;
}

const crm = 'CRM → Companies & Contacts';
const sd = 'Service Desk (Tickets)';
const contracts = 'Contracts';
const admin = 'Admin → Products & Services';

export const needed: Needed[] = [
  { entity: 'Companies', verb: 'query', permission: 'companies.read', label: 'Read companies', section: crm },
  {
    entity: 'Companies',
    verb: 'update',
    permission: 'companies.update',
    label: 'Write backup statistics into company user-defined fields (optional: only for backup statistics)',
    section: crm,
  },
  { entity: 'Contacts', verb: 'query', permission: 'contacts.read', label: 'Read contacts', section: crm },
  { entity: 'Tickets', verb: 'query', permission: 'tickets.read', label: 'Read tickets', section: sd },
  { entity: 'Tickets', verb: 'create', permission: 'tickets.create', label: 'Create tickets', section: sd },
  {
    entity: 'Tickets',
    verb: 'update',
    permission: 'tickets.update',
    label: 'Change ticket status',
    section: sd,
  },
  {
    entity: 'TicketNotes',
    verb: 'query',
    permission: 'ticket_notes.read',
    label: 'Read ticket notes',
    section: sd,
  },
  {
    entity: 'TicketNotes',
    verb: 'create',
    permission: 'ticket_notes.create',
    label: 'Add ticket notes',
    section: sd,
  },
  { entity: 'Services', verb: 'query', permission: 'services.read', label: 'Read services', section: admin },
  { entity: 'Products', verb: 'query', permission: 'products.read', label: 'Read products', section: admin },
  {
    entity: 'Contracts',
    verb: 'query',
    permission: 'contracts.read',
    label: 'Read contracts',
    section: contracts,
  },
  {
    entity: 'ContractServices',
    verb: 'query',
    permission: 'contract_services.read',
    label: 'Read contract services',
    section: contracts,
  },
  {
    entity: 'ContractServiceUnits',
    verb: 'query',
    permission: 'contract_service_units.read',
    label: 'Read contract service units',
    section: contracts,
  },
  {
    entity: 'ContractServices',
    verb: 'create',
    permission: 'contract_services.create',
    label: 'Add services to recurring service contracts',
    section: contracts,
  },
  {
    entity: 'ContractServiceAdjustments',
    verb: 'create',
    permission: 'contract_service_adjustments.create',
    label: 'Adjust contract service units',
    section: contracts,
  },
];

const accessField: Record<Verb, string> = {
  query: 'userAccessForQuery',
  create: 'userAccessForCreate',
  update: 'userAccessForUpdate',
  delete: 'userAccessForDelete',
};

export function fixFor(n: Needed): string {
  const verb = n.verb === 'query' ? 'view' : n.verb === 'create' ? 'add' : 'edit';
  return `Autotask → Admin → Account Settings & Users → Resources/Users (HR) → Security → Security Levels: edit the API user's security level (a copy of "API User (system)"), section ${n.section}, and allow it to ${verb} ${n.entity} (${n.verb} access "All"). API-only levels are edited like any other.`;
}

type Info = Record<string, unknown> | null;

export async function checkPermissions(api: AutotaskSession): Promise<PermissionCheck[]> {
  const entities = [...new Set(needed.map((n) => n.entity))];
  const info = new Map<string, Info>();
  const queryOk = new Map<string, boolean>();
  await Promise.all(
    entities.map(async (entity) => {
      try {
        const b = await api.get<{ info?: Record<string, unknown> }>(`${entity}/entityInformation`);
        info.set(entity, b?.info ?? null);
      } catch (err) {
        if (!(err instanceof PsaError) || err.kind !== 'permission') throw err;
        info.set(entity, null);
      }
      // ContractServiceAdjustments cannot be queried (§4.5).
      if (!needed.some((n) => n.entity === entity && n.verb === 'query')) return;
      try {
        await queryPage(api, entity, queryBody([], 1, ['id']));
        queryOk.set(entity, true);
      } catch (err) {
        if (!(err instanceof PsaError) || err.kind !== 'permission') throw err;
        queryOk.set(entity, false);
      }
    }),
  );
  return needed.map((n) => {
    const i = info.get(n.entity);
    const access = Number(i?.[accessField[n.verb]] ?? 0);
    const ok =
      n.verb === 'query' ? queryOk.get(n.entity) === true && access !== 0 : i != null && access !== 0;
    return { permission: n.permission, label: n.label, ok, verified: true, fix: ok ? null : fixFor(n) };
  });
}
