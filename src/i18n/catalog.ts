import { contactMessages } from './catalog/contact.ts';
import { consoleMessages } from './catalog/console.ts';
import { contactsMessages } from './catalog/contacts.ts';
import { schoolTransferMessages } from './catalog/school-transfer.ts';
import { passwordMessages } from './catalog/password.ts';
import { authorizationsMessages } from './catalog/authorizations.ts';
import { twoFactorMessages } from './catalog/two-factor.ts';
import { passkeyMessages } from './catalog/passkeys.ts';
import { reauthMessages } from './catalog/reauth.ts';
import { domainMessages } from './catalog/domain.ts';
import { federationMessages } from './catalog/federation.ts';
import { notifyMessages } from './catalog/notify.ts';
import { pageMessages } from './catalog/pages.ts';
import { registrationMessages } from './catalog/registration.ts';
import { recoveryMessages } from './catalog/recovery.ts';
import { adminMessages } from './catalog/admin.ts';
import { adminHelpdeskMessages } from './catalog/admin-helpdesk.ts';
import { adminDirectoryMessages } from './catalog/admin-directory.ts';
import { adminStudentsMessages } from './catalog/admin-students.ts';
import { firstPasswordMessages } from './catalog/first-password.ts';
import { adminAppsMessages } from './catalog/admin-apps.ts';
import { adminOverviewMessages } from './catalog/admin-overview.ts';
import type { Text } from './catalog/texts.ts';
import { uiMessages } from './catalog/ui.ts';

/** The one message catalog: every text the service shows, mails or texts, in zh-TW and English. */
export const catalog = { ...domainMessages, ...uiMessages, ...registrationMessages, ...federationMessages, ...notifyMessages, ...pageMessages, ...recoveryMessages, ...contactMessages,
  ...consoleMessages,
  ...contactsMessages,
  ...schoolTransferMessages,
  ...passwordMessages,
  ...authorizationsMessages,
  ...twoFactorMessages,
  ...passkeyMessages,
  ...reauthMessages,
  ...adminMessages,
  ...adminHelpdeskMessages,
  ...adminDirectoryMessages,
  ...adminStudentsMessages,
  ...firstPasswordMessages,
  ...adminAppsMessages,
  ...adminOverviewMessages,
};

export type MessageKey = keyof typeof catalog;
export type { Text };

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(catalog, key);
