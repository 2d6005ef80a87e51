// The logic of the ticket settings form without a browser (a component test beside its module): a dependent field offers only the items
// under the chosen parent (by id, or by name in partner defaults), statuses of the wrong kind are
// offered but disabled, a save sends only what is set here, and sources read as a person says them.
import { describe, expect, it } from 'vitest';
import type { EffectiveField, PickItem, TicketField } from '../../client/types.ts';
import { fieldsToSave, optionsFor, parentId, sourceText } from './settings-values.ts';

const pick = (name: string, pickList: string, dependsOn: string | null, closed: boolean | null = null) =>
  ({
    name,
    label: name,
    type: 'pick',
    group: 'placement',
    help: '',
    pickList,
    dependsOn,
    required: false,
    closed,
    min: null,
    max: null,
    choices: [],
    hubDefault: null,
  }) as TicketField;
const item = (id: string, name: string, parentId: string | null, more: Partial<PickItem> = {}): PickItem => ({
  id,
  name,
  parentId,
  inactive: false,
  closed: null,
  isDefault: false,
  ...more,
});

const board = pick('boardId', 'boards', null);
const status = pick('status.new', 'statuses', 'boardId', false);
const fields = new Map([board, status].map((f) => [f.name, f]));
const lists = {
  boards: [item('1', 'Service Desk', null), item('3', 'Backup Alerts', null)],
  statuses: [
    item('119', 'New', '3', { closed: false }),
    item('124', 'Resolved', '3', { closed: true }),
    item('10', 'New', '1', { closed: false }),
  ],
};
const none = new Map<string, EffectiveField>();

describe('ticket settings form logic', () => {
  it('offers the statuses of the chosen board, a closed one disabled for an opening status', () => {
    const parent = parentId(status, { boardId: '3' }, none, fields, lists, 'ids');
    expect(parent).toBe('3');
    expect(optionsFor(status, lists, parent, 'ids')).toEqual([
      { value: '119', label: 'New' },
      { value: '124', label: 'Resolved (closes the ticket)', disabled: true },
    ]);
  });

  it('finds the parent by name in partner defaults, and falls back to the effective value', () => {
    expect(parentId(status, { boardId: 'backup alerts' }, none, fields, lists, 'names')).toBe('3');
    const effective = new Map([
      ['boardId', { field: 'boardId', value: '1', source: { level: 'connection' } } as EffectiveField],
    ]);
    expect(parentId(status, {}, effective, fields, lists, 'ids')).toBe('1');
    expect(optionsFor(status, lists, '1', 'names')).toEqual([{ value: 'New', label: 'New' }]);
  });

  it('sends only the fields set here, without conditions fields not chosen yet', () => {
    expect(
      fieldsToSave({
        boardId: '3',
        typeId: undefined,
        repeatNoteMinutes: '',
        conditions: { 'backup.failed': { 'priority.high': '2', boardId: '' } },
      }),
    ).toEqual({ boardId: '3', conditions: { 'backup.failed': { 'priority.high': '2' } } });
    expect(fieldsToSave({ conditions: {} })).toEqual({});
  });

  it('names each source relative to the page', () => {
    expect(sourceText({ level: 'connection' }, 'connection')).toBe('set here');
    expect(sourceText({ level: 'connection' }, 'organization')).toBe('inherited from the connection');
    expect(sourceText({ level: 'partner', partnerName: 'Northwind' }, 'connection')).toBe(
      'inherited from partner Northwind',
    );
    expect(sourceText({ level: 'psa_default' }, 'connection')).toBe('the PSA’s default');
  });
});
