// entityInformation, /fields with picklists, /userDefinedFields (reference §3), and the
// `permissions` control reflected in userAccessFor* and in the real permission error (§1.4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../src/simulators/shared/types.ts';
import { AtClient, startAutotask } from './client.ts';

interface Field {
  name: string;
  dataType: string;
  length: number;
  isRequired: boolean;
  isReadOnly: boolean;
  isQueryable: boolean;
  isReference: boolean;
  referenceEntityType: string;
  isPickList: boolean;
  picklistValues:
    | {
        value: string;
        label: string;
        isActive: boolean;
        parentValue: string;
        isDefaultValue: boolean;
        sortOrder: number;
        isSystem: boolean;
      }[]
    | null;
  picklistParentValueField: string;
}

let sim: RunningSimulator;
let at: AtClient;
let ticketFields: Field[];
beforeAll(async () => {
  sim = await startAutotask({ port: 0 });
  at = await new AtClient(sim).discover();
  ticketFields = (await at.get<{ fields: Field[] }>('/Tickets/entityInformation/fields')).body.fields;
});
afterAll(async () => sim.stop());

const field = (name: string) => ticketFields.find((f) => f.name === name)!;

describe('entityInformation', () => {
  it('describes what an entity allows', async () => {
    const res = await at.get('/Tickets/entityInformation');
    expect(res.body).toEqual({
      info: {
        name: 'Ticket',
        canCreate: true,
        canDelete: false,
        canQuery: true,
        canUpdate: true,
        userAccessForCreate: 1,
        userAccessForDelete: 0,
        userAccessForQuery: 1,
        userAccessForUpdate: 1,
        hasUserDefinedFields: true,
        supportsWebhookCallouts: true,
      },
    });
  });

  it.each([
    ['ContractServiceUnits', { canCreate: false, canUpdate: false, canQuery: true }],
    ['ContractServiceAdjustments', { canCreate: true, canUpdate: false, canQuery: false }],
    ['Resources', { canCreate: false, canUpdate: true, canQuery: true }],
    ['Contacts', { canCreate: true, canDelete: true }],
  ])('%s', async (entity, expected) => {
    const res = await at.get<{ info: Record<string, unknown> }>(`/${entity}/entityInformation`);
    expect(res.body.info).toMatchObject(expected);
  });

  it('answers under the child URL too', async () => {
    const res = await at.get<{ info: { name: string } }>('/Tickets/7800/Notes/entityInformation');
    expect(res.body.info.name).toBe('TicketNote');
    const fields = await at.get<{ fields: Field[] }>('/Tickets/7800/Notes/entityInformation/fields');
    expect(fields.body.fields.find((f) => f.name === 'noteType')?.isPickList).toBe(true);
  });
});

describe('entityInformation/fields', () => {
  it('marks the live required fields of Tickets', () => {
    expect(
      ticketFields
        .filter((f) => f.isRequired && !f.isReadOnly)
        .map((f) => f.name)
        .sort(),
    ).toEqual(['companyID', 'priority', 'status', 'title']);
    expect(field('id')).toMatchObject({ dataType: 'long', isRequired: true, isReadOnly: true });
    expect(field('title')).toMatchObject({ dataType: 'string', length: 255 });
    expect(field('description').length).toBe(8000);
    expect(field('creatorType').isQueryable).toBe(false);
    expect(field('companyID')).toMatchObject({
      isReference: true,
      referenceEntityType: 'Company',
      picklistValues: null,
    });
  });

  it.each([
    'status',
    'priority',
    'queueID',
    'ticketType',
    'source',
    'issueType',
    'subIssueType',
    'ticketCategory',
    'serviceLevelAgreementID',
  ])('has a picklist for Tickets.%s', (name) => {
    const f = field(name);
    expect(f.isPickList).toBe(true);
    expect(f.picklistValues!.length).toBeGreaterThan(1);
    for (const v of f.picklistValues!) {
      expect(typeof v.value).toBe('string');
      expect(Object.keys(v).sort()).toEqual([
        'isActive',
        'isDefaultValue',
        'isSystem',
        'label',
        'parentValue',
        'sortOrder',
        'value',
      ]);
    }
  });

  it('has the system values seen live and some inactive ones', () => {
    const status = field('status').picklistValues!;
    expect(status.find((v) => v.value === '1')?.label).toBe('New');
    expect(status.find((v) => v.value === '5')?.label).toBe('Complete');
    expect(status.some((v) => !v.isActive)).toBe(true);
    expect(field('queueID').picklistValues!.map((v) => v.value)).toContain('29682969');
  });

  it('ties sub-issue types to their issue type', () => {
    const sub = field('subIssueType');
    expect(sub.picklistParentValueField).toBe('issueType');
    expect(sub.picklistValues!.every((v) => v.parentValue !== '')).toBe(true);
  });

  it('has picklists for note types and company types', async () => {
    const notes = (await at.get<{ fields: Field[] }>('/TicketNotes/entityInformation/fields')).body.fields;
    expect(notes.find((f) => f.name === 'publish')?.picklistValues?.length).toBeGreaterThan(1);
    const comp = (await at.get<{ fields: Field[] }>('/Companies/entityInformation/fields')).body.fields;
    expect(comp.find((f) => f.name === 'companyType')?.picklistValues?.map((v) => v.label)).toContain(
      'Prospect',
    );
  });
});

describe('entityInformation/userDefinedFields', () => {
  it('lists UDFs with type (not dataType)', async () => {
    const res = await at.get<{ fields: Record<string, unknown>[] }>(
      '/Companies/entityInformation/userDefinedFields',
    );
    const ranking = res.body.fields.find((f) => f.name === 'CustomerRanking')!;
    expect(ranking).toMatchObject({ label: 'Customer Ranking', type: 'string', isPickList: true });
    expect(ranking).not.toHaveProperty('dataType');
    const none = await at.get<{ fields: unknown[] }>('/Contacts/entityInformation/userDefinedFields');
    expect(none.body.fields).toEqual([]);
  });
});

describe('permissions control', () => {
  it('removes a verb: the call fails with the real 500 text and userAccessFor* drops to 0', async () => {
    expect((await at.control('permissions', { remove: ['Tickets:create', 'Companies'] })).status).toBe(200);
    const create = await at.post('/Tickets', { companyID: 174, title: 't', status: 1, priority: 2 });
    expect(create.status).toBe(500);
    expect(create.body).toEqual({
      errors: ['The logged in Resource does not have the adequate permissions to create this entity type.'],
    });
    const query = await at.query('Companies', [{ op: 'exist', field: 'id' }]);
    expect(query.body).toEqual({
      errors: ['The logged in Resource does not have the adequate permissions to query this entity type.'],
    });
    expect((await at.get('/Companies/0')).status).toBe(500);
    const info = await at.get<{ info: Record<string, number> }>('/Tickets/entityInformation');
    expect(info.body.info.userAccessForCreate).toBe(0);
    expect(info.body.info.userAccessForQuery).toBe(1);
    expect((await at.query('Tickets', [{ op: 'exist', field: 'id' }], { MaxRecords: 1 })).status).toBe(200);
    await at.control('permissions', { restore: true });
    expect((await at.get('/Companies/0')).status).toBe(200);
  });

  it('rejects unknown entities and verbs in the control body', async () => {
    expect((await at.control('permissions', { remove: ['Nope'] })).status).toBe(400);
    expect((await at.control('permissions', { remove: ['Tickets:explode'] })).status).toBe(400);
  });
});
