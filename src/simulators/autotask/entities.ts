// The simulated entities: the Swagger's property lists (spec-fields.ts, generated from SPEC) merged
// with entity-overlays.ts (what the Swagger lacks), plus case-insensitive lookups.
import { DEFAULT_STRING_LENGTH, overlays, type Overlay } from './entity-overlays.ts';
import type { EntityDef, FieldDef } from './model.ts';
import { specFields } from './spec-fields.ts';

function buildEntity(name: string, o: Overlay): EntityDef {
  const spec = specFields[name];
  if (!spec) throw new Error(`no Swagger fields for ${name}`);
  const all = [...spec, ...(o.extra ?? [])];
  const fields: FieldDef[] = all.map(([field, dataType]) => ({
    name: field,
    dataType,
    length: dataType === 'string' ? (o.lengths?.[field] ?? DEFAULT_STRING_LENGTH) : 0,
    isRequired: field === 'id' || (o.required?.includes(field) ?? false),
    isReadOnly:
      field === 'id' ||
      (o.readOnly?.includes(field) ?? false) ||
      (!o.verbs.canCreate && !o.verbs.canUpdate && name === 'ContractServiceUnits'),
    isQueryable: !(o.notQueryable?.includes(field) ?? false),
    referenceEntityType: o.references?.[field] ?? '',
    isPickList: o.picklists?.includes(field) ?? false,
    picklistParentValueField: o.picklistParents?.[field] ?? '',
  }));
  return {
    name,
    singular: o.singular,
    fields,
    ...o.verbs,
    parent: o.parent,
    getById: o.getById ?? true,
    updatableFields: o.updatableFields,
  };
}

export const entityDefs: readonly EntityDef[] = Object.entries(overlays).map(([n, o]) => buildEntity(n, o));

const byLower = new Map(entityDefs.map((e) => [e.name.toLowerCase(), e]));

/** The entity named by a URL segment (case-insensitive, reference §1.1). */
export function entityByName(name: string): EntityDef | undefined {
  return byLower.get(name.toLowerCase());
}

/** The child entity reached as `/{parent}/{id}/{childPath}`. */
export function childEntity(parent: EntityDef, childPath: string): EntityDef | undefined {
  const lower = childPath.toLowerCase();
  return entityDefs.find(
    (e) => e.parent?.entity === parent.name && e.parent.childPath.toLowerCase() === lower,
  );
}

/** Table name for a `referenceEntityType`. */
export function tableForReference(ref: string): string | undefined {
  return entityDefs.find((e) => e.singular === ref)?.name;
}

/** Case-insensitive field lookup (reference §2.2: field names in filters and bodies). */
export function fieldByName(entity: EntityDef, name: string): FieldDef | undefined {
  const lower = name.toLowerCase();
  return entity.fields.find((f) => f.name.toLowerCase() === lower);
}
