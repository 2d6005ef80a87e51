// A connection's organization-mapping settings, kept in its `settings` object: the catch-all
// company, "link exact matches automatically", and whether the hub may create a missing billing line.
import type { Connection } from '../store/connections.ts';

export interface MappingSettings {
  /** Tickets of organizations whose link is broken (or that are not linked) go here, if set. */
  catchAll: { companyId: string; companyName: string } | null;
  autoLinkExact: boolean;
  createMissingBillingTargets: boolean;
  /** Storm control: new tickets per PSA company per hour before the rest go into one digest ticket. */
  maxTicketsPerCompanyHour: number;
  /** Storm control: this many organizations failing with one error class within the window make one
   *  incident ticket on the catch-all company (the partner's own) instead of one each; 0 = off. */
  incidentOrganizations: number;
  incidentWindowMinutes: number;
}

export const stormDefaults = {
  maxTicketsPerCompanyHour: 20,
  incidentOrganizations: 10,
  incidentWindowMinutes: 10,
};

const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

export function mappingSettings(connection: Pick<Connection, 'settings'>): MappingSettings {
  const s = connection.settings;
  const catchAll = s.catchAll as MappingSettings['catchAll'] | undefined;
  return {
    catchAll: catchAll?.companyId ? catchAll : null,
    autoLinkExact: s.autoLinkExact === true,
    createMissingBillingTargets: s.createMissingBillingTargets === true,
    maxTicketsPerCompanyHour: num(s.maxTicketsPerCompanyHour, stormDefaults.maxTicketsPerCompanyHour),
    incidentOrganizations: num(s.incidentOrganizations, stormDefaults.incidentOrganizations),
    incidentWindowMinutes: num(s.incidentWindowMinutes, stormDefaults.incidentWindowMinutes),
  };
}
