// Seed part: a few hundred clients with the awkward names a matcher must survive, their sites
// and users.
import type { Row } from '../seed-types.ts';
import { at, int, one, rnd } from './random.ts';

// --- clients: a few hundred, with the awkward variants a matcher must survive --------------------
export const stems = [
  'Acme',
  'Brightwater',
  'Cobalt',
  'Dunmore',
  'Evergreen',
  'Falcon',
  'Granite',
  'Harbour',
  'Ironbridge',
  'Juniper',
  'Kestrel',
  'Lakeside',
  'Meridian',
  'Northgate',
  'Oakridge',
  'Pinnacle',
  'Quayside',
  'Redwood',
  'Silverline',
  'Thornbury',
  'Upland',
  'Vantage',
  'Westfield',
  'Yew Tree',
  'Zenith',
  'Ashford',
  'Beacon',
  'Castlegate',
  'Driftwood',
  'Elmstead',
  'Foxglove',
  'Glenview',
  'Highcross',
  'Inverness',
  'Jasper',
  'Kingfisher',
  'Larchmont',
  'Millbrook',
  'Newhaven',
  'Orchard',
];
export const kinds = [
  'Dental',
  'Legal',
  'Accountants',
  'Logistics',
  'Engineering',
  'Architects',
  'Veterinary',
  'Construction',
  'Marketing',
  'Consulting',
  'Medical Centre',
  'Estate Agents',
  'Solicitors',
  'Recruitment',
  'Manufacturing',
];
export const suffixes = ['Ltd', 'Limited', 'Ltd.', 'LLP', 'Inc.', 'Inc', 'LLC', 'GmbH', 'Pty Ltd', 'PLC', ''];
export const special = [
  'Smith & Sons Ltd',
  'Smith and Sons Limited',
  'Smith & Sons',
  'Johnson & Johnson Plumbing',
  'Johnson and Johnson Plumbing Ltd',
  'Acme Inc.',
  'Acme, Inc',
  'ACME INC',
  'Müller GmbH',
  'Mueller GmbH',
  'Müller & Partner GmbH',
  "O'Brien Electrical",
  'O’Brien Electrical Ltd',
  'Café Noir SARL',
  'Brightwater Dental',
  'Brightwater Dental',
  'Brightwater Dental Care',
  'AT&T Reseller Services',
  'R&D Labs Limited',
  '3M Contractors',
  'The Pines Care Home',
  'Pines Care Home (The)',
  'St. Mary’s Primary School',
  'St Marys Primary School',
  'Ünal Transport GmbH & Co. KG',
  'Zürich Re-Insurance AG',
  'Kowalski Sp. z o.o.',
  'Nordic Fish A/S',
  'Hôtel de la Gare',
  'Dr. Patel & Associates',
  'Dr Patel and Associates',
  '  Leading Space Ltd',
  'Trailing Space Ltd  ',
  'Very Long Name International Holdings Group of Companies Limited (Europe, Middle East & Africa)',
  'MSP Internal',
  'Tenant Demo Client',
];
export const clientNames: string[] = [...special];
while (clientNames.length < 320) {
  const suffix = one(suffixes);
  clientNames.push(`${one(stems)} ${one(kinds)}${suffix ? ` ${suffix}` : ''}`);
}
export const clients: Row[] = [];
export const sites: Row[] = [];
export const users: Row[] = [];
export const firstNames = [
  'Alex',
  'Sam',
  'Jo',
  'Chris',
  'Pat',
  'Robin',
  'Kim',
  'Lee',
  'Morgan',
  'Taylor',
  'Jamie',
  'Noor',
  'Björn',
  'Siân',
];
export const surnames = [
  'Smith',
  'Jones',
  'Williams',
  'Brown',
  'Müller',
  "O'Neill",
  'García',
  'Nguyen',
  'Khan',
  'Evans',
  'Schmidt',
];
export const emailSafe = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');
clientNames.forEach((name, i) => {
  const id = i + 1;
  const prospect = i >= 36 && rnd() < 0.06;
  const inactive =
    name === 'Brightwater Dental' && clients.some((c) => c.name === name) ? true : i >= 36 && rnd() < 0.1;
  const domain = `${emailSafe(name).slice(0, 18) || 'client'}${id}.example`;
  const siteCount = rnd() < 0.2 ? int(2, 4) : 1;
  const firstSite = sites.length + 1;
  for (let s = 0; s < siteCount; s++) {
    sites.push({
      id: sites.length + 1,
      name:
        s === 0
          ? 'Main'
          : one(['Head Office', 'Warehouse', 'Branch', 'Remote', 'Unit 4']) + (s > 1 ? ` ${s}` : ''),
      client_id: id,
      inactive: s > 0 && rnd() < 0.1,
      phonenumber: `+44 20 7${int(100, 999)} ${int(1000, 9999)}`,
      notes: '',
      timezone: 'GMT Standard Time',
      sla_id: -1,
      maincontact_id: -1,
    });
  }
  const userCount = prospect ? int(0, 1) : int(1, 4);
  for (let u = 0; u < userCount; u++) {
    const firstname = one(firstNames);
    const surname = one(surnames);
    const site = firstSite + (u % siteCount);
    users.push({
      id: users.length + 1,
      name: `${firstname} ${surname}`,
      firstname,
      surname,
      site_id: site,
      client_id: id,
      emailaddress: rnd() < 0.1 ? '' : `${emailSafe(firstname)}.${emailSafe(surname)}@${domain}`,
      phonenumber: rnd() < 0.5 ? `+44 7700 ${int(100000, 999999)}` : '',
      inactive: rnd() < 0.05,
      isimportantcontact: u === 0,
      notes: '',
      title: u === 0 ? 'Office Manager' : '',
    });
  }
  clients.push({
    id,
    name,
    inactive,
    toplevel_id: name === 'MSP Internal' ? 3 : prospect ? 2 : 1,
    is_vip: rnd() < 0.05,
    website: rnd() < 0.6 ? `https://www.${domain}` : '',
    notes: '',
    colour: '',
    accountsid: rnd() < 0.5 ? `ACC${String(1000 + id)}` : '',
    main_site_id: firstSite,
    datecreated: at(int(30, 2000)),
    customfields: [],
  });
});
