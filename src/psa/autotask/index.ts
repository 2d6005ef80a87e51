// The Autotask connector: `createAutotaskClient(ctx)` speaks the Autotask REST API (reference
// ../shared/reference/autotask.md, spec ../shared/specs/autotask/autotask-rest-v1.swagger.json)
// behind PsaClient.
import type { ConnectorFactory, PsaClient } from '../client.ts';
import { PsaError } from '../errors.ts';
import type { PsaIdentity } from '../types.ts';
import { billingParents, billingTargets, createBillingTarget } from './billing.ts';
import { readBillingTargets, writeLine } from './billing-lines.ts';
import { quantityChange } from '../billing-line.ts';
import { getCompany, listContacts, searchCompanies } from './companies.ts';
import { AutotaskCompanyFields } from './company-fields.ts';
import { checkPermissions } from './permissions.ts';
import { PickListCache } from './pick-lists.ts';
import { listProducts } from './products.ts';
import { f, queryBody, queryPage } from './query.ts';
import { AutotaskSession } from './session.ts';
import { AutotaskTickets } from './tickets.ts';
import { str } from './wire.ts';

export { autotaskDescriptor } from './descriptor.ts';

export const createAutotaskClient: ConnectorFactory = (ctx): PsaClient => {
  // Credentials are checked lazily so a factory call never throws; every method goes through here.
  let session: AutotaskSession | null = null;
  let lists: PickListCache | null = null;
  let tickets: AutotaskTickets | null = null;
  let fields: AutotaskCompanyFields | null = null;
  const api = (): AutotaskSession => (session ??= new AutotaskSession(ctx));
  const picks = (): PickListCache => (lists ??= new PickListCache(api(), ctx.cache));
  const t = (): AutotaskTickets => (tickets ??= new AutotaskTickets(api(), picks()));
  const udfs = (): AutotaskCompanyFields => (fields ??= new AutotaskCompanyFields(api(), ctx.cache));
  return {
    kind: 'autotask',
    async identify(): Promise<PsaIdentity> {
      const a = api();
      // Zone discovery checks the username; the threshold reading checks secret and integration
      // code (and primes the budget guard); the Resources row names the API user.
      const zone = await a.zone();
      await a.guard().refresh();
      // Reading Resources needs its own permission; without it the login name has to do.
      const page = await queryPage(
        a,
        'Resources',
        queryBody([f.eq('email', a.creds.username)], 1, ['id', 'firstName', 'lastName', 'userName']),
      ).catch((err: unknown) => {
        if (err instanceof PsaError && err.kind === 'permission') return { items: [] };
        throw err;
      });
      const me = page.items[0];
      const name = me ? `${str(me.firstName)} ${str(me.lastName)}`.trim() : '';
      // `{zone}versioninformation` (no version segment, reference §1.1).
      const versions = await a
        .get<{ apiVersions?: unknown }>(`${zone.url}versioninformation`)
        .then((b) => (Array.isArray(b?.apiVersions) ? b.apiVersions.map(String) : []))
        .catch(() => [] as string[]);
      return {
        version: versions.length > 0 ? `REST API ${versions.at(-1)}` : null,
        user: name || a.creds.username,
        tenant: zone.zoneName ? `${zone.zoneName}${zone.ci !== null ? ` (CI ${zone.ci})` : ''}` : null,
      };
    },
    checkPermissions: () => checkPermissions(api()),
    searchCompanies: (q) => searchCompanies(api(), q),
    getCompany: (id) => getCompany(api(), id),
    listContacts: (companyId) => listContacts(api(), companyId),
    pickLists: () => picks().forHub(),
    listProducts: (q) => listProducts(api(), q),
    billingTargets: (companyId) => billingTargets(api(), companyId),
    billingParents: (companyId) => billingParents(api(), companyId),
    createBillingTarget: (input) => createBillingTarget(api(), input),
    createTicket: (ticket) => t().create(ticket),
    getTicket: (id) => t().get(id),
    findTicketByExternalRef: (ref) => t().findByExternalRef(ref),
    addNote: (id, note) => t().addNote(id, note),
    setTicketStatus: (id, statusId, note) => t().setStatus(id, statusId, note),
    setBillingQuantity: (id, quantity) => writeLine(api(), id, { quantity }).then(quantityChange),
    readBillingTargets: (ids) => readBillingTargets(api(), ids),
    writeBillingLine: (id, line) => writeLine(api(), id, line).then((w) => w.after),
    companyFields: () => udfs().list(),
    writeCompanyFields: (companyId, values) => udfs().write(companyId, values),
  };
};
