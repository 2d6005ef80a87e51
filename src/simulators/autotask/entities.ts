// The simulated entities: the Swagger's property lists (spec-fields.ts, generated) overlaid with
// what the Swagger lacks — required, read-only, lengths, picklists and references — taken from the
// live `entityInformation/fields` capture and entity pages the reference cites (§3, §4.3–4.6), and
// which verbs and URLs exist (SPEC paths, reference §4.2).
import type { DataType, EntityDef, FieldDef } from './model.ts';
import { specFields } from './spec-fields.ts';

interface Overlay {
  singular: string;
  required?: string[];
  readOnly?: string[];
  lengths?: Record<string, number>;
  picklists?: string[];
  picklistParents?: Record<string, string>;
  references?: Record<string, string>;
  notQueryable?: string[];
  /** Fields the entity pages document that the 2020 Swagger lacks. */
  extra?: [string, DataType][];
  verbs: Pick<
    EntityDef,
    'canCreate' | 'canUpdate' | 'canDelete' | 'canQuery' | 'topLevelCreate' | 'topLevelUpdate'
  >;
  parent?: EntityDef['parent'];
  getById?: boolean;
  updatableFields?: string[];
}

/** Unknown string lengths are reported (and enforced) as 255. */
const DEFAULT_STRING_LENGTH = 255;

const crud = {
  canCreate: true,
  canUpdate: true,
  canDelete: false,
  canQuery: true,
  topLevelCreate: true,
  topLevelUpdate: true,
};
const childCrud = { ...crud, topLevelCreate: false, topLevelUpdate: false };

