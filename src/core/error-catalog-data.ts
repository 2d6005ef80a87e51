// The default error catalog: what each failure means and what a technician can do about it, by alert
// condition × error class. Drawn from the error-description table of NinjaOne SaaS Backup's PSA
// Integration Hub article (../shared/seeds/000_47dae7147ed47d52.txt, "What do error descriptions in a
// service ticket mean?"): the titles keep that table's wording, so a technician who knows those tickets
// recognises them; explanations keep its meaning in our words; the seed gives no next steps, so the
// actions are ours. Family entries (`backup.*`, `auth.*`) and the catch-all (`*`) cover conditions
// the table does not name. `{what}` / `{What}` stand for the condition's subject ("email",
// "OneDrive", …), `{condition}` for the condition as sent. The token conditions (`auth.*`) take
// class `*`: whatever the code, the failure of such a condition is its token's.
import type { CatalogEntry } from './error-catalog.ts';

const badUserData =
  'the UPN may be invalid (a renamed or removed user), the credentials may not belong together, or ' +
  "the user's permission to sign in was revoked";

const reauthorize =
  "Check that the user's UPN is still right and the account is active and allowed to sign in, then " +
  'authorize the backup again from the vendor portal.';

const transient =
  'The backup retries on its next run, so a single failure usually clears by itself. If it keeps ' +
  'failing for a day, check the mail service status and that the mailbox still exists, then contact ' +
  "the vendor's support.";

const googleServiceOff =
  'In the Google Workspace Admin console, check that the user is active and that the service is on ' +
  "for the user's organizational unit. If the user has left, exclude them from the backup.";

/** One condition's "unable to connect to the mail server" row. */
function mailServer(condition: string, title: string, items: string): CatalogEntry {
  return {
    condition,
    errorClass: 'cannot_connect',
    title,
    explanation: `The backup could not connect to the mail server to read all the ${items} the user owns.`,
    action: transient,
  };
}

/** One condition's "authentication error" row. */
function authError(condition: string, title: string, what: string): CatalogEntry {
  return {
    condition,
    errorClass: 'authentication',
    title,
    explanation: `The ${what} failed because the user data it signs in with does not fit together: ${badUserData}.`,
    action: reauthorize,
  };
}

