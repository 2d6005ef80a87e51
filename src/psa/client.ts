// The one interface the hub uses to talk to any PSA. Each connector (connectwise/, autotask/,
// halopsa/) implements it against the real API; nothing above src/psa knows which PSA it talks to.
import type { HttpOptions } from './http.ts';
import type {
  BillingParent,
  BillingLineWrite,
  BillingTarget,
  BillingTargetState,
  CompanyField,
  CompanyQuery,
  NewBillingTarget,
  NewTicket,
  NoteInput,
  PermissionCheck,
  PickLists,
  PsaCompany,
  PsaContact,
  PsaIdentity,
  PsaKind,
  PsaPage,
  PsaProduct,
  PsaTicket,
  TicketStatus,
  QuantityChange,
} from './types.ts';

export interface PsaClient {
  readonly kind: PsaKind;

  /** Authenticate and read who and what we are talking to; throws PsaError('auth') on bad credentials. */
  identify(): Promise<PsaIdentity>;
  /** Every permission the hub uses, each ok or missing with how to fix it in this PSA. */
  checkPermissions(): Promise<PermissionCheck[]>;

  /** Companies filtered by the PSA (server side), a page at a time. */
  searchCompanies(query: CompanyQuery): Promise<PsaPage<PsaCompany>>;
  getCompany(id: string): Promise<PsaCompany | undefined>;
  listContacts(companyId: string): Promise<PsaContact[]>;

  /** The lists ticket settings choose from (boards, statuses, priorities, queues, SLAs…). */
  pickLists(): Promise<PickLists>;
  /** Products / services / items a plan can map to. */
  listProducts(query: { name?: string; next?: string | null }): Promise<PsaPage<PsaProduct>>;
  /** The records of a company whose quantities the hub may set. */
  billingTargets(companyId: string): Promise<BillingTarget[]>;
  /** The records of a company a new billing target can be added to (agreements, contracts, invoices). */
  billingParents(companyId: string): Promise<BillingParent[]>;
  /**
   * Add a product to one of the company's billing parents with a quantity, and answer the new
   * target as `billingTargets` lists it. Never twice: when the parent already holds the product,
   * that target is answered as it is (its quantity unchanged — setting it is `setBillingQuantity`'s
   * job), and a lost reply is repaired by looking again before posting again. A parent that is not
   * the company's, or not one new lines can go on, is refused (`validation` / `not_found`).
   */
  createBillingTarget(input: NewBillingTarget): Promise<BillingTarget>;

  /** Create a ticket stamped with `externalRef`. */
  createTicket(ticket: NewTicket): Promise<PsaTicket>;
  getTicket(id: string): Promise<PsaTicket | undefined>;
  /** The ticket stamped with this reference, if any: how a retry finds what a lost reply created. */
  findTicketByExternalRef(externalRef: string): Promise<PsaTicket | undefined>;
  addNote(ticketId: string, note: NoteInput): Promise<{ id: string }>;
  /**
   * Move a ticket to a status (resolve, close, cancel, reopen are all status changes), with a note
   * saying why when one is given — in as few writes as the PSA allows, the status first, so a retry
   * after a failed note does not change anything twice.
   */
  setTicketStatus(ticketId: string, statusId: string, note?: NoteInput): Promise<TicketStatus>;

  /** Set the quantity of a billing target (Autotask: by posting the difference as an adjustment). */
  setBillingQuantity(targetId: string, quantity: number): Promise<QuantityChange>;

  /**
   * The current state of these billing targets (ids as `billingTargets` lists them), in as few
   * reads as the PSA allows across many companies (ConnectWise additions by `conditions`, Autotask
   * ContractServiceUnits by contract ids in one query, Halo recurring invoice lines). A target that
   * is gone (deleted, cancelled, ended) is absent from the answer, never an error.
   */
  readBillingTargets(targetIds: string[]): Promise<Map<string, BillingTargetState>>;
  /**
   * Write a billing line: its quantity, and price / cost / description when given. Safe to repeat:
   * a retry after a lost reply reads the line again and writes only what still differs (Autotask's
   * adjustment is a delta, so this is what stops it landing twice).
   */
  writeBillingLine(targetId: string, line: BillingLineWrite): Promise<BillingTargetState>;

  /**
   * The company custom fields backup statistics can go into (ConnectWise company custom fields,
   * Autotask company user-defined fields, Halo client custom fields), active ones only.
   */
  companyFields(): Promise<CompanyField[]>;
  /**
   * Write these custom field values (field id → value; null clears) on a company, in one write,
   * only those that differ from what the company holds; answers how many fields were written.
   */
  writeCompanyFields(companyId: string, values: Record<string, string | number | null>): Promise<number>;
}

/** Remembered between calls and processes (the hub keeps it per connection). */
export interface ConnectorCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
}

export interface ConnectorContext {
  /** The site URL the partner entered, already checked (src/psa/outbound-url.ts). */
  siteUrl: string;
  /** The credential fields of the PSA's descriptor, decrypted. */
  credentials: Record<string, string>;
  http?: Omit<HttpOptions, 'headers' | 'secrets' | 'toError'>;
  /** Zone URLs, tokens, pick lists; the hub keeps it per connection (encrypted where secret). */
  cache?: ConnectorCache;
  /** Autotask: the share (0–1, default 0.5) of the tenant's hourly request budget the hub may use. */
  budgetShare?: number;
}

export type ConnectorFactory = (ctx: ConnectorContext) => PsaClient;

/** A cache in this process only, for tools and tests. */
export function memoryCache(now = () => Date.now()): ConnectorCache {
  const entries = new Map<string, { value: string; until: number }>();
  return {
    async get(key) {
      const e = entries.get(key);
      return e && e.until > now() ? e.value : undefined;
    },
    async set(key, value, ttlMs) {
      entries.set(key, { value, until: now() + ttlMs });
    },
  };
}
