// The ticket settings resolver, without I/O: each level in turn, fields that depend on another,
// partner defaults given as names, condition overrides, defaults, and the checks a save must pass.
import { describe, expect, it } from 'vitest';
import { checkShape, type PickEntry, type TicketShape } from '../../src/core/ticket-fields.ts';
import {
  resolveTicketSettings,
  saveRefusals,
  toResolved,
  type EffectiveField,
  type SettingsSources,
} from '../../src/core/ticket-settings.ts';
import { connectwiseDescriptor } from '../../src/psa/connectwise/descriptor.ts';
import { halopsaDescriptor } from '../../src/psa/halopsa/descriptor.ts';

const cw: TicketShape = connectwiseDescriptor;
const halo: TicketShape = halopsaDescriptor;

const pick = (id: string, name: string, extra: Partial<PickEntry> = {}): PickEntry => ({
  id,
  name,
  parentId: null,
  inactive: false,
  closed: null,
  isDefault: false,
  ...extra,
});

// Two boards with the same status names (different ids), as ConnectWise has them.
const cwLists = {
  boards: [pick('1', 'Help Desk'), pick('2', 'Alerts'), pick('3', 'Old Board', { inactive: true })],
  statuses: [
    pick('11', 'New', { parentId: '1', closed: false, isDefault: true }),
    pick('12', 'Closed', { parentId: '1', closed: true }),
    pick('21', 'New', { parentId: '2', closed: false }),
    pick('22', 'Closed', { parentId: '2', closed: true }),
    pick('23', 'Waiting (old)', { parentId: '2', closed: false, inactive: true }),
  ],
  types: [pick('101', 'Backup', { parentId: '1' }), pick('201', 'Backup', { parentId: '2' })],
  subtypes: [],
  items: [],
  priorities: [pick('1', 'Priority 1 - Critical'), pick('3', 'Priority 3 - Normal', { isDefault: true })],
};

const haloLists = {
  ticketTypes: [pick('1', 'Incident'), pick('2', 'Alert')],
  slas: [pick('1', 'Standard'), pick('2', 'Premium')],
  priorities: [
    pick('1', 'P1', { parentId: '1' }),
    pick('2', 'P2', { parentId: '1', isDefault: true }),
    pick('1', 'P1 - Premium', { parentId: '2' }),
    pick('5', 'P5', { parentId: '2' }),
  ],
  statuses: [pick('1', 'New', { closed: false }), pick('9', 'Closed', { closed: true })],
  teams: [],
  categories: [],
  impacts: [],
  urgencies: [],
};

const field = (view: EffectiveField[], name: string) => view.find((f) => f.field === name)!;
const sources = (s: Partial<SettingsSources>): SettingsSources => ({ connection: {}, partners: [], ...s });
const dist = (values: Record<string, unknown>) => ({
  partnerId: 'p-dist',
  partnerName: 'Distributor',
  values,
});
const res = (values: Record<string, unknown>) => ({ partnerId: 'p-res', partnerName: 'Reseller', values });

