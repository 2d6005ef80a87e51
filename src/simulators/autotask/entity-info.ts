// `GET /{E}/entityInformation`, `/entityInformation/fields`, `/entityInformation/userDefinedFields`
// (reference §3, DOC REST_EntityInformationCall, SPEC2 EntityInformationModel / FieldInformationModel /
// Field / PickListValue). Picklists — queues, ticket statuses, priorities, types, sources, issue
// and sub-issue types… — are not entities: they come only from here (reference §3 "Queues are not
// an entity"). `picklistValues` is null for non-picklists, `referenceEntityType` "" when no reference.
import type { SimResponse } from '../shared/types.ts';
import type { EntityDef } from './model.ts';
import type { Permissions } from './permissions.ts';
import type { AutotaskStore } from './store.ts';

/** userAccessFor*: 0 None, 1 All, 2 Restricted (DOC REST_EntityInformationCall). */
function access(can: boolean, allowed: boolean): number {
  return can && allowed ? 1 : 0;
}

export function entityInformation(entity: EntityDef, store: AutotaskStore, perms: Permissions): SimResponse {
  return {
    status: 200,
    body: {
      info: {
        name: entity.singular,
        canCreate: entity.canCreate,
        canDelete: entity.canDelete,
        canQuery: entity.canQuery,
        canUpdate: entity.canUpdate,
        userAccessForCreate: access(entity.canCreate, perms.allows(entity.name, 'create')),
        userAccessForDelete: access(entity.canDelete, perms.allows(entity.name, 'delete')),
        userAccessForQuery: access(entity.canQuery, perms.allows(entity.name, 'query')),
        userAccessForUpdate: access(entity.canUpdate, perms.allows(entity.name, 'update')),
        hasUserDefinedFields: store.udfDefs(entity.name).length > 0,
        supportsWebhookCallouts: [
          'Companies',
          'Contacts',
          'Tickets',
          'TicketNotes',
          'ConfigurationItems',
        ].includes(entity.name),
      },
    },
  };
}

export function entityFields(entity: EntityDef, store: AutotaskStore): SimResponse {
  return {
    status: 200,
    body: {
      fields: entity.fields.map((f) => ({
        name: f.name,
        dataType: f.dataType,
        length: f.length,
        isRequired: f.isRequired,
        isReadOnly: f.isReadOnly,
        isQueryable: f.isQueryable,
        isReference: f.referenceEntityType !== '',
        referenceEntityType: f.referenceEntityType,
        isPickList: f.isPickList,
        picklistValues: f.isPickList ? store.picklist(entity.name, f.name) : null,
        picklistParentValueField: f.picklistParentValueField,
        isSupportedWebhookField: false,
      })),
    },
  };
}

export function userDefinedFields(entity: EntityDef, store: AutotaskStore): SimResponse {
  return {
    status: 200,
    body: {
      fields: store.udfDefs(entity.name).map((u) => ({
        name: u.name,
        label: u.label ?? u.name,
        type: u.type,
        length: u.length ?? (u.type === 'string' ? 8000 : 0),
        description: u.description ?? null,
        isRequired: u.isRequired ?? false,
        isReadOnly: false,
        isQueryable: true,
        isReference: false,
        referenceEntityType: '',
        isPickList: u.isPickList ?? false,
        picklistValues: u.isPickList ? (u.picklistValues ?? []) : null,
        picklistParentValueField: null,
        defaultValue: u.defaultValue ?? '',
        isSupportedWebhookField: false,
      })),
    },
  };
}
