// The contract between the generic simulator server and one simulated PSA. A PSA module turns a
// request value into a response value; the server owns sockets, TLS, faults and the `/_sim/` routes.

export type SimKind = 'connectwise' | 'autotask' | 'halopsa';

export interface SimRequest {
  method: string;
  /** The path as sent, without the query string. */
  path: string;
  query: URLSearchParams;
  /** Header names are lower-case, as Node gives them. */
  headers: Record<string, string | string[] | undefined>;
  /** Raw body text ('' when none). */
  rawBody: string;
  /** The body parsed as JSON, or undefined when it is absent or not JSON. */
  body: unknown;
  /** The origin the client reached, e.g. `https://127.0.0.1:4431`; used to build links. */
  origin: string;
}

export interface SimResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send `body` as is (a string) rather than JSON. */
  raw?: boolean;
}

/** What a simulated PSA provides to the server. */
export interface SimPsa {
  readonly kind: SimKind;
  /** Exactly the fields a partner types in to connect (fixed per simulator instance). */
  readonly credentials: Record<string, string>;
  /** Answer one API request. Throwing yields a 500 with the PSA's generic error shape. */
  handle(req: SimRequest): Promise<SimResponse> | SimResponse;
  /** Restore the seed (the given one, or the one the simulator started with). */
  reset(seed?: unknown): void;
  /** Every record of an entity, or one by id; undefined when the entity or record is unknown. */
  records(entity: string, id?: string): unknown;
  /**
   * PSA-specific control actions under `/_sim/{action}` (rate limits, expiring tokens or
   * credentials, removing permissions, ...). Return undefined for an unknown action.
   */
  control(action: string, body: unknown): SimResponse | undefined;
}

export interface SimStartOptions {
  port?: number;
  host?: string;
  tls?: boolean;
  /** A seed object replacing the default seed. */
  seed?: unknown;
}

export interface RunningSimulator {
  kind: SimKind;
  /** What a partner would type as the site URL (for Autotask: the zone-discovery base). */
  url: string;
  credentials: Record<string, string>;
  /** The simulated PSA, for tests that want to reach into its state directly. */
  psa: SimPsa;
  stop(): Promise<void>;
}
