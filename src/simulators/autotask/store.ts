// The simulated tenant database: one table per entity, the picklists and UDF definitions, loaded
// from a seed. Rows are stored complete — every field of the entity present, null when unset —
// because the live API answers every field (reference §2.4 examples, APIGRATE README).
import { Table } from '../shared/table.ts';
import { entityByName, entityDefs } from './entities.ts';
import type { AutotaskSeed, EntityDef, PickListValue, Row, UdfDef } from './model.ts';

export class AutotaskStore {
  readonly tables = new Map<string, Table<Row>>();
  readonly picklists: Record<string, Record<string, PickListValue[]>>;
  readonly udfs: Record<string, UdfDef[]>;

  constructor(seed: AutotaskSeed) {
    this.picklists = structuredClone(seed.picklists ?? {});
    this.udfs = structuredClone(seed.udfs ?? {});
    for (const def of entityDefs) {
      const rows = (seed.entities?.[def.name] ?? []).map((r) => this.complete(def, r));
      this.tables.set(def.name, new Table<Row>(rows));
    }
  }

  table(entity: string): Table<Row> {
    const t = this.tables.get(entity);
    if (!t) throw new Error(`no table ${entity}`);
    return t;
  }

  /** The active UDF definitions of an entity (inactive ones are invisible to the API). */
  udfDefs(entity: string): UdfDef[] {
    return (this.udfs[entity] ?? []).filter((u) => u.isActive !== false);
  }

  /** Picklist values of a field (case-insensitive field name). */
  picklist(entity: string, field: string): PickListValue[] {
    const lists = this.picklists[entity] ?? {};
    const key = Object.keys(lists).find((k) => k.toLowerCase() === field.toLowerCase());
    return key ? (lists[key] ?? []) : [];
  }

  /** Fill every field of the entity (null when unset) and every UDF (value null when unset). */
  complete(def: EntityDef, row: Partial<Row>): Row {
    const out: Record<string, unknown> = {};
    for (const f of def.fields) out[f.name] = row[f.name] ?? null;
    const udfDefs = this.udfDefs(def.name);
    out.userDefinedFields = udfDefs.map((u) => ({
      name: u.name,
      value: row.userDefinedFields?.find((v) => v.name.toLowerCase() === u.name.toLowerCase())?.value ?? null,
    }));
    return out as Row;
  }

  /** Every row of an entity by a case-insensitive name, or undefined when the entity is unknown. */
  rowsOf(entity: string): Row[] | undefined {
    const def = entityByName(entity);
    return def ? this.table(def.name).all() : undefined;
  }
}
