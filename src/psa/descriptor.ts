// Each PSA described as data: what a partner types to connect and what ticket settings it has. The
// portal renders its forms from this, so no PSA knowledge lives in the web code.
import type { PsaKind } from './types.ts';

export interface CredentialField {
  name: string;
  label: string;
  /** Secret fields are stored encrypted and never shown again. */
  secret: boolean;
  help: string;
}

export interface PlacementField {
  /** Key in TicketPlacement.fields. */
  name: string;
  label: string;
  /** The pick list its value comes from. */
  pickList: string;
  /** A field whose value the choice must belong to (a status's board, a priority's SLA). */
  dependsOn: string | null;
  required: boolean;
}

export interface PsaDescriptor {
  kind: PsaKind;
  label: string;
  siteUrl: { label: string; help: string; example: string; default: string | null };
  credentials: CredentialField[];
  /** PSA-specific ticket settings, besides status and priority which every PSA has. */
  placement: PlacementField[];
  /** The pick list statuses come from, and the field they depend on (ConnectWise: the board). */
  statuses: { pickList: string; dependsOn: string | null };
  priorities: { pickList: string; dependsOn: string | null };
  /** When the product picker lists only part of the PSA's catalog: which part and why, in words. */
  catalogNote?: string;
}
