// Custom field definitions (`/api/FieldInfo`, ../field-info.ts): the client fields a backup vendor's
// statistics go into, a plain text one, a selection, a read-only (calculated) one — the simulator's
// inactive field — and a ticket field, so `typeid` has something to leave out.
import type { Row } from '../seed-types.ts';

const CLIENT = 2;
const TICKET = 1;

function field(id: number, name: string, label: string, usage: number, extra: Record<string, unknown>): Row {
  return {
    id,
    name,
    label,
    type: 0,
    inputtype: 0,
    custom: 1,
    usage,
    readonly: false,
    calcfield: false,
    characterlimit: 0,
    mandatory: false,
    searchable: false,
    tab_id: 1,
    tab_name: 'Custom Fields',
    seq: id,
    ...extra,
  };
}

export const fieldinfo: Row[] = [
  field(201, 'CFBackupProtectedItems', 'Backup: protected items', CLIENT, { inputtype: 1 }),
  field(202, 'CFBackupStorageGB', 'Backup: storage GB', CLIENT, { inputtype: 4 }),
  field(203, 'CFBackupLastSuccess', 'Backup: last success', CLIENT, { type: 4 }),
  field(204, 'CFBackupTenant', 'Backup tenant', CLIENT, { characterlimit: 100 }),
  field(205, 'CFSupportTier', 'Support tier', CLIENT, { type: 2, values: [{ id: 1, name: 'Gold' }] }),
  field(206, 'CFBackupLegacyAgent', 'Backup: legacy agent', CLIENT, { readonly: true, calcfield: true }),
  field(215, 'CFDattoAlertType', 'Datto alert type', TICKET, {}),
];
