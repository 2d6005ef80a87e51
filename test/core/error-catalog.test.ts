// The error catalog without I/O: the seed's error-description table as data, the classification of
// each code family, the lookup fallbacks, and the vendor's extension or replacement with its checks.
import { describe as suite, expect, it } from 'vitest';
import { defaultCatalogEntries } from '../../src/core/error-catalog-data.ts';
import {
  buildCatalog,
  catalogEntries,
  classifyErrorCode,
  conditionFamily,
  conditionSubject,
  defaultCatalog,
  describe,
  emptyCatalog,
  mergeCatalog,
  normalizeCode,
  validateCatalogEntries,
  validateCatalogInput,
  type CatalogEntry,
  type ErrorClass,
} from '../../src/core/error-catalog.ts';

// Each row of the seed's table (../shared/seeds/000_47dae7147ed47d52.txt), with codes that lead to it.
const seedRows: { condition: string; codes: (string | undefined)[]; title: string }[] = [
  { condition: 'backup.email', codes: [undefined, 'vendor.E17'], title: 'Email backup has failed' },
  {
    condition: 'backup.onedrive',
    codes: ['graph.404', 'graph.429', 'graph.503', 'graph.reset', 'graph.timeout'],
    title: 'OneDrive backup failed. Unable to connect to the mail server',
  },
  {
    condition: 'backup.onedrive',
    codes: ['graph.400', 'graph.401', 'graph.403'],
    title: 'OneDrive backup failed. Authentication error',
  },
  {
    condition: 'auth.main_app_token',
    codes: [undefined, 'token.revoked', 'graph.401'],
    title: 'Main App (Global Admin) token authorization error was detected',
  },
  {
    condition: 'auth.device_token',
    codes: [undefined, 'token.expired'],
    title: 'Device token authorization error was detected',
  },
  {
    condition: 'auth.delegated_token',
    codes: [undefined, 'oauth.consent_required'],
    title: 'Delegated token authorization error was detected',
  },
  {
    condition: 'backup.tasks',
    codes: ['graph.503', 'google.503'],
    title: 'Backup tasks fail. Unable to connect to the mail server',
  },
  {
    condition: 'backup.tasks',
    codes: ['google.dailyLimitExceeded', 'google.429', 'google.quotaExceeded'],
    title: 'Backup tasks fail. Unable to connect to GWS API due to per-day throttling',
  },
  {
    condition: 'backup.tasks',
    codes: ['google.401', 'graph.403'],
    title: 'Backup tasks fail. Authentication error',
  },
  {
    condition: 'backup.contacts',
    codes: ['graph.timeout'],
    title: 'Backup contacts fail. Unable to connect to the mail server',
  },
  {
    condition: 'backup.contacts',
    codes: ['google.403'],
    title: 'Backup contacts fail. Authentication error',
  },
  {
    condition: 'backup.contacts',
    codes: ['google.serviceNotEnabled', 'google.userInactive'],
    title: 'Backup contacts fail. GWS API connection error',
  },
  {
    condition: 'backup.calendar',
    codes: ['graph.reset'],
    title: 'Backup calendars fail. Unable to connect to the mail server',
  },
  {
    condition: 'backup.calendar',
    codes: ['graph.401'],
    title: 'Backup calendars fail. Authentication error',
  },
  {
    condition: 'backup.calendar',
    codes: ['google.accessNotConfigured'],
    title: 'Backup calendars fail. GWS API connection error',
  },
  { condition: 'archive', codes: ['graph.400'], title: 'Archive fail. Authentication error' },
];