const overlays: Record<string, Overlay> = {
  // Reference §4.6 (companyType 1 = Customer; Company id 0 is the tenant's own company).
  Companies: {
    singular: 'Company',
    verbs: crud,
    required: ['companyName', 'companyType', 'ownerResourceID', 'phone'],
    readOnly: [
      'createDate',
      'createdByResourceID',
      'lastActivityDate',
      'lastTrackedModifiedDateTime',
      'impersonatorCreatorResourceID',
      'apiVendorID',
      'surveyCompanyRating',
    ],
    lengths: {
      companyName: 100,
      companyNumber: 50,
      phone: 25,
      fax: 25,
      alternatePhone1: 25,
      alternatePhone2: 25,
      address1: 128,
      address2: 128,
      city: 30,
      state: 25,
      postalCode: 10,
      webAddress: 255,
      taxID: 50,
      sicCode: 32,
      stockMarket: 10,
      stockSymbol: 10,
      additionalAddressInformation: 100,
    },
    picklists: [
      'companyType',
      'classification',
      'marketSegmentID',
      'territoryID',
      'countryID',
      'billToAddressToUse',
      'invoiceMethod',
    ],
    references: { ownerResourceID: 'Resource', parentCompanyID: 'Company' },
  },
  // Reference §4.6: required companyID, firstName, lastName, isActive (integer 0/1); writes only under Companies.
  Contacts: {
    singular: 'Contact',
    verbs: { ...childCrud, canDelete: true },
    parent: { entity: 'Companies', childPath: 'Contacts', field: 'companyID' },
    required: ['companyID', 'firstName', 'lastName', 'isActive'],
    readOnly: [
      'createDate',
      'lastActivityDate',
      'lastModifiedDate',
      'impersonatorCreatorResourceID',
      'apiVendorID',
      'bulkEmailOptOutTime',
      'solicitationOptOutTime',
    ],
    lengths: {
      firstName: 50,
      lastName: 50,
      middleInitial: 2,
      title: 50,
      emailAddress: 254,
      emailAddress2: 254,
      emailAddress3: 254,
      phone: 25,
      mobilePhone: 25,
      alternatePhone: 25,
      faxNumber: 25,
      extension: 10,
      addressLine: 128,
      addressLine1: 128,
      city: 32,
      state: 40,
      zipCode: 16,
      note: 8000,
      externalID: 50,
      roomNumber: 50,
    },
    picklists: ['namePrefix', 'nameSuffix', 'countryID'],
    references: { companyID: 'Company' },
  },
  // Reference §4.3 (live metadata: required companyID, priority, status, title).
  Tickets: {
    singular: 'Ticket',
    verbs: crud,
    required: ['companyID', 'priority', 'status', 'title'],
    readOnly: [
      'createDate',
      'completedDate',
      'completedByResourceID',
      'creatorResourceID',
      'creatorType',
      'lastActivityDate',
      'lastActivityPersonType',
      'lastActivityResourceID',
      'lastTrackedModificationDateTime',
      'firstResponseDateTime',
      'firstResponseDueDateTime',
      'firstResponseAssignedResourceID',
      'firstResponseInitiatingResourceID',
      'resolvedDateTime',
      'resolvedDueDateTime',
      'resolutionPlanDateTime',
      'resolutionPlanDueDateTime',
      'serviceLevelAgreementHasBeenMet',
      'serviceLevelAgreementPausedNextEventHours',
      'impersonatorCreatorResourceID',
      'lastCustomerNotificationDateTime',
      'lastCustomerVisibleActivityDateTime',
      'apiVendorID',
      'currentServiceThermometerRating',
      'previousServiceThermometerRating',
      'serviceThermometerTemperature',
    ],
    lengths: {
      title: 255,
      description: 8000,
      resolution: 32000,
      externalID: 50,
      ticketNumber: 50,
      purchaseOrderNumber: 50,
      rmmAlertID: 50,
      changeInfoField1: 8000,
      changeInfoField2: 8000,
      changeInfoField3: 8000,
      changeInfoField4: 8000,
      changeInfoField5: 8000,
    },
    picklists: [
      'status',
      'priority',
      'queueID',
      'ticketType',
      'source',
      'issueType',
      'subIssueType',
      'ticketCategory',
      'serviceLevelAgreementID',
      'creatorType',
      'lastActivityPersonType',
    ],
    picklistParents: { subIssueType: 'issueType' },
    references: {
      companyID: 'Company',
      contactID: 'Contact',
      assignedResourceID: 'Resource',
      configurationItemID: 'ConfigurationItem',
      contractID: 'Contract',
      completedByResourceID: 'Resource',
      creatorResourceID: 'Resource',
    },
    notQueryable: ['creatorType', 'lastActivityPersonType', 'serviceLevelAgreementPausedNextEventHours'],
  },
  // Reference §4.4: child of Tickets (POST/PATCH/PUT Tickets/{id}/Notes), no delete.
  TicketNotes: {
    singular: 'TicketNote',
    verbs: childCrud,
    parent: { entity: 'Tickets', childPath: 'Notes', field: 'ticketID' },
    required: ['ticketID', 'description', 'noteType', 'publish'],
    readOnly: [
      'createDateTime',
      'creatorResourceID',
      'lastActivityDate',
      'impersonatorCreatorResourceID',
      'impersonatorUpdaterResourceID',
    ],
    lengths: { title: 250, description: 32000 },
    picklists: ['noteType', 'publish'],
    references: { ticketID: 'Ticket', creatorResourceID: 'Resource' },
  },
  Contracts: {
    singular: 'Contract',
    verbs: crud,
    required: ['companyID', 'contractName', 'contractType', 'startDate', 'endDate', 'status'],
    lengths: {
      contractName: 100,
      contractNumber: 50,
      description: 2000,
      purchaseOrderNumber: 50,
      contactName: 100,
    },
    picklists: [
      'contractType',
      'status',
      'contractCategory',
      'contractPeriodType',
      'billingPreference',
      'serviceLevelAgreementID',
      'timeReportingRequiresStartAndStopTimes',
    ],
    references: {
      companyID: 'Company',
      contactID: 'Contact',
      billToCompanyID: 'Company',
      billToCompanyContactID: 'Contact',
    },
  },
  // Reference §4.5: created under Contracts; on update only adjustedPrice / invoiceDescription are writable.
  ContractServices: {
    singular: 'ContractService',
    verbs: childCrud,
    parent: { entity: 'Contracts', childPath: 'Services', field: 'contractID' },
    required: ['contractID', 'serviceID', 'unitPrice'],
    readOnly: ['internalCurrencyAdjustedPrice', 'internalCurrencyUnitPrice'],
    lengths: { invoiceDescription: 1000, internalDescription: 1000 },
    references: { contractID: 'Contract', serviceID: 'Service' },
    extra: [['adjustedPrice', 'decimal']],
    updatableFields: ['adjustedPrice', 'invoiceDescription'],
    getById: true,
  },
  // Reference §4.5: read only; one row per billing period, split by adjustments.
  ContractServiceUnits: {
    singular: 'ContractServiceUnit',
    verbs: {
      canCreate: false,
      canUpdate: false,
      canDelete: false,
      canQuery: true,
      topLevelCreate: false,
      topLevelUpdate: false,
    },
    parent: { entity: 'Contracts', childPath: 'ServiceUnits', field: 'contractID' },
    references: { contractID: 'Contract', contractServiceID: 'ContractService', serviceID: 'Service' },
  },
  // Reference §4.5: create only, cannot be queried; either contractServiceID or contractID + serviceID.
  ContractServiceAdjustments: {
    singular: 'ContractServiceAdjustment',
    verbs: {
      canCreate: true,
      canUpdate: false,
      canDelete: false,
      canQuery: false,
      topLevelCreate: true,
      topLevelUpdate: false,
    },
    parent: { entity: 'Contracts', childPath: 'ServiceAdjustments', field: 'contractID' },
    required: ['effectiveDate', 'unitChange'],
    references: { contractID: 'Contract', serviceID: 'Service', contractServiceID: 'ContractService' },
    getById: false,
  },
  Services: {
    singular: 'Service',
    verbs: crud,
    required: ['name', 'periodType', 'unitPrice'],
    readOnly: ['createDate', 'creatorResourceID', 'lastModifiedDate', 'updateResourceID'],
    lengths: { name: 150, description: 400, invoiceDescription: 1000 },
    picklists: ['periodType', 'billingCodeID'],
    references: { vendorCompanyID: 'Company' },
    getById: true,
  },
  Products: {
    singular: 'Product',
    verbs: crud,
    required: ['name', 'productBillingCodeID'],
    readOnly: ['impersonatorCreatorResourceID'],
    lengths: {
      name: 100,
      description: 8000,
      sku: 50,
      manufacturerName: 100,
      manufacturerProductName: 100,
      vendorProductNumber: 50,
      externalProductID: 50,
      internalProductID: 100,
      link: 500,
    },
    picklists: ['periodType', 'billingType', 'productCategory', 'productBillingCodeID', 'priceCostMethod'],
    references: { defaultVendorID: 'Company' },
  },
  ConfigurationItems: {
    singular: 'ConfigurationItem',
    verbs: crud,
    required: ['companyID', 'productID', 'isActive'],
    lengths: { referenceTitle: 200, referenceNumber: 50, serialNumber: 100, notes: 5000 },
    picklists: ['configurationItemType', 'configurationItemCategoryID'],
    references: { companyID: 'Company', productID: 'Product', contractID: 'Contract', contactID: 'Contact' },
  },
  // Reference §4.6: Resources cannot be created through the API; PATCH/PUT only.
  Resources: {
    singular: 'Resource',
    verbs: {
      canCreate: false,
      canUpdate: true,
      canDelete: false,
      canQuery: true,
      topLevelCreate: false,
      topLevelUpdate: true,
    },
    required: [
      'email',
      'emailTypeCode',
      'firstName',
      'lastName',
      'hireDate',
      'isActive',
      'licenseType',
      'locationID',
      'numberFormat',
      'payrollType',
      'resourceType',
      'userName',
      'userType',
    ],
    lengths: {
      firstName: 50,
      lastName: 50,
      middleName: 50,
      email: 254,
      email2: 254,
      email3: 254,
      userName: 32,
      title: 50,
      officePhone: 25,
      mobilePhone: 25,
      homePhone: 25,
      initials: 3,
    },
    picklists: ['licenseType', 'userType', 'payrollType', 'locationID', 'greeting', 'suffix'],
  },
};

