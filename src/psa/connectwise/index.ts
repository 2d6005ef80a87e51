// The ConnectWise PSA connector: `createConnectwiseClient(ctx)` speaks the REST API
// (`…/{codebase}apis/3.0`, reference ../shared/reference/connectwise.md, spec subset
// ../shared/specs/connectwise/) behind PsaClient.
import type { ConnectorFactory, PsaClient } from '../client.ts';
import type { PsaIdentity } from '../types.ts';
import { PsaError } from '../errors.ts';
import { CwSession } from './auth.ts';
import { keysFix } from './errors.ts';
import { billingParents, billingTargets, createBillingTarget } from './billing.ts';
import { readBillingTargets, writeLine } from './billing-lines.ts';
import { quantityChange } from '../billing-line.ts';
import { getCompany, listContacts, searchCompanies } from './companies.ts';
import { companyFields, writeCompanyFields } from './company-fields.ts';
import { checkPermissions, me } from './permissions.ts';
import { PickListCache } from './pick-lists.ts';
import { listProducts } from './products.ts';
import { CwTickets } from './tickets.ts';
import { str, type Row } from './wire.ts';

export { connectwiseDescriptor } from './descriptor.ts';

export const createConnectwiseClient: ConnectorFactory = (ctx): PsaClient => {
  const api = new CwSession(ctx);
  const lists = new PickListCache(api, ctx.cache);
  // A slow create may commit after our timeout: give it twice that (at most 5 s) before posting again.
  const settleMs = Math.min(5_000, 2 * (ctx.http?.timeoutMs ?? 30_000));
  const tickets = new CwTickets(api, settleMs);
  return {
    kind: 'connectwise',
    async identify(): Promise<PsaIdentity> {
      const company = await api.companyInfo();
      // `/system/info` proves the keys; `/system/mySecurity` rows name the API member.
      const info = await api.get<Row>('system/info').catch((err: unknown) => {
        // `/system/info` always exists: a 404 there is how cloud servers refuse keys (reference §1.4).
        if (err instanceof PsaError && err.kind === 'not_found')
          throw new PsaError('auth', keysFix, err.details);
        throw err;
      });
      const member = await me(api);
      return {
        version: str(info?.version) || company.version,
        user: member ?? `${ctx.credentials.companyId ?? ''}+${ctx.credentials.publicKey ?? ''}`,
        tenant: company.companyName ?? ctx.credentials.companyId ?? null,
      };
    },
    checkPermissions: () => checkPermissions(api),
    searchCompanies: (q) => searchCompanies(api, q),
    getCompany: (id) => getCompany(api, id),
    listContacts: (companyId) => listContacts(api, companyId),
    pickLists: () => lists.get(true),
    listProducts: (q) => listProducts(api, q),
    billingTargets: (companyId) => billingTargets(api, companyId),
    billingParents: (companyId) => billingParents(api, companyId),
    createBillingTarget: (input) => createBillingTarget(api, input, settleMs),
    createTicket: (t) => tickets.create(t),
    getTicket: (id) => tickets.get(id),
    findTicketByExternalRef: (ref) => tickets.findByExternalRef(ref),
    addNote: (id, note) => tickets.addNote(id, note),
    setTicketStatus: (id, statusId, note) => tickets.setStatus(id, statusId, note),
    setBillingQuantity: (id, quantity) => writeLine(api, id, { quantity }).then(quantityChange),
    readBillingTargets: (ids) => readBillingTargets(api, ids),
    writeBillingLine: (id, line) => writeLine(api, id, line).then((w) => w.after),
    companyFields: () => companyFields(api),
    writeCompanyFields: (companyId, values) => writeCompanyFields(api, companyId, values),
  };
};
