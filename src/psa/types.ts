// What the hub knows of a PSA, in one vocabulary for all three. Ids are strings everywhere (Halo
// sends decimals, Autotask large integers); each connector converts at its edge.

export const psaKinds = ['connectwise', 'autotask', 'halopsa'] as const;
export type PsaKind = (typeof psaKinds)[number];

export interface PsaIdentity {
  /** The PSA product version or API version the server reports. */
  version: string | null;
  /** The API user the credentials belong to (member, resource, agent). */
  user: string;
  /** The PSA tenant / company the user works in, when the PSA says. */
  tenant: string | null;
}

/** One permission the hub needs, checked against the PSA. */
export interface PermissionCheck {
  /** The hub's name for it, e.g. `tickets.create`. */
  permission: string;
  /** What it is for, in words. */
  label: string;
  /** False only when the PSA refused the permission. */
  ok: boolean;
  /**
   * False when the PSA's answer neither proved the permission granted nor refused it (HaloPSA:
   * a write probed without writing); `ok` is then true and `fix` says what to check by hand.
   */
  verified: boolean;
  /** How to grant it in this PSA, when missing (or what to check, when not verified). */
  fix: string | null;
}

export interface PsaCompany {
  id: string;
  name: string;
  active: boolean;
  /** In the PSA's recycle bin or marked deleted. */
  deleted: boolean;
  /** A prospect / lead rather than a customer. */
  prospect: boolean;
  /** Web or e-mail domains the PSA holds for it (lower case, without scheme or path). */
  domains: string[];
}

export interface PsaContact {
  id: string;
  companyId: string;
  name: string;
  email: string | null;
}

export interface PsaPage<T> {
  items: T[];
  /** Opaque; pass back to get the next page. Null on the last page. */
  next: string | null;
}

export interface CompanyQuery {
  /** Case-insensitive "contains" on the name, filtered by the PSA. */
  name?: string;
  /** Also return inactive, deleted and prospect companies. */
  includeInactive?: boolean;
  pageSize?: number;
  next?: string | null;
}

/** One entry of a pick list (a board, a status, a priority, a queue, an SLA…). */
export interface PickItem {
  id: string;
  name: string;
  /** The entry it belongs to: a status's board, a priority's SLA, a sub-issue type's issue type. */
  parentId: string | null;
  inactive: boolean;
  /** For statuses: whether the status closes the ticket. */
  closed: boolean | null;
  isDefault: boolean;
}

/** The pick lists of a PSA, by list name (e.g. `boards`, `statuses`, `priorities`). */
export type PickLists = Record<string, PickItem[]>;

export interface PsaProduct {
  id: string;
  name: string;
  /** The PSA's own code / identifier when it has one. */
  code: string | null;
  inactive: boolean;
}

/**
 * Something on a company's billing records whose quantity the hub may set: a ConnectWise agreement
 * addition, an Autotask contract service, a Halo recurring-invoice line or software licence.
 */
export interface BillingTarget {
  /** Opaque to the hub; the connector can find the record again from it. */
  id: string;
  kind: 'agreement_addition' | 'contract_service' | 'recurring_invoice_line' | 'software_licence';
  /** e.g. "Managed Services agreement → M365 Backup". */
  label: string;
  productId: string | null;
  quantity: number;
  /** The agreement / contract / invoice it sits on. */
  parent: { id: string; name: string } | null;
}

/** A record of a company a new billing target can be added to (the hub may create one there). */
export interface BillingParent {
  id: string;
  /** ConnectWise agreement, Autotask recurring-service contract, Halo recurring invoice. */
  kind: 'agreement' | 'contract' | 'recurring_invoice';
  name: string;
}

/** A billing target to create: `productId` (a plan link's product) on `parentId` with `quantity`. */
export interface NewBillingTarget {
  companyId: string;
  /** One of the company's `billingParents`. */
  parentId: string;
  /** As `listProducts` gives it (Autotask: `service:N`, or the bare service id). */
  productId: string;
  quantity: number;
}

/** Where and how a new ticket lands: the fields of the connection's ticket settings. */
export interface TicketPlacement {
  statusId: string;
  priorityId: string;
  /** PSA-specific fields: boardId, typeId… / queueId, ticketTypeId… / teamId, slaId… */
  fields: Record<string, string>;
}

export interface NewTicket {
  companyId: string;
  contactId?: string | null;
  title: string;
  description: string;
  /** The hub's own reference, stamped on the ticket so it can be found again after a lost reply. */
  externalRef: string;
  placement: TicketPlacement;
}

export interface PsaTicket {
  id: string;
  /** A number a technician quotes, when the PSA has one besides the id. */
  number: string | null;
  companyId: string;
  title: string;
  statusId: string;
  /** Whether its status is a closed one (resolved, completed, cancelled). */
  closed: boolean;
  externalRef: string | null;
}

/** Where a status change left a ticket. */
export interface TicketStatus {
  statusId: string;
  closed: boolean;
}

export interface NoteInput {
  text: string;
  /** Internal (technicians only) rather than visible to the customer. */
  internal: boolean;
}

export interface QuantityChange {
  previous: number;
  current: number;
}

/** A billing target as the PSA holds it now: what the billing reconciler compares against. */
export interface BillingTargetState {
  id: string;
  quantity: number;
  unitPrice: number | null;
  unitCost: number | null;
  description: string | null;
}

/**
 * What to write on a billing target. `quantity` is absolute (Autotask posts the difference);
 * price, cost and description are written only when given, and left as they are when absent.
 */
export interface BillingLineWrite {
  quantity: number;
  unitPrice?: number;
  unitCost?: number;
  description?: string;
}

/** A custom field on companies the hub may write backup statistics into. */
export interface CompanyField {
  id: string;
  name: string;
  /** What the field holds, so a statistic goes into a field that can carry it. */
  type: 'text' | 'number' | 'date';
}
