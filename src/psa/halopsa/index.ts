// The HaloPSA connector: `createHalopsaClient(ctx)` speaks Halo's REST API (reference
// ../shared/reference/halopsa.md, spec ../shared/specs/halopsa/swagger.json) behind PsaClient.
import type { ConnectorFactory, PsaClient } from '../client.ts';
import type { PsaIdentity } from '../types.ts';
import { billingParents, billingTargets, createBillingTarget } from './billing.ts';
import { readBillingTargets, writeLine } from './billing-lines.ts';
import { quantityChange } from '../billing-line.ts';
import { getCompany, listContacts, searchCompanies } from './companies.ts';
import { HaloCompanyFields } from './company-fields.ts';
import { checkPermissions } from './permissions.ts';
import { PickListCache } from './pick-lists.ts';
import { listProducts } from './products.ts';
import { HaloSession } from './session.ts';
import { HaloTickets } from './tickets.ts';
import { str, type Row } from './wire.ts';

export { halopsaDescriptor } from './descriptor.ts';

export const createHalopsaClient: ConnectorFactory = (ctx): PsaClient => {
  const api = new HaloSession(ctx);
  const lists = new PickListCache(api, ctx.cache);
  const tickets = new HaloTickets(api, lists);
  const fields = new HaloCompanyFields(api, ctx.cache);
  return {
    kind: 'halopsa',
    async identify(): Promise<PsaIdentity> {
      // `GET /api/Agent/me`: the agent the application logs in as (reference §1.4).
      const me = await api.get<Row>('Agent/me');
      return {
        version: null,
        user: str(me?.name) || str(me?.email) || 'API agent',
        tenant: ctx.credentials.tenant || null,
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
    createBillingTarget: (input) => createBillingTarget(api, input),
    createTicket: (t) => tickets.create(t),
    getTicket: (id) => tickets.get(id),
    findTicketByExternalRef: (ref) => tickets.findByExternalRef(ref),
    addNote: (id, note) => tickets.addNote(id, note),
    setTicketStatus: (id, statusId, note) => tickets.setStatus(id, statusId, note),
    setBillingQuantity: (id, quantity) => writeLine(api, id, { quantity }).then(quantityChange),
    readBillingTargets: (ids) => readBillingTargets(api, ids),
    writeBillingLine: (id, line) => writeLine(api, id, line).then((w) => w.after),
    companyFields: () => fields.list(),
    writeCompanyFields: (companyId, values) => fields.write(companyId, values),
  };
};
