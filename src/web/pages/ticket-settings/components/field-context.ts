// What every field of the ticket settings form needs besides its own description: the values being
// edited, the effective view, the pick lists, errors, and whether the user may change anything.
import type { EffectiveField, TicketField } from '../../../client/types.ts';
import type { Draft, Level, Lists, ValueForm } from '../settings-values.ts';

export interface FieldContext {
  fields: Map<string, TicketField>;
  values: Draft;
  set: (name: string, value: unknown) => void;
  effective: Map<string, EffectiveField>;
  /** Null where there are no pick lists to choose from (partner defaults without a connection). */
  lists: Lists | null;
  form: ValueForm;
  here: Level;
  errors: Record<string, string>;
  canEdit: boolean;
}