export const defaultCatalogEntries: readonly CatalogEntry[] = [
  // ── Rows of the seed table ──────────────────────────────────────────────────────────────────────
  {
    condition: 'backup.email',
    errorClass: '*',
    title: 'Email backup has failed',
    explanation:
      'The email backup stopped on one of several kinds of error: it could not connect, it could not ' +
      'authenticate, the backup infrastructure failed, or the backup software hit a defect.',
    action:
      'Open the backup in the vendor portal to see which error it was. Grant the credentials or ' +
      'consent again if they changed; connection and infrastructure errors usually clear on the next ' +
      "run — contact the vendor's support if they do not.",
  },
  {
    condition: 'backup.onedrive',
    errorClass: 'cannot_connect',
    title: 'OneDrive backup failed. Unable to connect to the mail server',
    explanation:
      'Downloading an item or calling Microsoft Graph failed with 404 (the file was not found), 429 ' +
      '(Microsoft throttled the requests), 503 (the Microsoft service is down), a connection reset by ' +
      "the peer, or a timeout on the vendor's machines or network.",
    action:
      'The backup retries on its next run, so this usually clears by itself. If it keeps failing for a ' +
      'day, check the Microsoft 365 service health and that the files still exist, then contact the ' +
      "vendor's support.",
  },
  {
    condition: 'backup.onedrive',
    errorClass: 'authentication',
    title: 'OneDrive backup failed. Authentication error',
    explanation:
      'Microsoft Graph refused a download or request with 400 (the request lacked parameters or data), ' +
      '401 (a permission of the user or account is missing) or 403 (no access to the file, or a scope ' +
      'or file permission is missing).',
    action:
      'Check in Microsoft Entra ID that the backup app still has its consent and permissions, and that ' +
      "the user's account is active and licensed; grant the consent again from the vendor portal if it " +
      'was revoked.',
  },
  {
    condition: 'auth.main_app_token',
    errorClass: '*',
    title: 'Main App (Global Admin) token authorization error was detected',
    explanation:
      'The main app configuration could not be authorized, so the backup cannot call the provider APIs. ' +
      'The app may have been deleted or its permissions revoked, the UPN may be invalid, the credentials ' +
      'may not belong together, or the permission to sign in was revoked.',
    action:
      'Sign in to the vendor portal as a Global Admin and authorize the main app again. Check that the ' +
      'app still exists in the tenant and that its permissions were not revoked.',
    resolved:
      'The main app was authorized again and obtained a new token, so the backups continue ' +
      '("Main App (Global Admin) token authorization error is resolved").',
  },
  {
    condition: 'auth.device_token',
    errorClass: '*',
    title: 'Device token authorization error was detected',
    explanation:
      'An authentication or authorization used a device token that was invalid, expired, revoked or not ' +
      'properly formatted. The device token is the first step of the OAuth flows behind every sign-in, ' +
      'so the sign-ins that depend on it fail.',
    action:
      'Start the device sign-in again from the vendor portal to obtain a fresh token. If it fails again, ' +
      'check that the account is not blocked from signing in.',
    resolved: 'A valid device token was obtained again, so sign-ins work.',
  },
  {
    condition: 'auth.delegated_token',
    errorClass: '*',
    title: 'Delegated token authorization error was detected',
    explanation:
      'A delegated token lets the app act for a user who signed in and consented (as in Microsoft Graph ' +
      'or OAuth 2.0); it carries that user’s identity and permissions. The user did not grant a ' +
      'permission the app asked for, so the token lacks it.',
    action:
      'Have the user (or an administrator, with admin consent) sign in again through the vendor portal ' +
      'and accept every requested permission.',
    resolved: 'The requested permissions were granted and the delegated token works again.',
  },
  mailServer('backup.tasks', 'Backup tasks fail. Unable to connect to the mail server', 'tasks'),
  {
    condition: 'backup.tasks',
    errorClass: 'throttled',
    title: 'Backup tasks fail. Unable to connect to GWS API due to per-day throttling',
    explanation:
      'Google Workspace allows the Google Tasks API only so many calls a day, and the task backup reached ' +
      `that limit. It can also show when the user data does not fit together: ${badUserData}.`,
    action:
      'Nothing to do at once: the daily quota resets (at midnight Pacific Time) and the backup resumes. ' +
      "If it happens every day, check the user's UPN and credentials and ask the vendor about the quota.",
  },
  authError('backup.tasks', 'Backup tasks fail. Authentication error', 'task backup'),
  mailServer('backup.contacts', 'Backup contacts fail. Unable to connect to the mail server', 'contacts'),
  authError('backup.contacts', 'Backup contacts fail. Authentication error', 'contact backup'),
  {
    condition: 'backup.contacts',
    errorClass: 'service_disabled',
    title: 'Backup contacts fail. GWS API connection error',
    explanation:
      'The email account that owns the contacts is inactive, or the Contacts service is turned off in ' +
      'the Google Workspace Admin console.',
    action: googleServiceOff,
  },
  mailServer('backup.calendar', 'Backup calendars fail. Unable to connect to the mail server', 'calendars'),
  authError('backup.calendar', 'Backup calendars fail. Authentication error', 'calendar backup'),
  {
    condition: 'backup.calendar',
    errorClass: 'service_disabled',
    title: 'Backup calendars fail. GWS API connection error',
    explanation:
      'The email account that owns the calendar is inactive, or the Calendar service is turned off in ' +
      'the Google Workspace Admin console.',
    action: googleServiceOff,
  },
  authError('archive', 'Archive fail. Authentication error', 'archive'),

  // ── Families: conditions of a known kind that the table does not name ──────────────────────────
  {
    condition: 'backup.*',
    errorClass: 'cannot_connect',
    title: 'Backup of {what} failed. Unable to connect to the service',
    explanation:
      'The backup could not reach the service that holds the {what}: it was throttled, the service was ' +
      'down, the connection was reset, or the request timed out.',
    action: transient,
  },
  {
    condition: 'backup.*',
    errorClass: 'authentication',
    title: 'Backup of {what} failed. Authentication error',
    explanation: `The service refused the backup's sign-in or a permission it needs: ${badUserData}.`,
    action: reauthorize,
  },
  {
    condition: 'backup.*',
    errorClass: 'throttled',
    title: 'Backup of {what} failed. Daily API limit reached',
    explanation:
      'The service allows only so many API calls a day, and the backup of {what} reached that limit.',
    action:
      'Nothing to do at once: the quota resets daily and the backup resumes. If it happens every day, ask ' +
      'the vendor about the quota.',
  },
  {
    condition: 'backup.*',
    errorClass: 'token',
    title: 'Backup of {what} failed. Token authorization error',
    explanation: 'The token the backup signs in with is invalid, expired, revoked, or lacks a permission.',
    action: 'Authorize the backup again from the vendor portal and accept every requested permission.',
  },
  {
    condition: 'backup.*',
    errorClass: 'service_disabled',
    title: 'Backup of {what} failed. API connection error',
    explanation:
      'The account that owns the {what} is inactive, or the service is turned off for it in the ' +
      "provider's admin console.",
    action: googleServiceOff,
  },
  {
    condition: 'backup.*',
    errorClass: '*',
    title: 'Backup of {what} has failed',
    explanation: 'The backup of {what} did not complete.',
    action:
      "Open the backup in the vendor portal to see the error. Contact the vendor's support if it keeps " +
      'failing.',
  },
  {
    condition: 'auth.*',
    errorClass: '*',
    title: '{What} authorization error was detected',
    explanation:
      'The {what} could not be authorized: it is invalid, expired or revoked, or a permission it needs ' +
      'was not granted.',
    action: 'Authorize again from the vendor portal and accept every requested permission.',
    resolved: 'The {what} works again.',
  },

  // ── Any condition ──────────────────────────────────────────────────────────────────────────────
  {
    condition: '*',
    errorClass: 'throttled',
    title: '{What} failing: API limit reached',
    explanation: 'The service behind {what} refused further calls for now because a quota was used up.',
    action:
      'Nothing to do at once: the quota resets and the work resumes. Ask the vendor if it recurs daily.',
  },
  {
    condition: '*',
    errorClass: '*',
    title: '{What} failing',
    explanation: 'The vendor reports that {what} ({condition}) is failing.',
    action:
      'Open the vendor portal for the details of the failure. The vendor can describe this condition in ' +
      "the hub's error catalog so that the next ticket says more.",
  },
];
