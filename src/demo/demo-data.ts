// What the demo vendor pushes: one reseller, two plans, and five customers per PSA whose names are
// companies in that simulator's default seed, each unambiguous there, so auto-match links them as
// an exact, safe match (the demo checks that through the hub, and stops if a seed drifts).
import type { SimKind } from '../simulators/index.ts';

export const demoPartner = {
  externalId: 'reseller-northwind-it',
  name: 'Northwind IT Services',
  kind: 'direct_reseller',
} as const;

export const demoOwner = { email: 'owner@northwind-it.example', name: 'Nora Owner' } as const;

export type Workspace = 'microsoft' | 'google';

export const demoPlans = [
  { externalId: 'm365-backup', name: 'Microsoft 365 Backup', unit: 'seat', workspace: 'microsoft' },
  { externalId: 'gws-backup', name: 'Google Workspace Backup', unit: 'seat', workspace: 'google' },
] as const satisfies readonly { externalId: string; name: string; unit: string; workspace: Workspace }[];

export interface DemoOrganization {
  externalId: string;
  name: string;
  psa: SimKind;
  workspace: Workspace;
  /** The customer's mail domain: where the mailboxes named in events live. */
  domain: string;
}

const customers: Record<SimKind, [name: string, workspace: Workspace][]> = {
  connectwise: [
    ['Woodgrove Bank', 'microsoft'],
    ['Fourth Coffee', 'google'],
    ['Relecloud', 'microsoft'],
    ['Trey Research Inc.', 'microsoft'],
    ['Graphic Design Institute', 'google'],
  ],
  autotask: [
    ['Oakwood Motors Inc', 'microsoft'],
    ['Crescent Legal LLC', 'microsoft'],
    ['Maple Insurance LLC', 'google'],
    ['Granite Realty GmbH', 'microsoft'],
    ['Harbor Legal Partners', 'google'],
  ],
  halopsa: [
    ['Driftwood Marketing GmbH', 'google'],
    ['Thornbury Dental LLP', 'microsoft'],
    ['Vantage Dental LLC', 'microsoft'],
    ['Foxglove Dental Ltd.', 'microsoft'],
    ['Kingfisher Architects Limited', 'google'],
  ],
};

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/\b(inc|llc|llp|ltd|limited|gmbh)\b\.?/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export const demoOrganizations: DemoOrganization[] = Object.entries(customers).flatMap(([psa, list]) =>
  list.map(([name, workspace]) => ({
    externalId: `org-${slug(name)}`,
    name,
    psa: psa as SimKind,
    workspace,
    domain: `${slug(name).replace(/-/g, '')}.example`,
  })),
);

export const planOf = (workspace: Workspace) => demoPlans.find((p) => p.workspace === workspace)!;