describe('ticket settings resolver', () => {
  it('falls back to the PSA default item and the hub defaults', () => {
    const view = resolveTicketSettings(cw, cwLists, sources({}));
    expect(field(view, 'boardId')).toMatchObject({ value: null, source: { level: 'hub_default' } });
    expect(field(view, 'boardId').problem).toContain('Service board is required');
    expect(field(view, 'priority.high')).toMatchObject({ value: '3', source: { level: 'psa_default' } });
    expect(field(view, 'notesInternal')).toMatchObject({ value: true, source: { level: 'hub_default' } });
    expect(field(view, 'reopenWindowMinutes').value).toBe(1440);
    expect(field(view, 'repeatNoteMinutes').value).toBe(60);
    expect(field(view, 'technicianClosed').value).toBe('new_ticket');
    expect(field(view, 'conditions').value).toEqual({});
    // The board's default status is open: no default for a resolved status.
    expect(field(view, 'status.resolved').value).toBeNull();
  });

  it('takes the PSA default of a dependent field only under the effective parent', () => {
    const onHelpDesk = resolveTicketSettings(cw, cwLists, sources({ connection: { boardId: '1' } }));
    expect(field(onHelpDesk, 'status.new')).toMatchObject({ value: '11', source: { level: 'psa_default' } });
    const onAlerts = resolveTicketSettings(cw, cwLists, sources({ connection: { boardId: '2' } }));
    expect(field(onAlerts, 'status.new').value).toBeNull();
  });

  it('applies organization, then connection, then partners nearest first', () => {
    const s = sources({
      organization: { autoResolve: false },
      connection: { autoResolve: true, repeatNoteMinutes: 30 },
      partners: [res({ reopenWindowMinutes: 60 }), dist({ reopenWindowMinutes: 10, repeatNoteMinutes: 5 })],
    });
    const view = resolveTicketSettings(cw, cwLists, s);
    expect(field(view, 'autoResolve')).toMatchObject({ value: false, source: { level: 'organization' } });
    expect(field(view, 'repeatNoteMinutes')).toMatchObject({ value: 30, source: { level: 'connection' } });
    expect(field(view, 'reopenWindowMinutes')).toMatchObject({
      value: 60,
      source: { level: 'partner', partnerId: 'p-res', partnerName: 'Reseller' },
    });
  });

  it('resolves partner names case-insensitively, under the effective parent', () => {
    const s = sources({
      partners: [dist({ boardId: 'alerts', 'status.new': ' NEW ', 'status.resolved': 'Closed' })],
    });
    const view = resolveTicketSettings(cw, cwLists, s);
    expect(field(view, 'boardId')).toMatchObject({ value: '2', display: 'Alerts', problem: null });
    expect(field(view, 'status.new')).toMatchObject({ value: '21', source: { partnerName: 'Distributor' } });
    expect(field(view, 'status.resolved').value).toBe('22');
    // A connection choosing another board takes the same status name on its board.
    const own = resolveTicketSettings(cw, cwLists, { ...s, connection: { boardId: '1' } });
    expect(field(own, 'status.new')).toMatchObject({ value: '11', source: { level: 'partner' } });
  });

  it('skips a partner name the connection lacks, with a problem, and the next source applies', () => {
    const s = sources({ partners: [res({ boardId: 'Service Desk' }), dist({ boardId: 'Help Desk' })] });
    const board = field(resolveTicketSettings(cw, cwLists, s), 'boardId');
    expect(board).toMatchObject({ value: '1', source: { level: 'partner', partnerName: 'Distributor' } });
    expect(board.problem).toBe("Service board 'Service Desk' set by Reseller is not on this connection");
  });

  it('never takes an inactive item or a status on the wrong side of closed', () => {
    const s = sources({
      connection: { boardId: '2', 'status.new': '22', 'status.resolved': '21' },
      partners: [dist({ boardId: 'Old Board' })],
    });
    const view = resolveTicketSettings(cw, cwLists, s);
    expect(field(view, 'status.new').problem).toContain("status 'Closed' is a closed status");
    expect(field(view, 'status.resolved').problem).toContain('not a closed status');
    const inactive = resolveTicketSettings(
      cw,
      cwLists,
      sources({ partners: [dist({ boardId: 'Old Board' })] }),
    );
    expect(field(inactive, 'boardId').problem).toContain("Service board 'Old Board' is inactive");
  });

  it('checks Halo priorities against the effective SLA, where ids repeat per SLA', () => {
    const view = resolveTicketSettings(
      halo,
      haloLists,
      sources({
        connection: { ticketTypeId: '1', slaId: '2', 'priority.high': '1', 'priority.medium': '2' },
        partners: [dist({ 'priority.low': 'p5', 'priority.critical': 'P1' })],
      }),
    );
    expect(field(view, 'priority.high')).toMatchObject({
      value: '1',
      display: 'P1 - Premium',
      problem: null,
    });
    expect(field(view, 'priority.medium').problem).toContain("priority 'P2' is not under SLA 'Premium'");
    expect(field(view, 'priority.low')).toMatchObject({ value: '5', source: { level: 'partner' } });
    expect(field(view, 'priority.critical').problem).toContain("priority 'P1' is not under SLA 'Premium'");
  });

  it('applies a condition override as a whole field, validated against the overridden parent', () => {
    const s = sources({
      connection: {
        boardId: '1',
        'status.new': '11',
        conditions: { 'backup.email': { boardId: '2', 'status.new': '21' }, 'disk.full': { typeId: '101' } },
      },
      partners: [dist({ conditions: { ignored: { boardId: 'Alerts' } } })],
    });
    const plain = resolveTicketSettings(cw, cwLists, s);
    expect(field(plain, 'boardId').value).toBe('1');
    expect(field(plain, 'conditions').source.level).toBe('connection');
    const email = resolveTicketSettings(cw, cwLists, s, { condition: 'backup.email' });
    expect(field(email, 'boardId')).toMatchObject({
      value: '2',
      source: { level: 'connection', condition: 'backup.email' },
    });
    expect(field(email, 'status.new').value).toBe('21');
    const unknown = resolveTicketSettings(cw, cwLists, s, { condition: 'other' });
    expect(field(unknown, 'boardId').value).toBe('1');
  });

  it('turns the view into the reconciler’s settings', () => {
    const view = resolveTicketSettings(cw, cwLists, sources({ connection: { boardId: '1', typeId: '101' } }));
    expect(toResolved(cw, view)).toMatchObject({
      placement: { boardId: '1', typeId: '101' },
      status: { new: '11', resolved: null, cancelled: null },
      priority: { critical: '3', default: '3' },
      notesInternal: true,
      technicianClosed: 'new_ticket',
      // A ticket opened here could never be resolved: the missing status is a problem, not silence.
      problems: [
        {
          field: 'status.resolved',
          problem: 'Status when resolved is required: set it on the connection or as a partner default',
        },
      ],
    });
  });
});

