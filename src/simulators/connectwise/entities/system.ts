// Members, locations, departments, security roles and the caller's own security
// (reference §6, §7.9 [S4, S6]). All read-only here.
import type { Ctx, EntityDef } from '../entity.ts';
import type { Rec } from '../store.ts';

export const members: EntityDef = {
  table: 'members',
  path: '/system/members',
  schema: 'Member',
  resource: 'member',
  label: 'Member',
  security: 'System.MemberMaintenance',
  readOnly: true,
  refs: {
    securityRole: { kind: 'securityRole' },
    defaultLocation: { kind: 'location' },
    defaultDepartment: { kind: 'department' },
  },
};

export const locations: EntityDef = {
  table: 'locations',
  path: '/system/locations',
  schema: 'Location',
  resource: 'location',
  label: 'Location',
  security: 'System.TableSetup',
  setupTable: true,
  readOnly: true,
};

export const departments: EntityDef = {
  table: 'departments',
  path: '/system/departments',
  schema: 'Department',
  resource: 'department',
  label: 'Department',
  security: 'System.TableSetup',
  setupTable: true,
  readOnly: true,
};

export const securityRoles: EntityDef = {
  table: 'securityRoles',
  path: '/system/securityroles',
  schema: 'SecurityRole',
  resource: 'securityRole',
  label: 'SecurityRole',
  security: 'System.SecurityRoles',
  readOnly: true,
};

export function securityRoleSettings(rows: (ctx: Ctx) => Rec[]): EntityDef {
  return {
    table: 'securityRoleSettings',
    path: '/system/securityRoles/{parentId}/settings',
    schema: 'SecurityRoleSetting',
    resource: 'securityRoleSetting',
    label: 'SecurityRoleSetting',
    security: 'System.SecurityRoles',
    readOnly: true,
    parent: { table: 'securityRoles', label: 'SecurityRole', field: 'roleId' },
    rows,
  };
}

/** `/system/mySecurity`: anyone may read their own rights. */
export function mySecurity(rows: (ctx: Ctx) => Rec[]): EntityDef {
  return {
    table: 'securityRoleSettings',
    path: '/system/mySecurity',
    schema: 'MySecurity',
    resource: 'mySecurity',
    label: 'MySecurity',
    security: '',
    readOnly: true,
    rows,
  };
}
