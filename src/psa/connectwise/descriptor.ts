// What a partner types to connect ConnectWise PSA, and the ticket settings it has (reference §1.3,
// §6): a ticket sits on a service board, and its status, type, subtype and item come from that board.
import type { PsaDescriptor } from '../descriptor.ts';

export const connectwiseDescriptor: PsaDescriptor = {
  kind: 'connectwise',
  label: 'ConnectWise PSA',
  siteUrl: {
    label: 'ConnectWise site',
    help: 'The address you log in to ConnectWise PSA at, e.g. https://na.myconnectwise.net (cloud: na, eu, au, za) or your own server. The hub calls the API host (api-na…) itself.',
    example: 'https://na.myconnectwise.net',
    default: 'https://na.myconnectwise.net',
  },
  credentials: [
    {
      name: 'companyId',
      label: 'Company ID',
      secret: false,
      help: 'The company id you type on the ConnectWise login page.',
    },
    {
      name: 'publicKey',
      label: 'Public key',
      secret: false,
      help: 'System → Members → API Members → (the hub’s API member, with a security role the hub’s permissions allow) → API Keys → + → Save; copy the public key.',
    },
    {
      name: 'privateKey',
      label: 'Private key',
      secret: true,
      help: 'Shown once, next to the public key, when the API key is saved: copy it then, it cannot be viewed again.',
    },
    {
      name: 'clientId',
      label: 'Client ID',
      secret: false,
      help: 'The integration’s clientId (a GUID) from developer.connectwise.com → ClientID; ConnectWise requires it on every call.',
    },
  ],
  placement: [
    { name: 'boardId', label: 'Service board', pickList: 'boards', dependsOn: null, required: true },
    { name: 'typeId', label: 'Type', pickList: 'types', dependsOn: 'boardId', required: false },
    { name: 'subtypeId', label: 'Subtype', pickList: 'subtypes', dependsOn: 'boardId', required: false },
    { name: 'itemId', label: 'Item', pickList: 'items', dependsOn: 'boardId', required: false },
  ],
  statuses: { pickList: 'statuses', dependsOn: 'boardId' },
  priorities: { pickList: 'priorities', dependsOn: null },
};
