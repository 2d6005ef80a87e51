// Every entity the simulator serves, in routing order.
import type { ControlState } from '../control.ts';
import type { EntityDef } from '../entity.ts';
import { effectiveSettings, mySecurityRows } from '../security.ts';
import { companies, companyStatuses, companyTypes, contacts, sites } from './company.ts';
import { userDefinedFields } from './custom-fields.ts';
import { configurations, configurationStatuses, configurationTypes } from './configurations.ts';
import { additions, agreements, agreementTypes } from './finance.ts';
import { catalog, productSubcategories, productTypes } from './procurement.ts';
import { boardItems, boards, boardStatuses, boardSubTypes, boardTypes, priorities, slas } from './service.ts';
import {
  departments,
  locations,
  members,
  mySecurity,
  securityRoles,
  securityRoleSettings,
} from './system.ts';
import { notes, tickets } from './tickets.ts';

export function ENTITY_DEFS(state: ControlState): EntityDef[] {
  return [
    companyStatuses,
    companyTypes,
    companies,
    sites,
    contacts,
    configurationTypes,
    configurationStatuses,
    configurations,
    boards,
    boardStatuses,
    boardTypes,
    boardSubTypes,
    boardItems,
    priorities,
    slas,
    tickets,
    notes,
    agreementTypes,
    agreements,
    additions,
    productTypes,
    productSubcategories,
    catalog,
    members,
    locations,
    departments,
    securityRoles,
    securityRoleSettings((ctx) => {
      const mine = new Map(effectiveSettings(ctx, state.removals).map((s) => [s.id, s]));
      return ctx.store
        .table('securityRoleSettings')
        .all()
        .map((s) => mine.get(s.id) ?? s);
    }),
    mySecurity((ctx) => mySecurityRows(ctx, state.removals)),
    userDefinedFields,
  ];
}
