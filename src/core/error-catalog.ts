// The error catalog: an alert's error code → an error class, and condition × error class → the text a
// technician reads (title, what it means, what to do). The default data is in error-catalog-data.ts;
// the vendor may extend or replace it over the Source API, so entries are plain data, checked by
// validateCatalogInput before they are stored. Pure: no I/O, and describe() never throws.
import { defaultCatalogEntries } from './error-catalog-data.ts';
import { isPlainObject } from './ticket-fields.ts';

export const errorClasses = [
  'cannot_connect',
  'authentication',
  'throttled',
  'token',
  'service_disabled',
  'unknown',
] as const;
/**
 * - `cannot_connect`: the service could not be reached or answered "not now" (Graph 404/429/5xx,
 *   connection reset, timeout).
 * - `authentication`: the service refused the request's identity or permissions (400/401/403).
 * - `throttled`: a per-day quota is used up (Google `dailyLimitExceeded` and kin).
 * - `token`: an OAuth token (main app, device, delegated) is invalid, expired, revoked or lacks consent.
 * - `service_disabled`: the owning account is inactive or the service is off in the admin console.
 * - `unknown`: no code, or one we cannot read.
 */
export type ErrorClass = (typeof errorClasses)[number];

/** The text of one catalog entry. `{what}`, `{What}` and `{condition}` are filled in by describe(). */
export interface CatalogText {
  title: string;
  explanation: string;
  action: string;
  /** Said in the resolution note when the condition clears (e.g. "the token was obtained again"). */
  resolved?: string;
}

export interface CatalogEntry extends CatalogText {
  /** A condition (`backup.email`), a family (`backup.*`: any condition starting `backup.`) or `*`. */
  condition: string;
  /** An error class, or `*` for any class. */
  errorClass: ErrorClass | '*';
}

export interface Catalog {
  /** Keyed by `condition|errorClass`; see entryKey. */
  readonly entries: Readonly<Record<string, CatalogEntry>>;
  /** Vendor error codes (normalized, see normalizeCode) or families (`vendor.*`) → class; checked first. */
  readonly codes: Readonly<Record<string, ErrorClass>>;
}

/** What the vendor sends to extend (or, with `replace`, replace) the catalog. */
export interface CatalogInput {
  entries?: CatalogEntry[];
  codes?: Record<string, ErrorClass>;
  replace?: boolean;
}

export interface Description {
  errorClass: ErrorClass;
  title: string;
  explanation: string;
  action: string;
  resolved: string;
  /** Which lookup found the text: useful in the event log and in tests. */
  matchedBy: 'exact' | 'family' | 'condition' | 'family_any' | 'class' | 'any' | 'built_in';
}

export interface Problem {
  path: string;
  message: string;
}

export const MAX_TITLE = 100;
export const MAX_TEXT = 2000;
export const MAX_ENTRIES = 500;
export const MAX_CODES = 500;

export function entryKey(condition: string, errorClass: ErrorClass | '*'): string {
  return `${condition}|${errorClass}`;
}

export function buildCatalog(
  entries: readonly CatalogEntry[],
  codes: Readonly<Record<string, ErrorClass>> = {},
): Catalog {
  // fromEntries defines own properties, so even a `__proto__` key stays data.
  const byKey = Object.fromEntries(entries.map((e) => [entryKey(e.condition, e.errorClass), e]));
  const normalized = Object.fromEntries(
    Object.entries(codes).map(([code, cls]) => [normalizeCode(code), cls] as const),
  );
  return Object.freeze({ entries: Object.freeze(byKey), codes: Object.freeze(normalized) });
}

export const defaultCatalog: Catalog = buildCatalog(defaultCatalogEntries);
export const emptyCatalog: Catalog = buildCatalog([]);

/** The base catalog with the vendor's entries and codes added; an entry with the same key replaces. */
export function mergeCatalog(base: Catalog, vendor: CatalogInput): Catalog {
  const start = vendor.replace ? emptyCatalog : base;
  return buildCatalog([...Object.values(start.entries), ...(vendor.entries ?? [])], {
    ...start.codes,
    ...vendor.codes,
  });
}

/** The entries of a catalog as a list (for the API's GET). */
export function catalogEntries(catalog: Catalog): CatalogEntry[] {
  return Object.values(catalog.entries);
}

/** A record's own value: `constructor` or `__proto__` as a key must find nothing. */
function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

// ── Classification ─────────────────────────────────────────────────────────────────────────────