describe('checks before a save', () => {
  it('refuses unknown fields, wrong types and out-of-range values, naming the field', () => {
    const problems = checkShape(
      cw,
      {
        queueId: '1',
        boardId: 5,
        reopenWindowMinutes: 50000,
        repeatNoteMinutes: 0,
        technicianClosed: 'ignore',
        autoResolve: 'yes',
        conditions: { 'backup.email': { notesInternal: false } },
      },
      'ids',
    );
    expect(problems.map((p) => p.path)).toEqual([
      'queueId',
      'boardId',
      'reopenWindowMinutes',
      'repeatNoteMinutes',
      'technicianClosed',
      'autoResolve',
      'conditions/backup.email/notesInternal',
    ]);
    expect(
      checkShape(
        cw,
        { conditions: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`c${i}`, {}])) },
        'ids',
      ),
    ).toHaveLength(1);
  });

  it('refuses the saved level’s unusable values and those its change made unusable', () => {
    const saved = (level: string) => (s: { level: string }) => s.level === level;
    // The org moves tickets to another board; the connection's status stays on the old board.
    const s = sources({ organization: { boardId: '2' }, connection: { boardId: '1', 'status.new': '11' } });
    expect(saveRefusals(cw, cwLists, s, saved('organization'), [])).toEqual([
      {
        path: 'status.new',
        message: "status 'New' is not under Service board 'Alerts' (set on the connection)",
      },
    ]);
    const inactive = sources({ connection: { boardId: '2', 'status.new': '23' } });
    expect(saveRefusals(cw, cwLists, inactive, saved('connection'), [])[0]!.message).toContain('is inactive');
    const cond = sources({ connection: { boardId: '1', conditions: { x: { 'status.new': '21' } } } });
    expect(saveRefusals(cw, cwLists, cond, saved('connection'), ['x'])).toEqual([
      {
        path: 'conditions/x/status.new',
        message:
          "status 'New' is not under Service board 'Help Desk' (set on the connection for condition x)",
      },
    ]);
    // An inherited partner name that does not resolve is a problem to show, not a refusal.
    const partner = sources({ connection: { boardId: '1' }, partners: [dist({ typeId: 'Nope' })] });
    expect(saveRefusals(cw, cwLists, partner, saved('connection'), [])).toEqual([]);
  });
});
