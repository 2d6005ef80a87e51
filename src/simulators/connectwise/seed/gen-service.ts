// Seed part: service boards with statuses/types/subtypes/items, priorities, SLAs, tickets with notes.
import { day, dept, info, int, loc, pick, ref, type Row } from './gen-util.ts';

export function buildService(clients: Row[], contacts: Row[]) {
  const boards: Row[] = [
    ['Service Desk', false, false],
    ['Monitoring Alerts', false, false],
    ['Backup Alerts', false, false],
    ['Projects', true, false],
    ['Old Helpdesk', false, true],
  ].map(
    ([name, project, inactive], i) =>
      ({
        id: i + 1,
        name,
        location: loc,
        department: dept,
        projectFlag: project,
        inactiveFlag: inactive,
        billTime: 'Billable',
        billExpense: 'Billable',
        billProduct: 'Billable',
        _info: info(day(2019, 1, 1)),
      }) as Row,
  );
  const boardStatuses: Row[] = [];
  const boardTypes: Row[] = [];
  const boardSubTypes: Row[] = [];
  const boardItems: Row[] = [];
  const STATUSES: [string, boolean, boolean, string][] = [
    ['New', false, true, 'NotResponded'],
    ['In Progress', false, false, 'Responded'],
    ['Waiting on Customer', false, false, 'Responded'],
    ['Scheduled', false, false, 'ResolutionPlan'],
    ['Re-Opened', false, false, 'Responded'],
    ['Resolved', true, false, 'Resolved'],
    ['Closed', true, false, 'Resolved'],
    ['>Closed - Duplicate', true, false, 'Resolved'],
  ];
  for (const b of boards) {
    const board = ref(b, 'name');
    STATUSES.forEach(([name, closed, def, esc], i) =>
      boardStatuses.push({
        id: boardStatuses.length + 101,
        name,
        board,
        sortOrder: i,
        displayOnBoard: true,
        inactive: false,
        closedStatus: closed,
        timeEntryNotAllowed: closed,
        defaultFlag: def,
        escalationStatus: esc,
        customerPortalFlag: true,
        _info: info(day(2019, 1, 1)),
      }),
    );
    boardStatuses.push({
      id: boardStatuses.length + 101,
      name: 'Old - Do Not Use',
      board,
      sortOrder: 99,
      inactive: true,
      closedStatus: false,
      defaultFlag: false,
      escalationStatus: 'NoEscalation',
      _info: info(day(2019, 1, 1)),
    });
    for (const name of ['Incident', 'Service Request', 'Problem', 'Alert'])
      boardTypes.push({
        id: boardTypes.length + 201,
        name,
        board,
        category: name === 'Service Request' ? 'Proactive' : 'Reactive',
        defaultFlag: name === 'Incident',
        inactiveFlag: false,
        requestForChangeFlag: false,
        _info: info(day(2019, 1, 1)),
      });
    const typeIds = boardTypes.filter((t) => (t.board as Row).id === b.id).map((t) => t.id);
    for (const name of ['Backup', 'Network', 'Server', 'Workstation', 'Email', 'Cloud Desktop'])
      boardSubTypes.push({
        id: boardSubTypes.length + 301,
        name,
        board,
        inactiveFlag: false,
        typeAssociationIds: typeIds,
        _info: info(day(2019, 1, 1)),
      });
    for (const name of ['Failure', 'Warning', 'Configuration', 'How-To'])
      boardItems.push({
        id: boardItems.length + 401,
        name,
        board,
        inactiveFlag: false,
        _info: info(day(2019, 1, 1)),
      });
  }
  const priorities: Row[] = [
    ['Priority 1 - Emergency Response', 'Red', 'Critical', false],
    ['Priority 2 - Quick Response', 'Orange', 'High', false],
    ['Priority 3 - Normal Response', 'Blue', 'Medium', true],
    ['Priority 4 - Schedule Maintenance', 'Green', 'Low', false],
    ['Do Not Respond', 'Gray', 'Low', false],
  ].map(
    ([name, color, level, def], i) =>
      ({
        id: i + 1,
        name,
        color,
        level,
        defaultFlag: def,
        sortOrder: i + 1,
        _info: info(day(2019, 1, 1)),
      }) as Row,
  );
  const pRef = (i: number) => ref(priorities[i]!, 'name');
  const slas: Row[] = [
    {
      id: 1,
      name: 'Standard SLA',
      basedOn: 'MyCalendar',
      defaultFlag: true,
      respondHours: 4,
      planWithin: 8,
      resolutionHours: 24,
    },
    {
      id: 2,
      name: 'Premium 24x7',
      basedOn: 'AllHours',
      defaultFlag: false,
      respondHours: 1,
      planWithin: 2,
      resolutionHours: 8,
    },
  ].map((s) => ({
    ...s,
    applicationOrder: s.id,
    hiImpactHiUrgency: pRef(0),
    hiImpactMedUrgency: pRef(1),
    hiImpactLowUrgency: pRef(1),
    medImpactHiUrgency: pRef(1),
    medImpactMedUrgency: pRef(2),
    medImpactLowUrgency: pRef(2),
    lowImpactHiUrgency: pRef(2),
    lowImpactMedUrgency: pRef(3),
    lowImpactLowUrgency: pRef(3),
    respondPercent: 100,
    planWithinPercent: 100,
    resolutionPercent: 100,
    _info: info(day(2019, 1, 1)),
  }));

  // --- tickets and notes --------------------------------------------------------------------------
  const tickets: Row[] = [];
  const notes: Row[] = [];
  const SUMMARIES = [
    'Backup failed: Exchange Online',
    'Backup job did not run',
    'Cloud desktop unreachable',
    'Disk space low on FS01',
    'New starter laptop',
    'Printer offline',
    'M365 licence request',
    'VPN drops every hour',
    'Backup failed: SharePoint (3 sites)',
  ];
  for (let i = 0; i < 80; i++) {
    const c = pick(clients);
    const b = boards[int(0, 2)]!;
    const statuses = boardStatuses.filter((s) => (s.board as Row).id === b.id && s.inactive !== true);
    const st = pick(statuses);
    const contact = contacts.find((k) => (k.company as Row).id === c.id);
    const at = day(2026, int(1, 10), int(1, 28));
    const t: Row = {
      id: 5000 + i,
      summary: pick(SUMMARIES),
      recordType: 'ServiceTicket',
      board: ref(b, 'name'),
      status: { id: st.id, name: st.name, sort: st.sortOrder },
      company: ref(c, 'identifier', 'name'),
      site: c.site,
      ...(contact ? { contact: { id: contact.id, name: `${contact.firstName} ${contact.lastName}` } } : {}),
      type: ref(
        boardTypes.find((x) => (x.board as Row).id === b.id)!,
        'name',
      ),
      priority: pRef(int(0, 3)),
      sla: ref(slas[0]!, 'name'),
      severity: 'Medium',
      impact: 'Medium',
      closedFlag: st.closedStatus,
      customerUpdatedFlag: false,
      approved: true,
      externalXRef: i % 4 === 0 ? `psahub:alert:${1000 + i}` : undefined,
      customFields: [],
      _info: info(at),
    };
    if (st.closedStatus) Object.assign(t, { closedDate: at, closedBy: 'jsmith', dateResolved: at });
    tickets.push(t);
    for (let n = 0; n < int(1, 3); n++)
      notes.push({
        id: 90000 + notes.length,
        ticketId: t.id,
        text: n === 0 ? `${t.summary}\n\nReported by monitoring.` : 'Still failing after retry.',
        detailDescriptionFlag: n === 0,
        internalAnalysisFlag: n > 0,
        resolutionFlag: false,
        issueFlag: false,
        member: { id: 3, identifier: 'jsmith', name: 'Jo Smith' },
        dateCreated: at,
        createdBy: 'jsmith',
        internalFlag: n > 0,
        externalFlag: n === 0,
        _info: { lastUpdated: at, updatedBy: 'jsmith' },
      });
  }
  return { boards, boardStatuses, boardTypes, boardSubTypes, boardItems, priorities, slas, tickets, notes };
}