const familyAliases: Record<string, 'graph' | 'google' | 'token'> = {
  graph: 'graph',
  msgraph: 'graph',
  microsoft: 'graph',
  m365: 'graph',
  o365: 'graph',
  google: 'google',
  gws: 'google',
  gsuite: 'google',
  gmail: 'google',
  token: 'token',
  oauth: 'token',
};

// Microsoft Graph: the seed's 404/429/503/reset/timeout are "cannot connect"; the other 5xx and
// Graph's own error names for the same situations join them.
const connectCodes = new Set([
  '404', '408', '429', '500', '502', '503', '504', 'reset', 'connreset', 'econnreset', 'connectionreset',
  'timeout', 'timedout', 'etimedout', 'econnrefused', 'enotfound', 'eai_again', 'notfound', 'itemnotfound',
  'throttledrequest', 'toomanyrequests', 'activitylimitreached', 'serviceunavailable',
  'servicenotavailable', 'gatewaytimeout', 'backenderror', 'internalerror', 'internalservererror',
]); // prettier-ignore

// The seed's 400/401/403, and Graph's and Google's names for them.
const authCodes = new Set([
  '400', '401', '403', 'badrequest', 'invalidrequest', 'unauthenticated', 'unauthorized',
  'invalidauthenticationtoken', 'accessdenied', 'forbidden', 'autherror', 'insufficientpermissions',
  'authorization_requestdenied', 'erroraccessdenied',
]); // prettier-ignore

// Google reasons for a used-up quota (the seed's "per-day throttling"); Google's 429 is one too.
const throttleCodes = new Set([
  'dailylimitexceeded', 'dailylimitexceededunreg', 'quotaexceeded', 'ratelimitexceeded',
  'userratelimitexceeded', 'resource_exhausted', 'resourceexhausted', '429',
]); // prettier-ignore

const tokenCodes = new Set([
  'invalid_grant', 'invalid_token', 'expired_token', 'token_expired', 'token_revoked', 'consent_required',
  'interaction_required', 'invalid_client', 'unauthorized_client', 'access_denied',
]); // prettier-ignore

// Google Workspace: the owning account is inactive or the service is off for it.
const serviceOffCodes = new Set([
  'servicedisabled', 'service_disabled', 'servicenotenabled', 'accessnotconfigured', 'domainpolicy',
  'userinactive', 'usersuspended', 'userdisabled',
]); // prettier-ignore

/** Lower-cased, trimmed, with `graph:429` / `graph/429` / `graph 429` written `graph.429`. */
export function normalizeCode(code: string): string {
  return code
    .trim()
    .toLowerCase()
    .replace(/^([a-z0-9_-]+)\s*[:/ ]\s*/, '$1.');
}

/**
 * The class of a vendor error code such as `graph.429`, `google.dailyLimitExceeded` or `token.expired`.
 * The part before the first dot names the API (graph, google, token/oauth; aliases allowed); codes
 * without a known family are read with the Microsoft Graph rules. `extra` (a catalog's `codes`) is
 * checked first: exact code, then `family.*`. Never throws.
 */
export function classifyErrorCode(
  code: string | undefined | null,
  extra: Readonly<Record<string, ErrorClass>> = {},
): ErrorClass {
  if (typeof code !== 'string' || code.trim() === '') return 'unknown';
  const c = normalizeCode(code);
  const dot = c.indexOf('.');
  const head = dot < 0 ? '' : c.slice(0, dot);
  const rest = dot < 0 ? c : c.slice(dot + 1);
  const own = ownValue(extra, c) ?? (head ? ownValue(extra, `${head}.*`) : undefined);
  if (own) return own;
  const family = ownValue(familyAliases, head);
  if (family === 'token' || /^aadsts\d+$/.test(rest) || tokenCodes.has(rest)) return 'token';
  if (serviceOffCodes.has(rest)) return 'service_disabled';
  if (family === 'google') {
    if (throttleCodes.has(rest)) return 'throttled';
  } else if (throttleCodes.has(rest) && rest !== '429') {
    return 'throttled';
  }
  if (connectCodes.has(rest) || /^5\d\d$/.test(rest)) return 'cannot_connect';
  if (authCodes.has(rest)) return 'authentication';
  return 'unknown';
}

// ── Description ────────────────────────────────────────────────────────────────────────────────

