// Seed part: security roles with their module-function settings, and the members (one API member).
import { day, dept, info, loc, type Row } from './gen-util.ts';

export function buildSecurity() {
  const FUNCTIONS: [string, string, string, string][] = [
    ['Companies', 'Companies', 'CompanyMaintenance', 'Company Maintenance'],
    ['Companies', 'Companies', 'Contacts', 'Contacts'],
    ['Companies', 'Companies', 'Configurations', 'Configurations'],
    ['ServiceDesk', 'Service Desk', 'ServiceTickets', 'Service Tickets'],
    ['Finance', 'Finance', 'Agreements', 'Agreements'],
    ['Procurement', 'Procurement', 'ProductCatalog', 'Product Catalog'],
    ['System', 'System', 'TableSetup', 'Table Setup'],
    ['System', 'System', 'MemberMaintenance', 'Member Maintenance'],
    ['System', 'System', 'SecurityRoles', 'Security Roles'],
  ];
  const securityRoles: Row[] = [
    {
      id: 1,
      name: 'Admin',
      roleType: 'Admin',
      adminFlag: true,
      inactiveFlag: false,
      _info: info(day(2019, 1, 1)),
    },
    {
      id: 2,
      name: 'PSA Hub Integration',
      roleType: 'Custom',
      adminFlag: false,
      inactiveFlag: false,
      _info: info(day(2024, 3, 1)),
    },
  ];
  const securityRoleSettings: Row[] = [];
  for (const role of securityRoles)
    FUNCTIONS.forEach(([mod, modName, fn, fnName], i) => {
      const all = role.id === 1;
      const level = (l: string): string =>
        all
          ? 'All'
          : fn === 'TableSetup' || fn === 'MemberMaintenance' || fn === 'SecurityRoles'
            ? l === 'inquire'
              ? 'All'
              : 'None'
            : 'All';
      securityRoleSettings.push({
        id: securityRoleSettings.length + 1,
        roleId: role.id,
        moduleIdentifier: mod,
        moduleName: modName,
        moduleDescription: modName,
        moduleFunctionIdentifier: fn,
        moduleFunctionName: fnName,
        moduleFunctionDescription: fnName,
        addLevel: level('add'),
        editLevel: level('edit'),
        deleteLevel: fn === 'Agreements' && !all ? 'None' : level('delete'),
        inquireLevel: level('inquire'),
        myAllFlag: true,
        reportFlag: false,
        restrictFlag: false,
        customFlag: false,
        sortOrder: i + 1,
        _info: info(day(2024, 3, 1)),
      });
    });
  const member = (
    id: number,
    identifier: string,
    first: string,
    last: string,
    licenseClass: string,
    roleId: number,
  ): Row => ({
    id,
    identifier,
    firstName: first,
    lastName: last,
    licenseClass,
    hireDate: day(2020, 1, 6),
    defaultEmail: 'Office',
    defaultPhone: 'Office',
    officeEmail: `${identifier}@northwind-msp.example`,
    primaryEmail: `${identifier}@northwind-msp.example`,
    inactiveFlag: false,
    dailyCapacity: 8,
    adminFlag: roleId === 1,
    securityRole: { id: roleId, name: securityRoles[roleId - 1]!.name },
    defaultLocation: loc,
    defaultDepartment: dept,
    _info: info(day(2020, 1, 6)),
  });
  const members = [
    member(1, 'admin', 'Ada', 'Admin', 'F', 1),
    member(2, 'psahub', 'PSA Hub', 'Integration', 'A', 2),
    member(3, 'jsmith', 'Jo', 'Smith', 'F', 1),
    member(4, 'mgarcia', 'María', 'García', 'F', 1),
  ];
  return { securityRoles, securityRoleSettings, members };
}
