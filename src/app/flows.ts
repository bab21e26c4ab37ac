import { federationService, type FederationService, type FederationState } from '../flows/federation/service.ts';
import { forgotAccountService, type ForgotAccountService } from '../flows/forgot-account/service.ts';
import { flowStore } from '../flows/kit/flow-store.ts';
import { authenticator, type Authenticate } from '../flows/login/service.ts';
import type { RegistrationState } from '../flows/registration/flow.ts';
import { registrationPages } from '../flows/registration/pages.ts';
import { registrationPrefill, type RegistrationPrefill } from '../flows/registration/report.ts';
import { contactService, type ContactService } from '../flows/contact/service.ts';
import { registrationService, type RegistrationService } from '../flows/registration/service.ts';
import { verifyLimit } from '../flows/registration/verify-limit.ts';
import type { RecoveryState } from '../flows/recovery/flow.ts';
import { recoveryService, type RecoveryService } from '../flows/recovery/service.ts';
import { codeMethod } from '../methods/code.ts';
import { countyMethod } from '../methods/county.ts';
import { countyClient, FEDERATION_CALLBACK_PATH } from '../methods/county-client.ts';
import { sourceDataMethod } from '../methods/source-data.ts';
import { schoolTransferService, type SchoolTransferService } from '../flows/school-transfer/service.ts';
import { changePasswordService, type ChangePasswordService } from '../flows/change-password/service.ts';
import { firstPasswordService, type FirstPasswordService } from '../flows/first-password/service.ts';
import { sessionsService, type SessionsService } from '../flows/sessions/service.ts';
import type { Services } from './compose.ts';
import type { ContactsState } from '../flows/contacts/flow.ts';
import { contactsService, type ContactsService } from '../flows/contacts/service.ts';
import { totpMethod } from '../methods/totp.ts';
import type { BindingState } from '../flows/two-factor/flow.ts';
import { twoFactorService, type TwoFactorService } from '../flows/two-factor/service.ts';
import type { PendingSignIn } from '../flows/second-factor/flow.ts';
import { secondFactorService, type SecondFactorService } from '../flows/second-factor/service.ts';
import type { PasskeyChallenge } from '../flows/passkeys/flow.ts';
import { passkeyService, type PasskeyService } from '../flows/passkeys/service.ts';
import { reauthService, type ReauthService } from '../flows/reauth/service.ts';
import { passkeyMethod as makePasskeyMethod, PASSKEY_CHALLENGE_SECONDS, type PasskeyMethod } from '../methods/passkey.ts';

const REGISTRATION_TTL_SECONDS = 30 * 60;
const FEDERATION_TTL_SECONDS = 10 * 60;
const RECOVERY_TTL_SECONDS = 20 * 60;

export interface Flows {
  authenticate: Authenticate;
  registration: RegistrationService;
  registrationPrefill: RegistrationPrefill;
  federation: FederationService;
  recovery: RecoveryService;
  forgotAccount: ForgotAccountService;
  contact: ContactService;
  schoolTransfer: SchoolTransferService;
  contacts: ContactsService;
  changePassword: ChangePasswordService;
  /** The new password an account provisioned with an initial one (students) sets at first sign-in. */
  firstPassword: FirstPasswordService;
  sessions: SessionsService;
  twoFactor: TwoFactorService;
  secondFactor: SecondFactorService;
  passkeys: PasskeyService;
  /** Passkeys as a second factor: `hasPasskeys`, `authenticationOptions(accountId)`, `verifyAuthentication(r, challenge, accountId)`. */
  passkeyMethod: PasskeyMethod;
  /** The password asked again before a sensitive change (`/account/confirm`). */
  reauth: ReauthService;
}

