// How company names and domains are folded before they are compared. Every step is recorded, so the
// match can tell a partner in words why two names count as the same.

/** A name folded for comparison, with what was folded away. */
export interface NameKey {
  /** Lower case, no accents or punctuation, `&` spelled `and`, decorations removed. */
  folded: string;
  /** `folded` without legal forms, leading "the" and a dangling "and"; abbreviations spelled out. */
  core: string;
  coreTokens: string[];
  /** Canonical legal forms found at the end, e.g. `ltd`, `gmbh`. */
  legalForms: string[];
  /** The legal-form words as written (folded), for reasons: `limited`. */
  legalWords: string[];
  /** Abbreviations that were spelled out: [as written, spelled out]. */
  expansions: [string, string][];
  /** Decorations such as "(Do Not Use)" or "[Prospect]" that were removed. */
  decorations: string[];
  accents: boolean;
  ampersand: boolean;
}

// Written → canonical legal form. Ltd/Limited and the like share a canonical form; distinct forms
// (Ltd vs Inc) mean a possibly different legal entity.
const legalFormList: [string, string[]][] = [
  ['ltd', ['ltd', 'limited', 'ltda']],
  ['inc', ['inc', 'incorporated']],
  ['llc', ['llc']],
  ['llp', ['llp']],
  ['lp', ['lp']],
  ['pllc', ['pllc']],
  ['corp', ['corp', 'corporation']],
  ['co', ['co', 'company', 'cie', 'cia']],
  ['plc', ['plc']],
  ['pty', ['pty', 'proprietary']],
  ['pte', ['pte']],
  ['pvt', ['pvt', 'private']],
  ['gmbh', ['gmbh', 'mbh']],
  ['ag', ['ag']],
  ['kg', ['kg', 'kgaa']],
  ['ohg', ['ohg']],
  ['ug', ['ug']],
  ['ev', ['ev']],
  ['bv', ['bv']],
  ['nv', ['nv']],
  ['sa', ['sa']],
  ['sas', ['sas']],
  ['sarl', ['sarl']],
  ['sl', ['sl']],
  ['srl', ['srl']],
  ['sro', ['sro']],
  ['ab', ['ab']],
  ['as', ['as']],
  ['aps', ['aps']],
  ['asa', ['asa']],
  ['oy', ['oy', 'oyj']],
  ['kk', ['kk']],
  ['bhd', ['bhd', 'sdn']],
  ['kft', ['kft']],
  ['spzoo', ['spzoo']],
  ['ulc', ['ulc']],
  ['pc', ['pc']],
];
const legalForms = new Map<string, string>();
for (const [canonical, words] of legalFormList) for (const w of words) legalForms.set(w, canonical);

// Abbreviations partners type, spelled out so "Intl" and "International" compare equal.
const abbreviations: Record<string, string> = {
  intl: 'international',
  svcs: 'services',
  svc: 'service',
  srvcs: 'services',
  dept: 'department',
  mgmt: 'management',
  mgt: 'management',
  assoc: 'associates',
  assocs: 'associates',
  assn: 'association',
  bros: 'brothers',
  grp: 'group',
  sys: 'systems',
  solns: 'solutions',
  mfg: 'manufacturing',
  natl: 'national',
  univ: 'university',
  ctr: 'center',
  centre: 'center',
  hosp: 'hospital',
  med: 'medical',
  eng: 'engineering',
  engg: 'engineering',
  dev: 'development',
  govt: 'government',
  acct: 'accounting',
  accts: 'accounting',
  bldg: 'building',
  constr: 'construction',
  distr: 'distribution',
  mktg: 'marketing',
  ins: 'insurance',
  invest: 'investments',
  tech: 'technology',
  technologies: 'technology',
  labs: 'laboratories',
  lab: 'laboratories',
  pharma: 'pharmaceuticals',
  hldgs: 'holdings',
  hldg: 'holdings',
  inds: 'industries',
  prods: 'products',
  elec: 'electrical',
  '1st': 'first',
  '4th': 'fourth',
  '5th': 'fifth',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  '2nd': 'second',
  '3rd': 'third',
  st: 'saint',
  mt: 'mount',
  ft: 'fort',
};

// Words that mark a record rather than name a company; removed wherever they appear in brackets
// or after a dash, and at the very start or end of the name.
const decorationWords =
  /^(do not use|dont use|dnu|old|inactive|prospect|lead|duplicate|dup|dupe|archived|deleted|closed|legacy|former|test|obsolete|not used|no longer used|zz+|x+)$/;

/** Words that carry little of a company's identity; extra ones cost less in fuzzy matching. */
export const weakWords = new Set([
  'group',
  'holdings',
  'services',
  'service',
  'solutions',
  'associates',
  'partners',
  'international',
  'enterprises',
  'the',
  'of',
  'and',
]);

const specialLetters: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  þ: 'th',
  ı: 'i',
};

const entities: Record<string, string> = {
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
  '#38': '&',
};

