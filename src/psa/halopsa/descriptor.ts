// What a partner types to connect HaloPSA, and the ticket settings Halo has (reference §1, §4).
import type { PsaDescriptor } from '../descriptor.ts';

export const halopsaDescriptor: PsaDescriptor = {
  kind: 'halopsa',
  label: 'HaloPSA',
  siteUrl: {
    label: 'Halo URL',
    help: 'Halo → Configuration → Integrations → HaloPSA API → API Details: the Resource Server URL without /api (https://acme.halopsa.com/api → https://acme.halopsa.com), which is the address you open Halo at.',
    example: 'https://acme.halopsa.com',
    default: null,
  },
  credentials: [
    {
      name: 'clientId',
      label: 'Client ID',
      secret: false,
      help: 'Halo → Configuration → Integrations → HaloPSA API → View Applications → New: Authentication Method "Client ID and Secret (Services)", Login Type "Agent". Copy the Client ID (a GUID).',
    },
    {
      name: 'clientSecret',
      label: 'Client secret',
      secret: true,
      help: 'Shown once when the API application is saved. Give the application the permissions the hub checks, and an "Agent to log in as" (ideally an API-only agent).',
    },
    {
      name: 'tenant',
      label: 'Tenant',
      secret: false,
      help: 'Halo → Configuration → Integrations → HaloPSA API → API Details. Hosted Halo needs it; leave empty for self-hosted.',
    },
  ],
  placement: [
    { name: 'ticketTypeId', label: 'Ticket type', pickList: 'ticketTypes', dependsOn: null, required: true },
    { name: 'slaId', label: 'SLA', pickList: 'slas', dependsOn: null, required: false },
    { name: 'teamId', label: 'Team', pickList: 'teams', dependsOn: null, required: false },
    { name: 'categoryId', label: 'Category', pickList: 'categories', dependsOn: null, required: false },
    { name: 'impactId', label: 'Impact', pickList: 'impacts', dependsOn: null, required: false },
    { name: 'urgencyId', label: 'Urgency', pickList: 'urgencies', dependsOn: null, required: false },
  ],
  statuses: { pickList: 'statuses', dependsOn: null },
  // Halo priorities belong to an SLA ("policies", reference §4.9): a ticket's priority_id is the
  // SLA's priorityid.
  priorities: { pickList: 'priorities', dependsOn: 'slaId' },
};
