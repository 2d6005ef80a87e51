// The shapes the Autotask simulator works with: field metadata (as `entityInformation/fields`
// reports it, reference §3), entity definitions (which verbs and URLs exist, SPEC paths, reference
// §4.2), picklist values, user-defined fields, rows and the seed file.
import type { SpecDataType } from './spec-fields.ts';

export type DataType = SpecDataType;

export interface FieldDef {
  /** camelCase, as the API answers. */
  name: string;
  dataType: DataType;
  /** Maximum string length (0 when not a string or unknown). */
  length: number;
  isRequired: boolean;
  isReadOnly: boolean;
  isQueryable: boolean;
  /** Entity this field references (an id must exist there), e.g. `Company`. */
  referenceEntityType: string;
  /** Name of the picklist for this field (a key of the seed's picklists for the entity). */
  isPickList: boolean;
  picklistParentValueField: string;
}

export interface PickListValue {
  value: string;
  label: string;
  isDefaultValue: boolean;
  sortOrder: number;
  parentValue: string;
  isActive: boolean;
  isSystem: boolean;
}

/** A user-defined field definition (`entityInformation/userDefinedFields`, reference §3). */
export interface UdfDef {
  name: string;
  label?: string;
  type: 'string' | 'integer' | 'decimal' | 'datetime' | 'boolean';
  length?: number;
  description?: string | null;
  isRequired?: boolean;
  isPickList?: boolean;
  picklistValues?: PickListValue[] | null;
  defaultValue?: string | null;
  /**
   * False for a deactivated UDF (SPEC2 `UserDefinedFieldDefinitionModel.IsActive`): left out of
   * `entityInformation/userDefinedFields` and of rows, and refused in writes like an unknown name
   * [inferred: the live answer for an inactive UDF is not in the sources].
   */
  isActive?: boolean;
}

export interface Udf {
  name: string;
  value: string | null;
}

export type Row = { id: number; userDefinedFields?: Udf[] } & Record<string, unknown>;

export type Verb = 'create' | 'update' | 'delete' | 'query';

/** How an entity is reached and what it allows (SPEC path list). */
export interface EntityDef {
  /** Canonical URL name, e.g. `TicketNotes`. */
  name: string;
  /** Name used in messages (`Unable to find x in the Ticket Entity.`), e.g. `Ticket`. */
  singular: string;
  fields: FieldDef[];
  canCreate: boolean;
  canUpdate: boolean;
  canDelete: boolean;
  canQuery: boolean;
  /** The top-level `/{Entity}` path takes POST (create) / PATCH+PUT (update) — false for child-only writes. */
  topLevelCreate: boolean;
  topLevelUpdate: boolean;
  /** Child URL under a parent: `/{parent}/{parentId}/{childPath}`. */
  parent?: { entity: string; childPath: string; field: string };
  /** `GET /{Entity}/{id}` exists. */
  getById: boolean;
  /** Fields that PUT/PATCH may change when not all writable fields are (ContractServices, DOC). */
  updatableFields?: string[];
}

export interface SeedApi {
  username: string;
  secret: string;
  integrationCode: string;
  zoneName?: string;
  ci?: number;
}

export interface AutotaskSeed {
  api?: Partial<SeedApi>;
  /** entity → field → values. */
  picklists: Record<string, Record<string, PickListValue[]>>;
  /** entity → UDF definitions. */
  udfs?: Record<string, UdfDef[]>;
  /** entity → rows (camelCase). */
  entities: Record<string, Row[]>;
}