/** Decodes the few HTML entities that leak into PSA names (`&amp;`, `&#39;`). */
export function decodeEntities(s: string): string {
  return s.replace(/&(amp|quot|apos|nbsp|#39|#38);/gi, (_, e: string) => entities[e.toLowerCase()] ?? '');
}

/** Lower case, German umlauts as ae/oe/ue (so Müller = Mueller), other accents dropped. */
export function foldLetters(s: string): { text: string; accents: boolean } {
  const lower = s.toLowerCase().replace(/[äöüßæœøłđþı]/g, (c) => specialLetters[c] ?? c);
  const text = lower.normalize('NFKD').replace(/\p{M}/gu, '');
  return { text, accents: text !== s.toLowerCase() };
}

function stripDecorations(s: string, found: string[]): string {
  let out = s.replace(/[([{]([^)\]}]*)[)\]}]/g, (whole, inner: string) => {
    const word = inner
      .toLowerCase()
      .replace(/[^a-z ]/g, '')
      .trim();
    if (decorationWords.test(word)) {
      found.push(whole.trim());
      return ' ';
    }
    return ` ${inner} `;
  });
  // "Contoso - DO NOT USE", "ZZ Contoso", "Contoso *OLD*"
  out = out.replace(/\s[-–—:*]+\s*([a-z ]+?)\s*\**$/i, (whole, word: string) => {
    if (!decorationWords.test(word.toLowerCase().trim())) return whole;
    found.push(word.trim());
    return '';
  });
  out = out.replace(/^\W*(zz+|xx+|dnu)\W+/i, (whole) => {
    found.push(whole.trim());
    return '';
  });
  return out;
}

/** Folds a name for comparison; see NameKey. */
export function nameKey(name: string): NameKey {
  const decorations: string[] = [];
  let s = stripDecorations(decodeEntities(name).trim(), decorations);
  const ampersand = /[&+]/.test(s);
  const letters = foldLetters(s);
  s = letters.text
    .replace(/[’‘`´']/g, '')
    .replace(/\b(a)\/(s)\b/g, '$1$2') // A/S
    .replace(/\bsp\.? ?z\.? ?o\.? ?o\.?/g, 'spzoo')
    .replace(/\b(?:[a-z]\.){2,}/g, (m) => m.replace(/\./g, '')) // S.A., L.L.C.
    .replace(/[&+]/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ') // letters of any script: 株式会社 must not fold to nothing
    .trim();
  const folded = s;
  const tokens = folded.split(' ').filter(Boolean);
  const forms: string[] = [];
  const words: string[] = [];
  // Legal forms sit at the end, sometimes several ("Pty Ltd", "GmbH & Co KG"); keep one token at least.
  while (tokens.length > 1) {
    const last = tokens[tokens.length - 1]!;
    const form = legalForms.get(last);
    if (form !== undefined) {
      forms.unshift(form);
      words.unshift(last);
      tokens.pop();
    } else if (last === 'and' && forms.length > 0) tokens.pop();
    else break;
  }
  if (tokens.length > 1 && tokens[0] === 'the') tokens.shift();
  const expansions: [string, string][] = [];
  const coreTokens = tokens.map((t) => {
    const long = abbreviations[t];
    if (long === undefined) return t;
    expansions.push([t, long]);
    return long;
  });
  return {
    folded,
    core: coreTokens.join(' '),
    coreTokens,
    legalForms: forms,
    legalWords: words,
    expansions,
    decorations,
    accents: letters.accents,
    ampersand,
  };
}

// Second-level labels under which the registrable domain has three labels (contoso.co.uk).
const secondLevel = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ltd', 'plc', 'ne', 'or', 'gv']);
// Shared platforms and mailbox providers: the same domain there says nothing about the company.
const sharedDomains = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'live.com',
  'msn.com',
  'yahoo.com',
  'yahoo.co.uk',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  't-online.de',
  'btinternet.com',
  'comcast.net',
  'verizon.net',
  'att.net',
  'sky.com',
  'bigpond.com',
  'xtra.co.nz',
  'mail.com',
  'zoho.com',
  'yandex.ru',
]);
// Hosting platforms where each customer has its own sub-domain.
const platformDomains = new Set([
  'onmicrosoft.com',
  'sharepoint.com',
  'wixsite.com',
  'squarespace.com',
  'github.io',
  'azurewebsites.net',
  'myshopify.com',
  'wordpress.com',
  'blogspot.com',
  'herokuapp.com',
]);

/**
 * The registrable domain of an e-mail address, URL or host (`https://www.x.com/path` → `x.com`), or
 * null when there is none or it is a shared mailbox provider.
 */
export function normalizeDomain(input: string): string | null {
  let s = input.trim().toLowerCase();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  s = s.replace(/^[^@/]*@/, '');
  s = s
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(s)) return null;
  const labels = s.split('.');
  let take = labels.length >= 3 && secondLevel.has(labels[labels.length - 2]!) ? 3 : 2;
  if (platformDomains.has(labels.slice(-take).join('.'))) take += 1;
  if (labels.length < take) return null;
  const domain = labels.slice(-take).join('.');
  return sharedDomains.has(domain) ? null : domain;
}