/** The self-service flows over the shared services: methods first, then the flows that use them. */
export function composeFlows(s: Services, hooks: { kickDelivery?: () => void } = {}): Flows {
  const { settings, store } = s;
  const redirectUri = `${settings.issuer}${FEDERATION_CALLBACK_PATH}`;
  const authenticate = authenticator({ accounts: s.accounts, audit: s.audit, signIns: store.signIns, limits: s.rateLimits, captcha: s.captcha, accountDomain: settings.accountDomain });
  const codes = codeMethod(store, hooks);
  const county = countyMethod({
    providers: s.countyProviders,
    client: countyClient(redirectUri, { allowHttp: !settings.production }),
    identities: store.countyIdentities,
    accounts: store.accounts,
    pii: s.pii,
    audit: store.audit,
    redirectUri,
  });
  const registrationFlows = flowStore<RegistrationState>(store.flows, 'registration', REGISTRATION_TTL_SECONDS);
  const pages = registrationPages({ directory: store.directory, providers: s.countyProviders, captcha: s.captcha, pii: s.pii, accountDomain: settings.accountDomain, verifyMobile: settings.registrationVerifyMobile });
  const registration = registrationService({
    store,
    flows: registrationFlows,
    pages,
    pii: s.pii,
    captcha: s.captcha,
    codes,
    sourceData: sourceDataMethod({ people: store.sourcePeople, pii: s.pii }),
    verifyLimit: verifyLimit(s.rateLimits),
    verifyMobile: settings.registrationVerifyMobile,
  });
  const federation = federationService({
    store,
    flows: flowStore<FederationState>(store.flows, 'federation', FEDERATION_TTL_SECONDS),
    county,
    registration,
    authenticate,
    captcha: s.captcha,
    pii: s.pii,
  });
  const recovery = recoveryService({ store, flows: flowStore<RecoveryState>(store.flows, 'recovery', RECOVERY_TTL_SECONDS), captcha: s.captcha, codes, limits: s.rateLimits, pii: s.pii, accountDomain: settings.accountDomain });
  const forgotAccount = forgotAccountService({ store, pii: s.pii, captcha: s.captcha, limits: s.rateLimits, display: settings.accountLookupDisplay, kickDelivery: hooks.kickDelivery });
  const contact = contactService({ store, pii: s.pii, captcha: s.captcha, limits: s.rateLimits, helpdeskEmail: settings.helpdeskEmail, kickDelivery: hooks.kickDelivery });
  const prefill = registrationPrefill({ store, flows: registrationFlows, pii: s.pii });
  const schoolTransfer = schoolTransferService({ store, pii: s.pii, sourceData: sourceDataMethod({ people: store.sourcePeople, pii: s.pii }), limits: s.rateLimits });
  const contacts = contactsService({ store, flows: flowStore<ContactsState>(store.flows, 'contacts', 20 * 60), codes, limits: s.rateLimits, kickDelivery: hooks.kickDelivery });
  const changePassword = changePasswordService({ store, limits: s.rateLimits, pii: s.pii, kickDelivery: hooks.kickDelivery });
  const totp = totpMethod({ twoFactor: store.twoFactor, pii: s.pii, limits: s.rateLimits, audit: store.audit });
  const twoFactor = twoFactorService({ store, flows: flowStore<BindingState>(store.flows, 'two-factor', 30 * 60), totp, pii: s.pii, limits: s.rateLimits, kickDelivery: hooks.kickDelivery });
  const secondFactor = secondFactorService({ store, flows: flowStore<PendingSignIn>(store.flows, 'second-factor', 10 * 60), totp });
  const passkeyMethod = makePasskeyMethod({ passkeys: store.passkeys, issuer: settings.issuer });
  const passkeys = passkeyService({ store, method: passkeyMethod, flows: flowStore<PasskeyChallenge>(store.flows, 'passkey', PASSKEY_CHALLENGE_SECONDS), limits: s.rateLimits, kickDelivery: hooks.kickDelivery });
  return { authenticate, registration, registrationPrefill: prefill, federation, recovery, forgotAccount, contact, schoolTransfer, contacts, changePassword, firstPassword: firstPasswordService({ store, limits: s.rateLimits, pii: s.pii }), sessions: sessionsService({ store }), twoFactor, secondFactor, passkeys, passkeyMethod, reauth: reauthService({ store, limits: s.rateLimits, totp }) };
}
