// What a partner types to connect Autotask, and the ticket settings Autotask has (reference §1, §3,
// §4.3). Statuses, priorities, queues, types, sources and issue types are all Tickets picklists.
import type { PsaDescriptor } from '../descriptor.ts';

export const autotaskDescriptor: PsaDescriptor = {
  kind: 'autotask',
  label: 'Autotask PSA',
  siteUrl: {
    label: 'Zone discovery URL',
    help: 'Leave the default: the hub asks Autotask which zone (webservicesN) your API user lives in. Change it only if Autotask support told you to.',
    example: 'https://webservices.autotask.net',
    default: 'https://webservices.autotask.net',
  },
  credentials: [
    {
      name: 'username',
      label: 'API username',
      secret: false,
      help: 'Autotask → Admin → Admin Settings & Users → Resources/Users (HR) → Resources/Users → + New → New API User: its Username (name@your-autotask-domain), with security level "API User (system)" or a copy of it.',
    },
    {
      name: 'secret',
      label: 'API secret',
      secret: true,
      help: 'The API user’s Password (Secret), typed or made with Generate Secret on the same page.',
    },
    {
      name: 'integrationCode',
      label: 'Integration code',
      secret: true,
      help: 'API Tracking Identifier of the API user: choose "Custom (Internal Integration)" and copy the generated code.',
    },
  ],
  placement: [
    { name: 'queueId', label: 'Queue', pickList: 'queues', dependsOn: null, required: false },
    { name: 'ticketTypeId', label: 'Ticket type', pickList: 'ticketTypes', dependsOn: null, required: false },
    { name: 'sourceId', label: 'Source', pickList: 'sources', dependsOn: null, required: false },
    { name: 'issueTypeId', label: 'Issue type', pickList: 'issueTypes', dependsOn: null, required: false },
    {
      name: 'subIssueTypeId',
      label: 'Sub-issue type',
      pickList: 'subIssueTypes',
      dependsOn: 'issueTypeId',
      required: false,
    },
  ],
  statuses: { pickList: 'statuses', dependsOn: null },
  priorities: { pickList: 'priorities', dependsOn: null },
  catalogNote:
    'Only Autotask Services are listed: the hub bills on Recurring Service contracts, and Autotask adds only Services to those (not Products).',
};
