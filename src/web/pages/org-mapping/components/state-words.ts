// How the mapping page names an organization's state on a connection and a link's health.
import type { OrgLink, OrgMappingState, Suggestion } from '../../../client/types.ts';

export const stateLabels: Record<OrgMappingState, { label: string; color: string }> = {
  linked: { label: 'Linked', color: 'green' },
  broken: { label: 'Link broken', color: 'red' },
  elsewhere: { label: 'Linked on another connection', color: 'gray' },
  skipped: { label: 'Skipped', color: 'gray' },
  unlinked: { label: 'Not linked', color: 'orange' },
};

/** The views of the list, in the order a partner works through them. */
export const views = [
  { value: 'unlinked', label: 'Not linked, with suggestions' },
  { value: 'broken', label: 'Broken links' },
  { value: 'linked', label: 'Linked here' },
  { value: 'elsewhere', label: 'Linked on another connection' },
  { value: 'skipped', label: 'Skipped' },
  { value: 'all', label: 'All organizations' },
] as const;

export type View = (typeof views)[number]['value'];

export const healthLabels: Record<OrgLink['health'], string> = {
  ok: 'Healthy',
  renamed: 'Renamed in the PSA',
  missing: 'Gone from the PSA',
  invalid: 'Billing record gone',
};

export const methodLabels: Record<OrgLink['method'], string> = {
  manual: 'linked by hand',
  suggestion: 'confirmed suggestion',
  auto_exact: 'linked as an exact match',
};

export const percent = (s: Suggestion) => `${Math.round(s.score * 100)}%`;
