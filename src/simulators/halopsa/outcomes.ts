// Action outcomes — `GET /Outcome` (reference §4.20; SPEC-2024 `TOutcome`). A bare array
// [inferred]. Tenant-specific ids; `outcome_id`/`outcome` on an action refer to these (§4.5, §4.6).
import { lookupDef } from './lookup.ts';

export const outcomeDef = lookupDef({
  path: 'Outcome',
  schema: 'TOutcome',
  table: 'outcomes',
  nameField: 'outcome',
  nameLabel: 'Outcome',
  list: { defaultOrder: 'sequence', searchFields: ['outcome'] },
  defaults: { buttonname: '', colour: '#6f6f6f', sequence: 50, hidden: false },
});
