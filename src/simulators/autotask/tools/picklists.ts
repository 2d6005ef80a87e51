// Picklists and UDF definitions of the default seed. Values follow the system values seen live where
// the reference has them (reference §4.3: status 1 New, 5 Complete, 7 Waiting Customer, 8 In
// Progress; ticketType 1–4; source −2, −1, 1, 2; queue ids like 5, 6, 8, 29682969; companyType 1
// Customer); the rest are typical tenant values. A few inactive values make the seed awkward.
import type { PickListValue, UdfDef } from '../model.ts';

type Item = [
  value: number | string,
  label: string,
  opts?: { inactive?: boolean; def?: boolean; parent?: number; system?: boolean },
];

function list(items: Item[]): PickListValue[] {
  return items.map(([value, label, o], i) => ({
    value: String(value),
    label,
    isDefaultValue: o?.def ?? false,
    sortOrder: i,
    parentValue: o?.parent === undefined ? '' : String(o.parent),
    isActive: !(o?.inactive ?? false),
    isSystem: o?.system ?? false,
  }));
}

const sla = list([
  [1, 'Standard SLA', { def: true }],
  [2, 'Premium SLA'],
  [3, 'Legacy 2019 SLA', { inactive: true }],
]);
const countries = list([
  [237, 'United States', { def: true }],
  [236, 'United Kingdom'],
  [83, 'Germany'],
  [14, 'Australia'],
  [39, 'Canada'],
  [157, 'New Zealand'],
  [109, 'Ireland'],
  [154, 'Netherlands'],
]);
const periods = list([
  [1, 'Monthly', { def: true }],
  [2, 'Quarterly'],
  [3, 'Semi-Annual'],
  [4, 'Yearly'],
  [5, 'One-Time'],
]);