suite('the seed table as data', () => {
  for (const row of seedRows) {
    for (const code of row.codes) {
      it(`${row.condition} × ${code ?? '(no code)'} → "${row.title}"`, () => {
        const d = describe(defaultCatalog, { condition: row.condition, errorCode: code });
        expect(d.title).toBe(row.title);
        expect(['exact', 'condition']).toContain(d.matchedBy);
        expect(d.explanation.length).toBeGreaterThan(40);
        expect(d.action.length).toBeGreaterThan(20);
      });
    }
  }

  it('keeps the seed meaning in the explanations', () => {
    const onedrive = describe(defaultCatalog, { condition: 'backup.onedrive', errorCode: 'graph.429' });
    for (const w of ['404', '429', '503', 'reset', 'timeout']) expect(onedrive.explanation).toContain(w);
    const auth = describe(defaultCatalog, { condition: 'backup.onedrive', errorCode: 'graph.403' });
    for (const w of ['400', '401', '403']) expect(auth.explanation).toContain(w);
    const device = describe(defaultCatalog, { condition: 'auth.device_token' });
    for (const w of ['invalid', 'expired', 'revoked', 'formatted']) expect(device.explanation).toContain(w);
    const contacts = describe(defaultCatalog, {
      condition: 'backup.contacts',
      errorCode: 'google.serviceDisabled',
    });
    expect(contacts.explanation).toMatch(/inactive/);
    expect(contacts.explanation).toMatch(/Google Workspace Admin console/);
  });

  it('says when a token error is resolved', () => {
    expect(describe(defaultCatalog, { condition: 'auth.main_app_token' }).resolved).toMatch(
      /authorized again/,
    );
    expect(describe(defaultCatalog, { condition: 'auth.device_token' }).resolved).toMatch(/device token/);
    expect(describe(defaultCatalog, { condition: 'auth.delegated_token' }).resolved).toMatch(/granted/);
    expect(describe(defaultCatalog, { condition: 'backup.email' }).resolved).toBe(
      'The vendor reports that email works again.',
    );
  });

  it('passes the same checks as vendor entries, with titles of at most 100 characters', () => {
    const r = validateCatalogEntries(structuredClone(defaultCatalogEntries));
    expect(r).toEqual({ ok: true, entries: expect.any(Array) });
    for (const e of defaultCatalogEntries) expect(e.title.length).toBeLessThanOrEqual(100);
    expect(catalogEntries(defaultCatalog)).toHaveLength(defaultCatalogEntries.length);
  });
});

suite('classifyErrorCode', () => {
  const table: [string | undefined | null, ErrorClass][] = [
    // Microsoft Graph: the seed's "cannot connect" codes, and the other 5xx and Graph's names
    ['graph.404', 'cannot_connect'],
    ['graph.429', 'cannot_connect'],
    ['graph.503', 'cannot_connect'],
    ['graph.500', 'cannot_connect'],
    ['graph.504', 'cannot_connect'],
    ['graph.reset', 'cannot_connect'],
    ['graph.ECONNRESET', 'cannot_connect'],
    ['graph.timeout', 'cannot_connect'],
    ['graph.throttledRequest', 'cannot_connect'],
    ['msgraph.serviceNotAvailable', 'cannot_connect'],
    // Graph: the seed's authentication codes
    ['graph.400', 'authentication'],
    ['graph.401', 'authentication'],
    ['graph.403', 'authentication'],
    ['graph.accessDenied', 'authentication'],
    ['graph.InvalidAuthenticationToken', 'authentication'],
    // Google: per-day throttling, then the rest
    ['google.dailyLimitExceeded', 'throttled'],
    ['google.429', 'throttled'],
    ['google.userRateLimitExceeded', 'throttled'],
    ['google.quotaExceeded', 'throttled'],
    ['gws.RESOURCE_EXHAUSTED', 'throttled'],
    ['google.503', 'cannot_connect'],
    ['google.backendError', 'cannot_connect'],
    ['google.401', 'authentication'],
    ['google.insufficientPermissions', 'authentication'],
    ['google.serviceNotEnabled', 'service_disabled'],
    ['google.domainPolicy', 'service_disabled'],
    ['google.userSuspended', 'service_disabled'],
    // Tokens
    ['token.expired', 'token'],
    ['token.anything', 'token'],
    ['oauth.invalid_grant', 'token'],
    ['graph.AADSTS65001', 'token'],
    ['invalid_grant', 'token'],
    // Written differently
    ['GRAPH.429', 'cannot_connect'],
    ['graph:429', 'cannot_connect'],
    ['graph/401', 'authentication'],
    ['  google:dailyLimitExceeded ', 'throttled'],
    ['429', 'cannot_connect'],
    ['401', 'authentication'],
    ['dailyLimitExceeded', 'throttled'],
    // Unknown
    [undefined, 'unknown'],
    [null, 'unknown'],
    ['', 'unknown'],
    ['   ', 'unknown'],
    ['graph.418', 'unknown'],
    ['vendor.E17', 'unknown'],
    ['google.something', 'unknown'],
  ];
  for (const [code, cls] of table) {
    it(`${JSON.stringify(code)} → ${cls}`, () => expect(classifyErrorCode(code)).toBe(cls));
  }

  it('checks the catalog codes first: exact, then family.*', () => {
    const codes = { 'acme.e42': 'token', 'acme.*': 'throttled', 'graph.429': 'throttled' } as const;
    expect(classifyErrorCode('acme.E42', codes)).toBe('token');
    expect(classifyErrorCode('acme:E43', codes)).toBe('throttled');
    expect(classifyErrorCode('graph.429', codes)).toBe('throttled');
    expect(classifyErrorCode('graph.503', codes)).toBe('cannot_connect');
  });

  it('normalizes separators and case', () => {
    expect(normalizeCode(' Graph:429 ')).toBe('graph.429');
    expect(normalizeCode('google / dailyLimitExceeded')).toBe('google.dailylimitexceeded');
    expect(normalizeCode('graph.reset')).toBe('graph.reset');
  });
});

