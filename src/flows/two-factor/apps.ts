/** Authenticator apps offered at 「下一步」 of 壹拾 step 4: each system's store page. */
export const authenticatorApps = [
  { system: 'ios', store: 'ios', app: 'Google Authenticator', url: 'https://apps.apple.com/app/google-authenticator/id388497605' },
  { system: 'ios', store: 'ios', app: 'Microsoft Authenticator', url: 'https://apps.apple.com/app/microsoft-authenticator/id983156458' },
  { system: 'android', store: 'android', app: 'Google Authenticator', url: 'https://play.google.com/store/apps/details?id=com.google.android.apps.authenticator2' },
  { system: 'android', store: 'android', app: 'Microsoft Authenticator', url: 'https://play.google.com/store/apps/details?id=com.azure.authenticator' },
] as const;
export type AuthenticatorApp = (typeof authenticatorApps)[number];
export const systems = ['ios', 'android'] as const;
