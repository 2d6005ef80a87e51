// The open-source npm client `connectwise-rest` works unchanged against the simulator over https
// (reference §9 [S8]). Only certificate checks are relaxed: this file's worker process sets
// NODE_TLS_REJECT_UNAUTHORIZED for itself (vitest runs each file in its own worker) and puts it back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManageAPI } from 'connectwise-rest';
import { startSimulator, type RunningSimulator } from '../../../src/simulators/index.ts';

let sim: RunningSimulator;
let cwm: InstanceType<typeof ManageAPI>;
const previous = process.env.NODE_TLS_REJECT_UNAUTHORIZED;

beforeAll(async () => {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  sim = await startSimulator('connectwise', { port: 0, tls: true });
  const url = new URL(sim.url);
  const c = sim.credentials;
  cwm = new ManageAPI({
    companyId: c.companyId!,
    publicKey: c.publicKey!,
    privateKey: c.privateKey!,
    clientId: c.clientId!,
    companyUrl: url.host, // the library builds https://{companyUrl}/{entryPoint}/apis/3.0
    logger: () => {},
  });
});
afterAll(async () => {
  await sim.stop();
  if (previous === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previous;
});

describe('connectwise-rest against the simulator (https)', () => {
  it('serves https', () => {
    expect(sim.url).toMatch(/^https:\/\//);
  });

  it('reads system info and companies with conditions (axios encodes spaces as +)', async () => {
    const info = await cwm.SystemAPI.getSystemInfo();
    expect(info.version).toMatch(/^v2026/);
    const companies = await cwm.CompanyAPI.getCompanyCompanies({
      conditions: 'name like "Smith*" and deletedFlag = false',
      orderBy: 'name asc',
      pageSize: 50,
    });
    expect(companies.length).toBeGreaterThan(1);
    expect(companies.every((c) => /^smith/i.test(c.name!))).toBe(true);
    const count = await cwm.ServiceAPI.getServiceTicketsCount({ conditions: 'closedFlag = false' });
    expect(count.count).toBeGreaterThan(0);
  });

  it('paginates with its own page loop', async () => {
    const all = (await cwm.paginate(cwm.CompanyAPI.getCompanyCompanies, { pageSize: 100 }, {})) as {
      id: number;
    }[];
    const { count } = await cwm.CompanyAPI.getCompanyCompaniesCount({});
    expect(all).toHaveLength(count!);
  });

  it('creates a ticket, patches its status, adds a note', async () => {
    const ticket = await cwm.ServiceAPI.postServiceTickets({
      summary: 'From connectwise-rest',
      recordType: 'ServiceTicket',
      board: { name: 'Service Desk' },
      company: { identifier: 'AcmeInc' },
      initialDescription: 'ticket description',
    });
    expect(ticket.id).toBeGreaterThan(0);
    const closed = (
      await cwm.ServiceAPI.getServiceBoardsByParentIdStatuses(ticket.board!.id!, {
        conditions: 'name = "Closed"',
      })
    )[0]!;
    const patched = await cwm.ServiceAPI.patchServiceTicketsById(ticket.id!, [
      { op: 'replace', path: 'status', value: { id: closed.id } },
    ]);
    expect(patched.closedFlag).toBe(true);
    const note = await cwm.ServiceAPI.postServiceTicketsByParentIdNotes(ticket.id!, {
      text: 'note text',
      detailDescriptionFlag: true,
    });
    expect(note.ticketId).toBe(ticket.id);
  });

  it('adds and updates an agreement addition', async () => {
    const [agreement] = await cwm.FinanceAPI.getFinanceAgreements({
      conditions: 'agreementStatus = "Active"',
      pageSize: 1,
    });
    const addition = await cwm.FinanceAPI.postFinanceAgreementsByParentIdAdditions(agreement!.id!, {
      product: { identifier: 'BACKUP-M365' },
      billCustomer: 'Billable',
      quantity: 12,
    });
    expect(addition.extPrice).toBe(54);
    const updated = await cwm.FinanceAPI.patchFinanceAgreementsByParentIdAdditionsById(
      addition.id!,
      agreement!.id!,
      [{ op: 'replace', path: 'quantity', value: 15 as never }],
    );
    expect(updated.quantity).toBe(15);
  });

  it('surfaces errors as {status, data} with the real error body', async () => {
    await expect(cwm.ServiceAPI.postServiceTickets({ summary: 'no company' } as never)).rejects.toMatchObject(
      {
        status: 400,
        data: { code: 'InvalidObject', message: 'ticket object is invalid' },
      },
    );
    await expect(cwm.ServiceAPI.getServiceTicketsById(1)).rejects.toMatchObject({
      status: 404,
      data: { code: 'NotFound' },
    });
  });
});