function buildEntity(name: string, o: Overlay): EntityDef {
  const spec = specFields[name];
  if (!spec) throw new Error(`no Swagger fields for ${name}`);
  const all = [...spec, ...(o.extra ?? [])];
  const fields: FieldDef[] = all.map(([field, dataType]) => ({
    name: field,
    dataType,
    length: dataType === 'string' ? (o.lengths?.[field] ?? DEFAULT_STRING_LENGTH) : 0,
    isRequired: field === 'id' || (o.required?.includes(field) ?? false),
    isReadOnly:
      field === 'id' ||
      (o.readOnly?.includes(field) ?? false) ||
      (!o.verbs.canCreate && !o.verbs.canUpdate && name === 'ContractServiceUnits'),
    isQueryable: !(o.notQueryable?.includes(field) ?? false),
    referenceEntityType: o.references?.[field] ?? '',
    isPickList: o.picklists?.includes(field) ?? false,
    picklistParentValueField: o.picklistParents?.[field] ?? '',
  }));
  return {
    name,
    singular: o.singular,
    fields,
    ...o.verbs,
    parent: o.parent,
    getById: o.getById ?? true,
    updatableFields: o.updatableFields,
  };
}

export const entityDefs: readonly EntityDef[] = Object.entries(overlays).map(([n, o]) => buildEntity(n, o));

const byLower = new Map(entityDefs.map((e) => [e.name.toLowerCase(), e]));

/** The entity named by a URL segment (case-insensitive, reference §1.1). */
export function entityByName(name: string): EntityDef | undefined {
  return byLower.get(name.toLowerCase());
}

/** The child entity reached as `/{parent}/{id}/{childPath}`. */
export function childEntity(parent: EntityDef, childPath: string): EntityDef | undefined {
  const lower = childPath.toLowerCase();
  return entityDefs.find(
    (e) => e.parent?.entity === parent.name && e.parent.childPath.toLowerCase() === lower,
  );
}

/** Table name for a `referenceEntityType`. */
export function tableForReference(ref: string): string | undefined {
  return entityDefs.find((e) => e.singular === ref)?.name;
}

/** Case-insensitive field lookup (reference §2.2: field names in filters and bodies). */
export function fieldByName(entity: EntityDef, name: string): FieldDef | undefined {
  const lower = name.toLowerCase();
  return entity.fields.find((f) => f.name.toLowerCase() === lower);
}