suite('describe: fallbacks', () => {
  it('family × class for an unnamed condition of a known kind', () => {
    const d = describe(defaultCatalog, { condition: 'backup.sharepoint', errorCode: 'graph.429' });
    expect(d).toMatchObject({
      errorClass: 'cannot_connect',
      matchedBy: 'family',
      title: 'Backup of sharepoint failed. Unable to connect to the service',
    });
  });

  it('family × class before condition × any class', () => {
    const d = describe(defaultCatalog, { condition: 'backup.email', errorCode: 'graph.401' });
    expect(d).toMatchObject({ matchedBy: 'family', title: 'Backup of email failed. Authentication error' });
  });

  it('condition × any class when the class has no entry', () => {
    const d = describe(defaultCatalog, { condition: 'backup.email', errorCode: 'vendor.E17' });
    expect(d).toMatchObject({
      errorClass: 'unknown',
      matchedBy: 'condition',
      title: 'Email backup has failed',
    });
  });

  it('family × any class', () => {
    expect(describe(defaultCatalog, { condition: 'backup.sharepoint' })).toMatchObject({
      matchedBy: 'family_any',
      title: 'Backup of sharepoint has failed',
    });
    expect(describe(defaultCatalog, { condition: 'auth.partner_token' })).toMatchObject({
      matchedBy: 'family_any',
      title: 'Partner token authorization error was detected',
    });
  });

  it('any condition × class, then any × any with the name of the condition', () => {
    expect(
      describe(defaultCatalog, { condition: 'rmm.agent', errorCode: 'google.dailyLimitExceeded' }),
    ).toMatchObject({
      matchedBy: 'class',
      title: 'Rmm agent failing: API limit reached',
    });
    const d = describe(defaultCatalog, { condition: 'rmm.agent_offline', errorCode: 'graph.401' });
    expect(d).toMatchObject({
      matchedBy: 'any',
      errorClass: 'authentication',
      title: 'Rmm agent offline failing',
    });
    expect(d.explanation).toContain('(rmm.agent_offline)');
    expect(describe(defaultCatalog, { condition: 'archive', errorCode: 'graph.503' }).title).toBe(
      'Archive failing',
    );
  });

  it('a built-in text when the catalog has nothing', () => {
    const d = describe(emptyCatalog, { condition: 'backup.email', errorCode: 'graph.429' });
    expect(d).toMatchObject({ matchedBy: 'built_in', errorClass: 'cannot_connect', title: 'Email failing' });
    expect(d.resolved).toBe('The vendor reports that email works again.');
  });

  it('never throws, whatever it is given', () => {
    const odd = [
      { condition: '' },
      { condition: '...' },
      { condition: '*' },
      { condition: 'backup.' },
      { condition: 'constructor' },
      { condition: '__proto__', errorCode: '__proto__' },
      { condition: 'toString|*' },
      { condition: 42 as unknown as string, errorCode: 7 as unknown as string },
    ];
    for (const a of odd) {
      const d = describe(defaultCatalog, a);
      expect(typeof d.title).toBe('string');
      expect(d.title.length).toBeGreaterThan(0);
    }
  });

  it('names conditions in words', () => {
    expect(conditionSubject('backup.onedrive')).toBe('OneDrive');
    expect(conditionSubject('backup.share_point')).toBe('share point');
    expect(conditionSubject('rmm.agent-offline')).toBe('rmm agent offline');
    expect(conditionSubject('')).toBe('the monitored service');
    expect(conditionFamily('backup.email')).toBe('backup.*');
    expect(conditionFamily('archive')).toBeUndefined();
  });
});