const subjects: Record<string, string> = {
  'backup.email': 'email',
  'backup.onedrive': 'OneDrive',
  'backup.calendar': 'calendars',
  'backup.contacts': 'contacts',
  'backup.tasks': 'tasks',
  archive: 'archive',
  'auth.main_app_token': 'Main App (Global Admin) token',
  'auth.device_token': 'device token',
  'auth.delegated_token': 'delegated token',
};

/** What a condition is about, in words: `backup.sharepoint` → "sharepoint", `rmm.agent_offline` → "rmm agent offline". */
export function conditionSubject(condition: string): string {
  const known = ownValue(subjects, condition);
  if (known) return known;
  const tail = /^(backup|auth)\./.test(condition) ? condition.slice(condition.indexOf('.') + 1) : condition;
  const words = tail.replace(/[._\-:/]+/g, ' ').trim();
  return words || 'the monitored service';
}

/** `backup.*` for `backup.email`; undefined for a condition without a dot. */
export function conditionFamily(condition: string): string | undefined {
  const dot = condition.indexOf('.');
  return dot > 0 ? `${condition.slice(0, dot)}.*` : undefined;
}

const builtIn: CatalogText = {
  title: '{What} failing',
  explanation: 'The vendor reports that {what} ({condition}) is failing.',
  action: 'Open the vendor portal for the details of the failure.',
};

const defaultResolved = 'The vendor reports that {what} works again.';

/**
 * The text for an alert, looked up in this order: condition × class, family × class, condition × any
 * class, family × any class, any condition × class, any × any, and last a built-in text made from the
 * condition's name. Never throws.
 */
export function describe(
  catalog: Catalog,
  alert: { condition: string; errorCode?: string | null | undefined },
): Description {
  const condition = typeof alert.condition === 'string' ? alert.condition.trim() : '';
  const errorClass = classifyErrorCode(alert.errorCode, catalog.codes);
  const family = conditionFamily(condition);
  const tries: [Description['matchedBy'], string | undefined, ErrorClass | '*'][] = [
    ['exact', condition, errorClass],
    ['family', family, errorClass],
    ['condition', condition, '*'],
    ['family_any', family, '*'],
    ['class', '*', errorClass],
    ['any', '*', '*'],
  ];
  let found: CatalogText = builtIn;
  let matchedBy: Description['matchedBy'] = 'built_in';
  for (const [by, cond, cls] of tries) {
    if (cond === undefined) continue;
    const entry = ownValue(catalog.entries, entryKey(cond, cls));
    if (entry) {
      found = entry;
      matchedBy = by;
      break;
    }
  }
  const fill = (text: string): string => fillPlaceholders(text, condition);
  return {
    errorClass,
    title: fill(found.title),
    explanation: fill(found.explanation),
    action: fill(found.action),
    resolved: fill(found.resolved ?? defaultResolved),
    matchedBy,
  };
}

const placeholders = ['what', 'What', 'condition'] as const;

function fillPlaceholders(text: string, condition: string): string {
  const what = conditionSubject(condition);
  const values: Record<(typeof placeholders)[number], string> = {
    what,
    What: what.charAt(0).toUpperCase() + what.slice(1),
    condition: condition || '(no condition)',
  };
  return text.replace(
    /\{(what|What|condition)\}/g,
    (_m, name: (typeof placeholders)[number]) => values[name],
  );
}

// ── Validation of vendor input ─────────────────────────────────────────────────────────────────

