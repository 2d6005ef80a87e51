// What describes one ConnectWise entity to the generic handlers: its path, table, spec schema,
// references, parent, security function and the hooks for its own rules.
import type { ValidationError } from './errors.ts';
import type { RefKindName } from './references.ts';
import type { Rec, Store, TableName } from './store.ts';

export interface Ctx {
  store: Store;
  /** `https://host/{codebase}/apis/3.0/` (hrefs append `/x`, giving the real doubled slash). */
  base: string;
  now: string;
  /** The API member the keys belong to. */
  member: Rec;
}

export interface RefField {
  kind: RefKindName;
  /** The field holds an array of references (e.g. Company.types). */
  array?: boolean;
  /** Limit valid targets, e.g. a ticket's status must be on the ticket's board. */
  scope?: (row: Record<string, unknown>, ctx: Ctx) => ((target: Rec) => boolean) | undefined;
  /** Message when the target is not valid in scope (defaults to "not found"). */
  scopeMessage?: (row: Record<string, unknown>) => string;
}

export interface ParentDef {
  table: TableName;
  label: string;
  /** Row field that holds the parent: a reference object (`board`) or a number (`ticketId`). */
  field: string;
  kind?: RefKindName;
}

export interface EntityDef {
  table: TableName;
  /** Path under `apis/3.0`, with `{parentId}` for child entities. */
  path: string;
  schema: string;
  /** Lower-case name used in error bodies ("ticket object is invalid"). */
  resource: string;
  /** Name used in 404 messages ("Ticket Id 5 not found"). */
  label: string;
  /** `Module.Function` whose security levels govern the entity (see security.ts); '' = none. */
  security: string;
  /** Setup tables answer inquiries whatever the role says [S1 "Security"]. */
  setupTable?: boolean;
  refs?: Record<string, RefField>;
  parent?: ParentDef;
  readOnly?: boolean;
  noDelete?: boolean;
  /** `POST …/search` with a FilterValues body [S1, S6]. */
  search?: boolean;
  /** Server-computed fields: ignored on write, kept from the stored row. */
  computed?: string[];
  /** Fields that must be unique (case-insensitive) within the parent → ObjectExists [S7]. */
  unique?: string[];
  /** Fields the API derives when it shows a row (e.g. a company's custom fields from their definitions). */
  view?: (out: Rec, ctx: Ctx) => void;
  /** Extra `_info` links of the entity itself. */
  hrefs?: (row: Rec, base: string) => Record<string, string>;
  /** Rows left out of lists unless the conditions name them (e.g. deleted companies). */
  hiddenUnless?: { field: string; test: (row: Rec) => boolean };
  /** "Required On Updates" fields [S6 comments]: required on PUT and PATCH only. */
  requiredOnUpdate?: string[];
  /** Defaults applied before references are resolved (e.g. the ticket's board). */
  defaults?: (row: Rec, ctx: Ctx, existing: Rec | undefined) => void;
  /** Defaults, computed fields and cross-field rules after references resolve; may mutate `row`. */
  prepare?: (row: Rec, ctx: Ctx, existing: Rec | undefined, parent: Rec | undefined) => ValidationError[];
  afterCreate?: (row: Rec, ctx: Ctx, body: Record<string, unknown>) => void;
  /** Answer why a row cannot be deleted, or undefined. */
  inUse?: (row: Rec, ctx: Ctx) => string | undefined;
  /** Custom delete (e.g. companies go to the recycle bin). */
  remove?: (row: Rec, ctx: Ctx) => void;
  /** Rows computed per request instead of a table (read-only views such as mySecurity). */
  rows?: (ctx: Ctx) => Rec[];
}