suite('vendor catalog', () => {
  const override: CatalogEntry = {
    condition: 'backup.onedrive',
    errorClass: 'authentication',
    title: 'OneDrive: sign-in refused',
    explanation: 'Our words.',
    action: 'Reconnect the tenant in Acme Portal.',
  };
  const added: CatalogEntry = {
    condition: 'backup.sharepoint',
    errorClass: '*',
    title: 'SharePoint backup failed for {What}',
    explanation: 'Site backup failed ({condition}).',
    action: 'Check the site.',
    resolved: 'SharePoint is backed up again.',
  };

  it('overrides an entry with the same key and adds new ones', () => {
    const c = mergeCatalog(defaultCatalog, { entries: [override, added] });
    expect(describe(c, { condition: 'backup.onedrive', errorCode: 'graph.401' }).title).toBe(
      'OneDrive: sign-in refused',
    );
    expect(describe(c, { condition: 'backup.onedrive', errorCode: 'graph.429' }).title).toBe(
      'OneDrive backup failed. Unable to connect to the mail server',
    );
    const sp = describe(c, { condition: 'backup.sharepoint', errorCode: 'vendor.x' });
    expect(sp).toMatchObject({
      title: 'SharePoint backup failed for Sharepoint',
      explanation: 'Site backup failed (backup.sharepoint).',
      resolved: 'SharePoint is backed up again.',
    });
    expect(catalogEntries(c)).toHaveLength(defaultCatalogEntries.length + 1);
    // the base is untouched
    expect(describe(defaultCatalog, { condition: 'backup.onedrive', errorCode: 'graph.401' }).title).toBe(
      'OneDrive backup failed. Authentication error',
    );
  });

  it('adds vendor codes, which win over the built-in classification', () => {
    const c = mergeCatalog(defaultCatalog, {
      codes: { 'Acme:E42': 'authentication', 'graph.404': 'unknown' },
    });
    expect(describe(c, { condition: 'backup.onedrive', errorCode: 'acme.e42' }).errorClass).toBe(
      'authentication',
    );
    expect(describe(c, { condition: 'backup.onedrive', errorCode: 'graph.404' }).errorClass).toBe('unknown');
  });

  it('replaces the catalog when asked', () => {
    const c = mergeCatalog(defaultCatalog, { entries: [added], replace: true });
    expect(catalogEntries(c)).toHaveLength(1);
    expect(describe(c, { condition: 'backup.onedrive', errorCode: 'graph.401' }).matchedBy).toBe('built_in');
  });

  it('catalogs are frozen values', () => {
    const c = buildCatalog([added]);
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.entries)).toBe(true);
  });
});

