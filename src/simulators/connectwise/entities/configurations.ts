// Company configurations with their types and statuses (reference §6, §7.10 [S6]; schema in
// manage-extra.json because the GET subset lacks it).
import type { EntityDef } from '../entity.ts';
import { makeRef } from '../references.ts';
import type { Rec } from '../store.ts';

const idOf = (v: unknown): number | undefined => (v as Rec | null | undefined)?.id;
const ofCompany = (row: Record<string, unknown>) => (target: Rec) =>
  idOf(target.company) === idOf(row.company);

export const configurationTypes: EntityDef = {
  table: 'configurationTypes',
  path: '/company/configurations/types',
  schema: 'ConfigurationType',
  resource: 'configurationType',
  label: 'ConfigurationType',
  security: 'System.TableSetup',
  setupTable: true,
  unique: ['name'],
};

export const configurationStatuses: EntityDef = {
  table: 'configurationStatuses',
  path: '/company/configurations/statuses',
  schema: 'ConfigurationStatus',
  resource: 'configurationStatus',
  label: 'ConfigurationStatus',
  security: 'System.TableSetup',
  setupTable: true,
  unique: ['description'],
};

export const configurations: EntityDef = {
  table: 'configurations',
  path: '/company/configurations',
  schema: 'Configuration',
  resource: 'configuration',
  label: 'Configuration',
  security: 'Companies.Configurations',
  refs: {
    type: {
      kind: 'configurationType',
      scope: () => (t) => t.inactiveFlag !== true,
      scopeMessage: () => 'The configuration type is inactive.',
    },
    status: { kind: 'configurationStatus' },
    company: { kind: 'company', scope: () => (c) => c.deletedFlag !== true },
    contact: {
      kind: 'contact',
      scope: ofCompany,
      scopeMessage: () => 'The contact does not belong to the configuration company.',
    },
    site: {
      kind: 'site',
      scope: ofCompany,
      scopeMessage: () => 'The site does not belong to the configuration company.',
    },
    vendor: { kind: 'company' },
    installedBy: { kind: 'member' },
    sla: { kind: 'sla' },
    location: { kind: 'location' },
    department: { kind: 'department' },
  },
  computed: ['mobileGuid'],
  prepare(row, ctx) {
    if (!row.status) {
      const s = ctx.store.table('configurationStatuses').find((x) => x.defaultFlag === true);
      if (s) row.status = makeRef('configurationStatus', s, ctx.base);
    }
    row.activeFlag ??= true;
    row.billFlag ??= false;
    row.questions ??= [];
    row.customFields ??= [];
    return [];
  },
};
