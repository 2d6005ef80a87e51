// Company custom field definitions (`/system/userDefinedFields`, entities/custom-fields.ts): the two
// fields some seeded companies hold values for (Backup Tenant, Managed), three a backup vendor's
// statistics go into, a list field, and one hidden from the screen (the inactive one).
import { day, info, type Row } from './gen-util.ts';

const COMPANY_POD = 1;

function field(
  id: number,
  caption: string,
  fieldTypeIdentifier: string,
  extra: Record<string, unknown> = {},
): Row {
  return {
    id,
    podId: COMPANY_POD,
    caption,
    sequenceNumber: id,
    screenId: 'fv_company',
    helpText: '',
    fieldTypeIdentifier,
    numberDecimals: 0,
    entryTypeIdentifier: fieldTypeIdentifier === 'Date' ? 'Date' : 'EntryField',
    requiredFlag: false,
    displayOnScreenFlag: true,
    readOnlyFlag: false,
    listViewFlag: false,
    businessUnitIds: [],
    locationIds: [],
    dateCreated: day(2023, 3, 1),
    _info: info(day(2023, 3, 1)),
    ...extra,
  };
}

export function buildCustomFields(): Row[] {
  return [
    field(7, 'Backup Tenant', 'Text'),
    field(8, 'Managed', 'Checkbox'),
    field(9, 'Backup: protected items', 'Number'),
    field(10, 'Backup: storage GB', 'Number', { numberDecimals: 2 }),
    field(11, 'Backup: last success', 'Date'),
    field(12, 'Support tier', 'Text', { entryTypeIdentifier: 'List' }),
    field(13, 'Backup: legacy agent', 'Text', { displayOnScreenFlag: false }),
  ];
}
