// Ticket settings of a connection (and maybe one of its organizations), resolved against the
// connection's pick lists: the view the API shows, the checks a save must pass, and the plain
// settings the ticket reconciler builds a TicketPlacement from.
import { AppError } from '../core/errors.ts';
import type { FieldValues } from '../core/ticket-fields.ts';
import {
  resolveWithIssues,
  saveRefusals,
  toResolved,
  type EffectiveField,
  type ResolvedTicketSettings,
  type SettingsSources,
  type ValueSource,
} from '../core/ticket-settings.ts';
import { connectors } from '../psa/index.ts';
import type { PsaDescriptor } from '../psa/descriptor.ts';
import { liveConnectionOfKind, type Connection, type ConnectionKind } from '../store/connections.ts';
import { getPartner, type Partner } from '../store/partners.ts';
import {
  getConnectionSettings,
  getOrganizationSettings,
  linkedConnectionOf,
  partnerChainDefaults,
} from '../store/ticket-settings.ts';
import { pickListsOf } from './pick-lists.ts';
import type { SessionDeps } from './psa-session.ts';

export function descriptorOf(kind: ConnectionKind): PsaDescriptor {
  return connectors[kind].descriptor;
}

/** Values to use instead of the stored ones, for checking a save before it is written. */
export interface PendingValues {
  connection?: FieldValues;
  organization?: FieldValues;
  /** A partner's defaults for the connection's kind. */
  partner?: { partnerId: string; values: FieldValues };
}

async function sourcesFor(
  deps: SessionDeps,
  connection: Connection,
  organizationId: string | undefined,
  pending: PendingValues,
): Promise<SettingsSources> {
  const partner = await getPartner(deps.db, connection.partnerId);
  if (!partner) throw new Error(`connection ${connection.id} has no partner`);
  const chain = (await partnerChainDefaults(deps.db, partner.path, connection.kind)).map((p) => ({
    partnerId: p.partnerId,
    partnerName: p.partnerName,
    values: p.fields,
  }));
  const org =
    organizationId &&
    (pending.organization ??
      ((await linkedConnectionOf(deps.db, organizationId)) === connection.id
        ? ((await getOrganizationSettings(deps.db, organizationId, connection.id))?.fields ?? {})
        : undefined));
  return {
    ...(org ? { organization: org } : {}),
    connection: pending.connection ?? (await getConnectionSettings(deps.db, connection.id))?.fields ?? {},
    partners: chain,
  };
}

export interface SettingsView {
  effective: EffectiveField[];
  pickListsFetchedAt: string;
}

/** The effective value of every field for a connection (and organization), with its source. */
export async function ticketSettingsView(
  deps: SessionDeps,
  opts: { connection: Connection; organizationId?: string; condition?: string; pending?: PendingValues },
): Promise<SettingsView & { refusals: { path: string; message: string }[] }> {
  const { connection } = opts;
  const shape = descriptorOf(connection.kind);
  const [picks, sources] = await Promise.all([
    pickListsOf(deps, connection),
    sourcesFor(deps, connection, opts.organizationId, opts.pending ?? {}),
  ]);
  const { view } = resolveWithIssues(shape, picks.lists, sources, { condition: opts.condition });
  const saved = opts.pending?.organization
    ? { level: 'organization' as const, values: opts.pending.organization }
    : opts.pending?.connection
      ? { level: 'connection' as const, values: opts.pending.connection }
      : null;
  const refusals = saved
    ? saveRefusals(
        shape,
        picks.lists,
        sources,
        (s: ValueSource) => s.level === saved.level,
        conditionKeys(saved.values),
      )
    : [];
  return { effective: view, pickListsFetchedAt: picks.fetchedAt, refusals };
}

function conditionKeys(values: FieldValues): string[] {
  const c = values.conditions;
  return c && typeof c === 'object' && !Array.isArray(c) ? Object.keys(c) : [];
}

/**
 * Check a partner's defaults against its own live connection of that kind, if it has one: every
 * name must resolve there. Without such a connection, the shape check is all there is.
 */
export async function partnerDefaultRefusals(
  deps: SessionDeps,
  partner: Partner,
  kind: ConnectionKind,
  values: FieldValues,
): Promise<{ path: string; message: string }[]> {
  const connection = await liveConnectionOfKind(deps.db, partner.id, kind);
  if (!connection) return [];
  const picks = await pickListsOf(deps, connection);
  const chain = (await partnerChainDefaults(deps.db, partner.path, kind))
    .filter((p) => p.partnerId !== partner.id)
    .map((p) => ({ partnerId: p.partnerId, partnerName: p.partnerName, values: p.fields }));
  // Only the partner chain applies: the names are checked as the partner's connections would see
  // them before any connection sets its own values.
  const sources: SettingsSources = {
    connection: {},
    partners: [{ partnerId: partner.id, partnerName: partner.name, values }, ...chain],
  };
  return saveRefusals(
    descriptorOf(kind),
    picks.lists,
    sources,
    (s) => s.level === 'partner' && s.partnerId === partner.id,
    conditionKeys(values),
  );
}

/**
 * The settings a ticket for this connection (and organization, and alert condition) uses: placement
 * fields, status ids, a priority per severity, and the hub's behaviour switches. An organization's
 * overrides apply only while it is linked to this connection.
 */
export async function effectiveTicketSettings(
  deps: SessionDeps,
  opts: { connection: Connection; organizationId?: string; condition?: string },
): Promise<ResolvedTicketSettings> {
  if (opts.connection.revokedAt) throw new AppError('conflict', 'This connection was revoked');
  const { effective } = await ticketSettingsView(deps, opts);
  return toResolved(descriptorOf(opts.connection.kind), effective);
}
