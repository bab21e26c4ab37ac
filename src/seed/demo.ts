import type Provider from 'oidc-provider';
import { DEMO_CLIENT_ID, DEMO_SCOPES } from '../demo/demo-rp.ts';
import { addClient } from '../oidc/client-registry.ts';
import { hashPassword } from '../security/password.ts';
import type { Services } from '../app/compose.ts';
import { sealPeople } from '../source-data/import.ts';

/** Demo accounts printed at start outside production; the passwords follow the password rules. */
export const demoAccounts = [
  {
    username: 'demo.teacher',
    password: 'Teach#2026sso',
    displayName: '王小明',
    email: 'demo.teacher@example.edu.tw',
    mobile: '0912345678',
    affiliation: {
      schoolCode: '094601',
      identity: '教師',
      titles: ['教師', '導師'],
      classes: [{ year: '114', semester: '1', grade: '3', classno: '301', classtitle: '三年一班' }],
    },
  },
  {
    username: 'demo.staff',
    password: 'Staff#2026sso',
    displayName: '林美華',
    email: 'demo.staff@example.edu.tw',
    mobile: '0923456789',
    affiliation: { schoolCode: '313601', identity: '職員', titles: ['幹事'], classes: [] },
  },
] as const;

/** People in the demo source data (來源資料) without an account yet: try registering as one of them. */
export const demoSourcePeople = [
  { schoolCode: '094601', idNumber: 'P223456783', name: '陳怡君', birthday: '1985-03-07', identity: '教師', titles: ['教師', '導師'], classes: [{ year: '114', semester: '1', grade: '5', classno: '502', classtitle: '五年二班' }] },
  { schoolCode: '094601', idNumber: 'P123456781', name: '張志明', birthday: '1979-11-20', identity: '教師', titles: ['教師', '教務主任'], classes: [] },
  { schoolCode: '313601', idNumber: 'A234567893', name: '李淑芬', birthday: '1990-06-15', identity: '職員', titles: ['幹事'], classes: [] },
] as const;

/** Idempotent: demo accounts and the demo application, created only when missing. */
export async function seedDemo(s: Services, provider: Provider): Promise<void> {
  for (const d of demoAccounts) {
    if (await s.accounts.findByUsername(d.username)) continue;
    const passwordHash = await hashPassword(d.password);
    await s.store.transaction(async ({ accounts }) => {
      const account = await accounts.create({ ...d, passwordHash, emailVerified: true });
      await accounts.setAffiliation(account.id, { ...d.affiliation, titles: [...d.affiliation.titles], classes: [...d.affiliation.classes] });
    });
  }
  await s.store.sourcePeople.upsert(sealPeople(s.pii, demoSourcePeople.map((p, i) => ({ ...p, line: i + 2, titles: [...p.titles], classes: [...p.classes] }))));
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
