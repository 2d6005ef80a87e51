// Entity-specific write rules plugged into the generic create/update path (writes.ts).
import type { Row } from './model.ts';
import type { AutotaskStore } from './store.ts';

export interface WriteContext {
  store: AutotaskStore;
  now(): Date;
  /** The API user's resource id (creatorResourceID of what it creates). */
  apiResourceId: number;
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