const conditionPattern = /^(\*|[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*(\.\*)?)$/;
const entryFields = new Set(['condition', 'errorClass', 'title', 'explanation', 'action', 'resolved']);

function checkText(
  v: unknown,
  at: string,
  max: number,
  problems: Problem[],
  opts: { optional?: boolean; singleLine?: boolean } = {},
): string | undefined {
  if (v === undefined && opts.optional) return undefined;
  if (typeof v !== 'string' || v.trim() === '') {
    problems.push({ path: at, message: 'must be a non-empty string' });
    return undefined;
  }
  if (v.length > max) problems.push({ path: at, message: `must be at most ${max} characters` });
  if (opts.singleLine && /[\r\n]/.test(v)) problems.push({ path: at, message: 'must be one line' });
  for (const m of v.matchAll(/\{([^{}]*)\}/g)) {
    if (!(placeholders as readonly string[]).includes(m[1] ?? '')) {
      problems.push({
        path: at,
        message: `unknown placeholder {${m[1]}}; use {what}, {What} or {condition}`,
      });
    }
  }
  return v.trim();
}

/**
 * Checks a list of catalog entries as the vendor sent it. Paths are slash-separated under `at`
 * (`entries/3/title`), so the API can name the field in a 400/422 answer.
 */
export function validateCatalogEntries(
  input: unknown,
  at = 'entries',
): { ok: true; entries: CatalogEntry[] } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  if (!Array.isArray(input)) return { ok: false, problems: [{ path: at, message: 'must be an array' }] };
  if (input.length > MAX_ENTRIES) problems.push({ path: at, message: `at most ${MAX_ENTRIES} entries` });
  const entries: CatalogEntry[] = [];
  const seen = new Map<string, number>();
  input.forEach((raw, i) => {
    const p = `${at}/${i}`;
    if (!isPlainObject(raw)) {
      problems.push({ path: p, message: 'must be an object' });
      return;
    }
    const before = problems.length;
    for (const k of Object.keys(raw)) {
      if (!entryFields.has(k)) problems.push({ path: `${p}/${k}`, message: 'unknown field' });
    }
    const condition = raw.condition;
    if (typeof condition !== 'string' || condition.length > 100 || !conditionPattern.test(condition)) {
      problems.push({
        path: `${p}/condition`,
        message: 'must be a condition (backup.email), a family (backup.*) or *, at most 100 characters',
      });
    }
    const errorClass = raw.errorClass;
    if (errorClass !== '*' && !(errorClasses as readonly unknown[]).includes(errorClass)) {
      problems.push({ path: `${p}/errorClass`, message: `must be * or one of ${errorClasses.join(', ')}` });
    }
    const title = checkText(raw.title, `${p}/title`, MAX_TITLE, problems, { singleLine: true });
    const explanation = checkText(raw.explanation, `${p}/explanation`, MAX_TEXT, problems);
    const action = checkText(raw.action, `${p}/action`, MAX_TEXT, problems);
    const resolved = checkText(raw.resolved, `${p}/resolved`, MAX_TEXT, problems, { optional: true });
    if (problems.length > before) return;
    const key = entryKey(condition as string, errorClass as ErrorClass | '*');
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ path: p, message: `repeats the condition and errorClass of ${at}/${first}` });
      return;
    }
    seen.set(key, i);
    entries.push({
      condition: condition as string,
      errorClass: errorClass as ErrorClass | '*',
      title: title as string,
      explanation: explanation as string,
      action: action as string,
      ...(resolved === undefined ? {} : { resolved }),
    });
  });
  return problems.length ? { ok: false, problems } : { ok: true, entries };
}

/** Checks `{ entries?, codes?, replace? }` as sent to the Source API. Paths as in validateCatalogEntries. */
export function validateCatalogInput(
  input: unknown,
): { ok: true; value: CatalogInput } | { ok: false; problems: Problem[] } {
  if (!isPlainObject(input)) return { ok: false, problems: [{ path: '', message: 'must be an object' }] };
  const problems: Problem[] = [];
  const value: CatalogInput = {};
  for (const k of Object.keys(input)) {
    if (!['entries', 'codes', 'replace'].includes(k)) problems.push({ path: k, message: 'unknown field' });
  }
  if (input.entries !== undefined) {
    const r = validateCatalogEntries(input.entries);
    if (r.ok) value.entries = r.entries;
    else problems.push(...r.problems);
  }
  if (input.codes !== undefined) {
    if (!isPlainObject(input.codes)) {
      problems.push({ path: 'codes', message: 'must be an object of error code → error class' });
    } else {
      const codes: [string, ErrorClass][] = [];
      const list = Object.entries(input.codes);
      if (list.length > MAX_CODES) problems.push({ path: 'codes', message: `at most ${MAX_CODES} codes` });
      for (const [code, cls] of list) {
        const at = `codes/${code}`;
        if (code.trim() === '' || code.length > 100) {
          problems.push({ path: at, message: 'an error code must be 1–100 characters' });
        } else if (!(errorClasses as readonly unknown[]).includes(cls)) {
          problems.push({ path: at, message: `must be one of ${errorClasses.join(', ')}` });
        } else {
          codes.push([code, cls as ErrorClass]);
        }
      }
      value.codes = Object.fromEntries(codes);
    }
  }
  if (input.replace !== undefined) {
    if (typeof input.replace !== 'boolean')
      problems.push({ path: 'replace', message: 'must be true or false' });
    else value.replace = input.replace;
  }
  if (value.replace && !value.entries?.length) {
    problems.push({ path: 'entries', message: 'replacing the catalog needs at least one entry' });
  }
  return problems.length ? { ok: false, problems } : { ok: true, value };
}