suite('validation of vendor input', () => {
  const good = {
    condition: 'backup.email',
    errorClass: 'authentication',
    title: 'T',
    explanation: 'E',
    action: 'A',
  };

  it('accepts good entries and trims text', () => {
    const r = validateCatalogEntries([
      { ...good, title: '  T  ', resolved: 'R' },
      { ...good, condition: '*' },
    ]);
    expect(r).toEqual({
      ok: true,
      entries: [
        { ...good, title: 'T', resolved: 'R' },
        { ...good, condition: '*' },
      ],
    });
  });

  it('names each problem by its path', () => {
    const r = validateCatalogEntries([
      'x',
      { ...good, colour: 'red' },
      { ...good, condition: 'backup email' },
      { ...good, condition: 'backup.*.x' },
      { ...good, errorClass: 'nope' },
      { ...good, title: '' },
      { ...good, title: 'x'.repeat(101) },
      { ...good, title: 'two\nlines' },
      { ...good, explanation: 7 },
      { ...good, action: 'Call {who}' },
      { ...good, resolved: '' },
      { ...good, explanation: 'x'.repeat(2001) },
      good,
      { ...good, title: 'Other title' },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { path: 'entries/0', message: 'must be an object' },
      { path: 'entries/1/colour', message: 'unknown field' },
      { path: 'entries/2/condition', message: expect.stringMatching(/family/) },
      { path: 'entries/3/condition', message: expect.stringMatching(/family/) },
      { path: 'entries/4/errorClass', message: expect.stringMatching(/cannot_connect/) },
      { path: 'entries/5/title', message: 'must be a non-empty string' },
      { path: 'entries/6/title', message: 'must be at most 100 characters' },
      { path: 'entries/7/title', message: 'must be one line' },
      { path: 'entries/8/explanation', message: 'must be a non-empty string' },
      { path: 'entries/9/action', message: expect.stringMatching(/unknown placeholder \{who\}/) },
      { path: 'entries/10/resolved', message: 'must be a non-empty string' },
      { path: 'entries/11/explanation', message: 'must be at most 2000 characters' },
      { path: 'entries/13', message: 'repeats the condition and errorClass of entries/12' },
    ]);
  });

  it('refuses what is not a list, and too many entries', () => {
    expect(validateCatalogEntries({})).toEqual({
      ok: false,
      problems: [{ path: 'entries', message: 'must be an array' }],
    });
    const many = Array.from({ length: 501 }, (_, i) => ({ ...good, condition: `c${i}` }));
    const r = validateCatalogEntries(many, 'body/entries');
    expect(r.ok ? [] : r.problems).toEqual([{ path: 'body/entries', message: 'at most 500 entries' }]);
  });

  it('checks the whole input: entries, codes and replace', () => {
    expect(validateCatalogInput({ entries: [good], codes: { 'acme.E1': 'token' }, replace: false })).toEqual({
      ok: true,
      value: { entries: [good], codes: { 'acme.E1': 'token' }, replace: false },
    });
    const r = validateCatalogInput({
      entries: [{ ...good, errorClass: 'x' }],
      codes: { 'acme.E1': 'bad', '': 'token' },
      replace: 'yes',
      extra: 1,
    });
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual([
      'extra',
      'entries/0/errorClass',
      'codes/acme.E1',
      'codes/',
      'replace',
    ]);
    expect(validateCatalogInput([])).toEqual({
      ok: false,
      problems: [{ path: '', message: 'must be an object' }],
    });
    expect(validateCatalogInput({ codes: [] }).ok).toBe(false);
    expect(validateCatalogInput({ replace: true })).toEqual({
      ok: false,
      problems: [{ path: 'entries', message: 'replacing the catalog needs at least one entry' }],
    });
  });
});

suite('keys that name Object.prototype members', () => {
  it('stay data', () => {
    const input = JSON.parse('{"codes": {"__proto__": "token", "constructor": "throttled"}}');
    const r = validateCatalogInput(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const c = mergeCatalog(defaultCatalog, r.value);
    expect(classifyErrorCode('__proto__', c.codes)).toBe('token');
    expect(classifyErrorCode('constructor', c.codes)).toBe('throttled');
    expect(classifyErrorCode('toString', c.codes)).toBe('unknown');
    expect(classifyErrorCode('constructor.x')).toBe('unknown');
    expect(Object.getPrototypeOf(c.codes)).toBe(Object.prototype);
  });
});
