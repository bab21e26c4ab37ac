import type Provider from 'oidc-provider';
import { DEMO_CLIENT_ID, DEMO_SCOPES } from '../demo/demo-rp.ts';
import { addClient } from '../oidc/client-registry.ts';
import { hashPassword } from '../security/password.ts';
import type { Services } from '../app/compose.ts';
import { sealPeople } from '../source-data/import.ts';
import { totpStep } from '../methods/totp.ts';

export { demoAccounts, demoAdmins, demoMovedPeople, demoSourcePeople, DEMO_ADMIN_TOTP_SECRET } from './demo-data.ts';
import { demoAccounts, demoAdmins, demoMovedPeople, demoSourcePeople, DEMO_ADMIN_TOTP_SECRET } from './demo-data.ts';

/** Idempotent: demo accounts and the demo application, created only when missing. */
export async function seedDemo(s: Services, provider: Provider): Promise<void> {
  for (const d of demoAccounts) {
    if (await s.accounts.findByUsername(d.username)) continue;
    const passwordHash = await hashPassword(d.password);
    await s.store.transaction(async ({ accounts }) => {
      const person = 'idNumber' in d ? { personIdHash: s.pii.idHash(d.idNumber), personIdSealed: s.pii.seal(d.idNumber) } : {};
      const account = await accounts.create({ ...d, ...person, passwordHash, emailVerified: true });
      await accounts.setAffiliation(account.id, { ...d.affiliation, titles: [...d.affiliation.titles], classes: [...d.affiliation.classes] });
    });
  }
  if (!s.settings.production) await seedDemoAdmins(s);
  await s.store.sourcePeople.upsert(sealPeople(s.pii, [...demoSourcePeople, ...demoMovedPeople].map((p, i) => ({ ...p, line: i + 2, titles: [...p.titles], classes: [...p.classes] }))));
  const issuer = s.settings.issuer;
  const existing = await s.clients.find(DEMO_CLIENT_ID);
  // ISSUER changed since the demo application was registered: register it again at the new address.
  if (existing && !(existing.metadata.redirect_uris as string[]).includes(`${issuer}/demo/callback`)) {
    await s.clients.remove(DEMO_CLIENT_ID);
  }
  if (!existing || !(existing.metadata.redirect_uris as string[]).includes(`${issuer}/demo/callback`)) {
    await addClient(
      s.clients,
      {
        clientId: DEMO_CLIENT_ID,
        name: '示範應用服務 Demo App',
        redirectUris: [`${issuer}/demo/callback`],
        postLogoutRedirectUris: [`${issuer}/demo`],
        homeUrl: `${issuer}/demo/login`,
        public: true,
        scopes: `${DEMO_SCOPES} offline_access`,
      },
      (m) => provider.Client.validate(m),
    );
  }
}

/** demo.admin and demo.helpdesk: two-factor on with the demo's fixed secret, and their role (idempotent). */
async function seedDemoAdmins(s: Services): Promise<void> {
  for (const d of demoAdmins) {
    if (!(await s.accounts.findByUsername(d.username))) {
      const passwordHash = await hashPassword(d.password);
      await s.store.transaction(async ({ accounts, twoFactor }) => {
        const account = await accounts.create({ username: d.username, displayName: d.displayName, email: d.email, passwordHash, emailVerified: true });
        await twoFactor.bind(account.id, s.pii.seal(DEMO_ADMIN_TOTP_SECRET), totpStep() - 2);
        await twoFactor.enable(account.id, []);
      });
    }
    await s.roleAdmin.grant({ account: d.username, role: d.role });
  }
}