export const picklists: Record<string, Record<string, PickListValue[]>> = {
  Tickets: {
    status: list([
      [1, 'New', { def: true, system: true }],
      [5, 'Complete', { system: true }],
      [7, 'Waiting Customer', { system: true }],
      [8, 'In Progress', { system: true }],
      [9, 'Waiting Materials'],
      [10, 'Dispatched'],
      [12, 'Customer Note Added'],
      [13, 'On Hold'],
      [19, 'Escalated (retired)', { inactive: true }],
    ]),
    priority: list([
      [4, 'Critical'],
      [1, 'High'],
      [2, 'Medium', { def: true }],
      [3, 'Low'],
      [5, 'P5 - Planning', { inactive: true }],
    ]),
    queueID: list([
      [5, 'Client Portal'],
      [6, 'Post Sale'],
      [8, 'Monitoring Alert'],
      [29682833, 'Level I Support', { def: true }],
      [29682969, 'Level II Support'],
      [29683482, 'Recurring Tickets'],
      [29683490, 'Backup Alerts'],
      [29683491, 'Old Helpdesk Queue', { inactive: true }],
    ]),
    ticketType: list([
      [1, 'Service Request', { def: true, system: true }],
      [2, 'Incident', { system: true }],
      [3, 'Problem', { system: true }],
      [4, 'Change Request', { system: true }],
      [5, 'Alert', { system: true }],
    ]),
    source: list([
      [-2, 'Insourced', { system: true }],
      [-1, 'Client Portal', { system: true }],
      [1, 'Other'],
      [2, 'Phone', { def: true }],
      [3, 'Voice Mail'],
      [4, 'E-mail'],
      [6, 'Web Portal'],
      [8, 'Monitoring Alert'],
      [11, 'In Person/Onsite'],
    ]),
    issueType: list([
      [4, 'Hardware'],
      [6, 'Software'],
      [7, 'Backup'],
      [9, 'Network'],
      [10, 'Old Category', { inactive: true }],
    ]),
    subIssueType: list([
      [11, 'Server', { parent: 4 }],
      [12, 'Workstation', { parent: 4 }],
      [17, 'Printer', { parent: 4 }],
      [20, 'Office 365', { parent: 6 }],
      [21, 'Line of Business App', { parent: 6 }],
      [30, 'Backup Failed', { parent: 7 }],
      [31, 'Backup Warning', { parent: 7 }],
      [32, 'Restore Request', { parent: 7 }],
      [40, 'Firewall', { parent: 9 }],
      [41, 'Wi-Fi', { parent: 9 }],
    ]),
    ticketCategory: list([
      [2, 'Standard', { def: true }],
      [3, 'RMA'],
      [4, 'Change Request'],
      [7, 'Alerts'],
    ]),
    serviceLevelAgreementID: sla,
    creatorType: list([
      [1, 'Resource', { system: true }],
      [2, 'Contact', { system: true }],
    ]),
    lastActivityPersonType: list([
      [1, 'Resource', { system: true }],
      [2, 'Contact', { system: true }],
    ]),
  },
  TicketNotes: {
    noteType: list([
      [1, 'Task Summary', { def: true }],
      [2, 'Task Detail'],
      [3, 'Task Notes'],
      [13, 'Internal Notes'],
      [18, 'Alert Note'],
    ]),
    publish: list([
      [1, 'All Autotask Users', { def: true }],
      [2, 'Internal Only'],
      [4, 'Internal & Co-Managed'],
    ]),
  },
  Companies: {
    companyType: list([
      [1, 'Customer', { def: true, system: true }],
      [2, 'Lead', { system: true }],
      [3, 'Prospect', { system: true }],
      [4, 'Dead', { system: true }],
      [6, 'Cancellation', { system: true }],
      [7, 'Vendor', { system: true }],
      [8, 'Partner', { system: true }],
    ]),
    classification: list([
      [1, 'Gold'],
      [2, 'Silver'],
      [3, 'Bronze'],
      [4, 'Platinum (old)', { inactive: true }],
    ]),
    marketSegmentID: list([
      [1, 'Healthcare'],
      [2, 'Legal'],
      [3, 'Manufacturing'],
      [4, 'Education'],
      [5, 'Retail'],
      [6, 'Financial Services'],
    ]),
    territoryID: list([
      [1, 'North'],
      [2, 'South'],
      [3, 'East'],
      [4, 'West'],
    ]),
    countryID: countries,
    billToAddressToUse: list([
      [1, 'Use Company Address', { def: true }],
      [2, 'Use Bill To Address'],
    ]),
    invoiceMethod: list([
      [1, 'E-mail', { def: true }],
      [2, 'Mail'],
    ]),
  },
  Contacts: {
    namePrefix: list([
      [1, 'Mr.'],
      [2, 'Mrs.'],
      [3, 'Ms.'],
      [4, 'Dr.'],
    ]),
    nameSuffix: list([
      [1, 'Jr.'],
      [2, 'Sr.'],
      [3, 'III'],
    ]),
    countryID: countries,
  },
  Contracts: {
    contractType: list([
      [1, 'Time and Materials'],
      [3, 'Fixed Price'],
      [4, 'Block Hours'],
      [6, 'Retainer'],
      [7, 'Recurring Service', { def: true }],
      [8, 'Per Ticket'],
    ]),
    status: list([
      [0, 'Inactive'],
      [1, 'Active', { def: true }],
    ]),
    contractCategory: list([
      [1, 'Managed Services', { def: true }],
      [2, 'Break/Fix'],
      [3, 'Backup & Recovery'],
      [4, 'Licensing'],
    ]),
    contractPeriodType: periods.filter((p) => p.value !== '5'),
    billingPreference: list([
      [1, 'Manual'],
      [2, 'Immediately', { def: true }],
      [3, 'Timesheet Approval'],
    ]),
    serviceLevelAgreementID: sla,
    timeReportingRequiresStartAndStopTimes: list([
      [0, 'No', { def: true }],
      [1, 'Yes'],
    ]),
  },
  Services: {
    periodType: periods,
    billingCodeID: list([
      [29682801, 'Recurring Services', { def: true }],
      [29682802, 'Managed Backup'],
      [29682803, 'Software Licensing'],
    ]),
  },
  Products: {
    periodType: periods,
    billingType: list([
      [1, 'One-Time', { def: true }],
      [2, 'Recurring'],
    ]),
    productCategory: list([
      [1, 'Hardware'],
      [2, 'Software'],
      [3, 'Cloud Backup'],
      [4, 'Licenses'],
      [5, 'Discontinued', { inactive: true }],
    ]),
    productBillingCodeID: list([
      [29682810, 'Hardware Sales', { def: true }],
      [29682811, 'Software Sales'],
      [29682812, 'Backup Storage'],
      [29682813, 'Old Billing Code', { inactive: true }],
    ]),
    priceCostMethod: list([
      [1, 'Standard', { def: true }],
      [2, 'Markup'],
    ]),
  },
  ConfigurationItems: {
    configurationItemType: list([
      [1, 'Workstation'],
      [2, 'Server'],
      [3, 'Network Device'],
      [4, 'Backup Appliance'],
      [5, 'Cloud Tenant'],
    ]),
    configurationItemCategoryID: list([
      [1, 'Default', { def: true }],
      [2, 'RMM Devices'],
      [3, 'Backup'],
    ]),
  },
  Resources: {
    licenseType: list([
      [1, 'Full'],
      [2, 'Time & Attendance'],
      [3, 'Dashboard'],
      [7, 'API User'],
    ]),
    userType: list([
      [1, 'Administrator'],
      [2, 'Technician'],
      [3, 'Dispatcher'],
      [17, 'API User (system)'],
    ]),
    payrollType: list([
      [1, 'Salary'],
      [2, 'Hourly'],
    ]),
    locationID: list([
      [1, 'Head Office'],
      [2, 'Branch Office'],
    ]),
    greeting: list([
      [1, 'Mr.'],
      [2, 'Ms.'],
    ]),
    suffix: list([[1, 'Jr.']]),
  },
};

const udfList = (items: [string, string][]): PickListValue[] => list(items.map(([v, l]) => [v, l]));

export const udfs: Record<string, UdfDef[]> = {
  Companies: [
    { name: 'Number of Employees', type: 'integer' },
    {
      name: 'CustomerRanking',
      label: 'Customer Ranking',
      type: 'string',
      length: 100,
      isPickList: true,
      picklistValues: udfList([
        ['Golden', 'Golden'],
        ['Silver', 'Silver'],
        ['not Golden', 'not Golden'],
      ]),
    },
    { name: 'N-central Customer ID', type: 'string', length: 50 },
    // Where a backup vendor's statistics go (psa-hub's company custom fields), and an inactive one.
    { name: 'Backup: protected items', type: 'integer' },
    { name: 'Backup: storage GB', type: 'decimal' },
    { name: 'Backup: last success', type: 'datetime' },
    { name: 'Backup: legacy agent', type: 'string', length: 100, isActive: false },
  ],
  Tickets: [
    {
      name: 'FR Result',
      type: 'string',
      length: 8000,
      isPickList: true,
      picklistValues: udfList([
        ['Allocated', 'Allocated'],
        ['Not Allocated', 'Not Allocated'],
      ]),
    },
    { name: 'External Alert ID', type: 'string', length: 100 },
  ],
  ConfigurationItems: [{ name: 'N-central Device ID', type: 'string', length: 50 }],
};
