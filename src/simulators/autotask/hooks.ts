// Entity-specific write rules plugged into the generic create/update path (writes.ts).
import type { Row } from './model.ts';
import type { AutotaskStore } from './store.ts';

export interface WriteContext {
  store: AutotaskStore;
  now(): Date;
  /** The resource a write is made as: the `ImpersonationResourceId` header's, else the API user's. */
  apiResourceId: number;
  /** The API user's own resource id when impersonating (the `impersonator*` fields), else undefined. */
  impersonatorId?: number;
}

export interface EntityHooks {
  /** Fill server-set fields of a new row before validation. */
  beforeCreate?(ctx: WriteContext, row: Row): void;
  /** Fill server-set fields on update (before is the stored row). */
  beforeUpdate?(ctx: WriteContext, row: Row, before: Row): void;
  /** Extra business rules; messages are returned together with the generic ones. */
  validate?(ctx: WriteContext, row: Row, before: Row | undefined): string[];
  /** Side effects once the row is stored. */
  afterCreate?(ctx: WriteContext, row: Row): void;
  afterUpdate?(ctx: WriteContext, row: Row, before: Row): void;
}
