// The simulator's state: one in-memory table per entity, loaded from a seed of the same shape as
// `seed/default.json`, plus the API member's keys and the switches the control actions flip.
import { Table } from '../shared/table.ts';

export interface Rec {
  id: number;
  [key: string]: unknown;
}

export interface CompanyInfo {
  CompanyName: string;
  Codebase: string;
  VersionCode: string;
  VersionNumber: string;
  CompanyID: string;
  IsCloud: string;
}

export interface ApiKeys {
  companyId: string;
  publicKey: string;
  privateKey: string;
  clientId: string;
  /** The member the keys belong to (`/system/members/{id}`). */
  memberId: number;
}

export interface CwSeed {
  companyInfo: CompanyInfo;
  apiKeys: ApiKeys;
  info: Record<string, unknown>;
  /** Table name → rows. */
  tables: Record<string, Rec[]>;
}

export const TABLES = [
  'companies',
  'companyStatuses',
  'companyTypes',
  'sites',
  'contacts',
  'boards',
  'boardStatuses',
  'boardTypes',
  'boardSubTypes',
  'boardItems',
  'priorities',
  'slas',
  'tickets',
  'notes',
  'productTypes',
  'productSubcategories',
  'catalogItems',
  'agreementTypes',
  'agreements',
  'additions',
  'configurationTypes',
  'configurationStatuses',
  'configurations',
  'members',
  'locations',
  'departments',
  'securityRoles',
  'securityRoleSettings',
  'userDefinedFields',
] as const;

export type TableName = (typeof TABLES)[number];

/** A table that counts its writes, so derived views (hydrated lists) know when to refresh. */
class CountingTable extends Table<Rec> {
  // Not a #private field: the base constructor calls put() before this class's fields exist.
  onWrite?: () => void;
  constructor(rows: readonly Rec[], onWrite: () => void) {
    super(rows);
    this.onWrite = onWrite;
  }
  override insert(row: Omit<Rec, 'id'>): Rec {
    this.onWrite?.();
    return super.insert(row);
  }
  override put(row: Rec): Rec {
    this.onWrite?.();
    return super.put(row);
  }
  override delete(id: number): boolean {
    this.onWrite?.();
    return super.delete(id);
  }
}

export class Store {
  readonly tables = new Map<string, Table<Rec>>();
  seed: CwSeed;
  /** Bumped on every write to any table. */
  version = 0;
  /** Views derived from the tables, valid while `version` is unchanged. */
  readonly views = new Map<string, { version: number; rows: Rec[] }>();

  constructor(seed: CwSeed) {
    this.seed = seed;
    this.load(seed);
  }

  load(seed: CwSeed): void {
    if (!seed || typeof seed !== 'object' || !seed.tables || !seed.companyInfo || !seed.apiKeys)
      throw new Error('a ConnectWise seed needs companyInfo, apiKeys and tables');
    this.seed = structuredClone(seed);
    this.tables.clear();
    const bump = (): void => {
      this.version += 1;
    };
    for (const name of TABLES) this.tables.set(name, new CountingTable(seed.tables[name] ?? [], bump));
    bump();
  }

  table(name: string): Table<Rec> {
    const t = this.tables.get(name);
    if (!t) throw new Error(`no table ${name}`);
    return t;
  }
}
