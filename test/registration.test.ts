import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoSourcePeople } from '../src/seed/demo.ts';
import { Agent, formOf } from './support/agent.ts';
import { latestCode, outbox, register, submit, throughVerification, type Person } from './support/registration.ts';
import { startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';
import { discover, signIn } from './support/sign-in.ts';
import { addClient } from '../src/oidc/client-registry.ts';
import { createProvider } from '../src/oidc/provider.ts';

const teacher = demoSourcePeople[0];
const asTyped = (p: (typeof demoSourcePeople)[number]): Person => ({ ...p, birthday: p.birthday.replaceAll('-', '/') });
const good = { username: 'chen.yijun', password: 'Blue#Lake2026', email: 'yijun@example.edu.tw', mobile: '0933123456' };

describe('a teacher registers (SPEC 壹) and signs in with the new account', () => {
  let server: TestServer;
  const count = async (sql: string) => (await server.services.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`))[0]!.n;
  before(async () => {
    server = await startServer();
  });
  after(() => server?.cleanup());

  test('every step, codes from the outbox, then the account signs in to an application with the right eduinfo', async () => {
    const agent = new Agent(server.issuer);
    const done = await register(agent, server.services.db, asTyped(teacher), good);
    assert.ok(done.html.includes('新建帳號成功！'), done.html);
    assert.ok(done.html.includes(good.username));
    const account = (await server.services.accounts.findByUsername(good.username))!;
    assert.equal(account.displayName, teacher.name);
    assert.equal(account.email, good.email);
    assert.equal(account.emailVerified, true);
    assert.match(account.passwordHash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/, 'argon2id at the OWASP cost');
    assert.ok(!account.passwordHash.includes(good.password));
    const row = (await server.services.db.query<Record<string, string>>('SELECT person_id_sealed, birthday_sealed FROM accounts WHERE id = $1', [account.id]))[0]!;
    assert.ok(!row.person_id_sealed!.includes(teacher.idNumber), 'identity number sealed at rest');
    assert.equal(server.services.pii.open(row.person_id_sealed!), teacher.idNumber);
    assert.equal(await count(`audit_events WHERE type = 'account.registered' AND account_id = '${account.id}'`), 1);
    const mails = await outbox(agent);
    assert.ok(mails.some((m) => m.channel === 'email' && m.to === good.email && m.subject.includes('驗證碼')));
    assert.ok(mails.some((m) => m.channel === 'sms' && m.to === good.mobile));

    const provider = await createProvider(server.services);
    const c = await addClient(server.services.clients, { name: 'School', redirectUris: ['http://app.localhost/cb'], firstParty: true }, (m) => provider.Client.validate(m));
    const config = await discover(server.issuer, c.clientId, c.clientSecret);
    const { tokens } = await signIn(new Agent(server.issuer), config, { redirectUri: 'http://app.localhost/cb', username: good.username, password: good.password });
    const edu = (await (await fetch(`${server.issuer}/cncresource/api/v1/eduinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).json()) as any;
    assert.equal(edu.schoolid, teacher.schoolCode);
    assert.deepEqual(edu.titles[0].titles, ['教師', '導師']);
    assert.equal(edu.classinfo[0].classtitle, '五年二班');
  });

  test('one person, one account: registering again says so without revealing the account name', async () => {
    const r = await throughVerification(new Agent(server.issuer), server.services.db, asTyped(teacher));
    assert.equal(r.status, 409);
    assert.ok(r.html.includes('您已經申請過教育雲端帳號'));
    assert.ok(r.html.includes('href="/forgot-account">忘記帳號') && r.html.includes('href="/forgot-password">忘記密碼'), 'links that lead somewhere');
    assert.ok(!r.html.includes(good.username));
  });

  test('identity verification: each bad field has its message; no match offers 查無資料，回報問題', async () => {
    const agent = new Agent(server.issuer);
    const p = asTyped(demoSourcePeople[1]);
    const bad = await throughVerification(agent, server.services.db, { ...p, idNumber: 'P123456788', birthday: '68/11/20', name: ' ' });
    assert.equal(bad.status, 400);
    assert.ok(bad.html.includes('身分證字號或居留證號有誤'));
    assert.ok(bad.html.includes('民國 68 年請輸入 1979/11/20'));
    assert.ok(bad.html.includes('請輸入姓名'));
    const slashes = await submit(agent, '/register/verify', { name: p.name, id_number: p.idNumber, birthday: '1979-11-20', captcha: TEST_CAPTCHA, action: 'next' });
    assert.ok(slashes.html.includes('生日請用「/」分隔'));
    const wrongCaptcha = await submit(agent, '/register/verify', { name: p.name, id_number: p.idNumber, birthday: p.birthday, captcha: '9999', action: 'next' });
    assert.ok(wrongCaptcha.html.includes('驗證碼錯誤'));
    const noMatch = await submit(agent, '/register/verify', { name: '張志名', id_number: p.idNumber, birthday: p.birthday, captcha: TEST_CAPTCHA, action: 'next' });
    assert.equal(noMatch.status, 404);
    assert.ok(noMatch.html.includes('查無資料'));
    assert.ok(noMatch.html.includes('查無資料，回報問題'));
    // The typed values survive (never a password: there is none yet); the report is prefilled.
    assert.ok(noMatch.html.includes('value="張志名"'));
    // 「查無資料，回報問題」 opens 聯絡我們 with the category, the school and what was typed.
    assert.ok(noMatch.html.includes('href="/contact?category=source-not-found&amp;from=register"'));
    const tickets = await count('helpdesk_tickets');
    const reportHtml = await (await agent.get('/contact?category=source-not-found&from=register')).text();
    assert.ok(reportHtml.includes('縣立鎮西國小'), 'prefilled with the school');
    assert.ok(reportHtml.includes('value="張志名"'), 'prefilled with the name typed');
    assert.ok(reportHtml.includes(`value="${p.idNumber}"`), 'prefilled with the number typed');
    assert.match(reportHtml, /<option value="source-not-found" selected/);
    const { action, fields } = formOf(reportHtml);
    const form = { ...fields, category: 'source-not-found', who: p.idNumber, name: '張志名', captcha: TEST_CAPTCHA, action: 'send' };
    const noContact = await agent.post(action, { ...form, description: 'x', contact: '' });
    assert.equal(noContact.status, 400);
    const again = formOf(await noContact.text());
    const sent = await agent.post(again.action, { ...form, ...again.fields, description: '人事說我在名單上', contact: 'me@example.com' });
    assert.match(await sent.text(), /您的問題已送至客服信箱（案件編號 \d+）/);
    assert.equal(await count('helpdesk_tickets'), tickets + 1);
    const ticket = (await server.services.db.query<Record<string, string>>('SELECT * FROM helpdesk_tickets ORDER BY id DESC LIMIT 1'))[0]!;
    assert.equal(ticket.category, 'source-not-found');
    assert.equal(ticket.name, '張志名');
    assert.ok(ticket.description!.includes('縣立鎮西國小'), 'the helpdesk learns the school');
    assert.equal(server.services.pii.open(ticket.id_sealed!), p.idNumber, 'the ID number travels sealed');
  });

  test('guessing identities from one address is capped across new flows (no enumeration of source data)', async () => {
    // The attack: start flow after flow, each with up to five guesses, to learn who works where.
    const p = asTyped(demoSourcePeople[1]);
    let blocked = false;
    for (let flow = 0; flow < 8 && !blocked; flow++) {
      const agent = new Agent(server.issuer);
      await throughVerification(agent, server.services.db, { ...p, name: `不存在${flow}` });
      for (let guess = 0; guess < 4; guess++) {
        const r = await submit(agent, '/register/verify', { name: `不存在${flow}${guess}`, id_number: p.idNumber, birthday: p.birthday, captcha: TEST_CAPTCHA, action: 'next' });
        if (r.html.includes('身分驗證嘗試次數過多')) blocked = true;
      }
    }
    assert.ok(blocked, 'refused after 30 failures from one address');
    const honest = await throughVerification(new Agent(server.issuer), server.services.db, p);
    assert.ok(honest.html.includes('身分驗證嘗試次數過多'), 'even a correct try waits, so the cap reveals nothing');
    await server.services.db.query(`UPDATE rate_limits SET window_ends_at = now() - interval '1 second' WHERE key LIKE 'registration.verify%'`);
    assert.ok((await throughVerification(new Agent(server.issuer), server.services.db, p)).url.endsWith('/confirm'), 'the hour passes');
  });

  test('account step rules: name, password, confirmation, email, mobile, each with its message; nothing created', async () => {
    const agent = new Agent(server.issuer);
    const p = asTyped(demoSourcePeople[1]);
    assert.ok((await throughVerification(agent, server.services.db, p)).url.endsWith('/confirm'));
    await submit(agent, '/register/confirm', {});
    await submit(agent, '/register/privacy', { decision: 'agree' });
    const before = await count('accounts');
    const cases: [Record<string, string>, string][] = [
      [{ username: 'abc' }, '帳號至少需要 6 個字元'],
      [{ username: '9teacher' }, '帳號必須以半形小寫英文字母開頭'],
      [{ username: 'zhang-zm' }, '帳號只能使用半形小寫英文字母'],
      [{ username: 'administrator' }, '保留給系統使用'],
      [{ username: good.username }, '這個帳號已經有人使用'],
      [{ password: 'short1A', password2: 'short1A' }, '密碼至少需要 8 個字元'],
      [{ password: 'alllowercase1', password2: 'alllowercase1' }, '至少三種'],
      [{ password: 'Password123!', password2: 'Password123!' }, '太常見'],
      [{ password: 'Zhang.zm#2026', password2: 'Zhang.zm#2026' }, '密碼不可包含帳號'],
      [{ password: 'Xx#P123456781', password2: 'Xx#P123456781' }, '不可包含身分證字號'],
      [{ password: 'Xx#19791120', password2: 'Xx#19791120' }, '密碼不可包含生日'],
      [{ password2: 'Other#Pass2026' }, '兩次輸入的密碼不一致'],
      [{ email: 'not-an-email' }, '電子郵件信箱格式不正確'],
      [{ mobile: '02-23456789' }, '行動電話請輸入 09 開頭'],
    ];
    const base = { username: 'zhang.zm', password: 'Green#Hill2026', password2: 'Green#Hill2026', email: 'zm@example.edu.tw', mobile: '0922333444' };
    for (const [change, message] of cases) {
      const r = await submit(agent, '/register/account', { ...base, ...change });
      assert.equal(r.status, 400, message);
      assert.ok(r.html.includes(message), `${message}\n${r.html.match(/field-error[^<]*<\/p>/g)}`);
      assert.ok(!r.html.includes(change.password ?? base.password), 'the password is never sent back');
    }
    assert.equal(await count('accounts'), before);
  });

  test('codes are single-use and capped at five wrong tries; the back button keeps typed data but never the password', async () => {
    const agent = new Agent(server.issuer);
    const p = asTyped(demoSourcePeople[2]);
    assert.ok((await throughVerification(agent, server.services.db, p)).url.endsWith('/confirm'));
    await submit(agent, '/register/confirm', {});
    await submit(agent, '/register/privacy', { decision: 'agree' });
    const acct = { username: 'li.shufen', password: 'Red#River2026', email: 'shufen@example.edu.tw', mobile: '0955666777' };
    await submit(agent, '/register/account', { ...acct, password2: acct.password });
    const emailCode = await latestCode(agent, acct.email);
    const smsCode = await latestCode(agent, acct.mobile);
    // 「回上一頁」 to the account step: typed values are there, the password is not.
    const backPage = await (await agent.get('/register/account')).text();
    assert.ok(backPage.includes(`value="${acct.username}"`) && backPage.includes(`value="${acct.email}"`));
    assert.ok(!backPage.includes(acct.password));
    // Wrong email code five times: the sixth try is refused even with the right code.
    for (let i = 0; i < 5; i++) {
      const r = await submit(agent, '/register/codes', { email_code: '000000', sms_code: smsCode, action: 'verify' });
      assert.ok(r.html.includes('驗證碼錯誤') || r.html.includes('錯誤次數過多'));
    }
    const locked = await submit(agent, '/register/codes', { email_code: emailCode, action: 'verify' });
    assert.ok(locked.html.includes('錯誤次數過多'), 'attempt cap');
    // Resending is rate limited, then a new code works once.
    const wait = await submit(agent, '/register/codes', { action: 'resend' });
    assert.match(wait.html, /請於 \d+ 秒後再重新傳送/);
    await server.services.db.query(`UPDATE verification_codes SET created_at = now() - interval '2 minutes'`);
    const resent = await submit(agent, '/register/codes', { action: 'resend' });
    assert.ok(resent.html.includes('已重新傳送驗證碼'));
    const fresh = await latestCode(agent, acct.email);
    const review = await submit(agent, '/register/codes', { email_code: fresh, action: 'verify' });
    assert.ok(review.url.endsWith('/review'), 'the SMS code accepted earlier stayed accepted');
    // 「我想修改」 then changing only the mobile asks for a code for the mobile only.
    const edit = await submit(agent, '/register/account', { ...acct, password2: acct.password, mobile: '0955666778' });
    assert.ok(edit.url.endsWith('/codes'));
    assert.ok(!edit.html.includes('電子郵件驗證碼') && edit.html.includes('簡訊驗證碼'));
  });

  test('a person registering in English gets the codes in English', async () => {
    const agent = new Agent(server.issuer);
    await agent.get('/?lang=en');
    const p = asTyped(demoSourcePeople[2]);
    assert.ok((await throughVerification(agent, server.services.db, p)).url.endsWith('/confirm'));
    await submit(agent, '/register/confirm', {});
    await submit(agent, '/register/privacy', { decision: 'agree' });
    const acct = { username: 'english.codes', password: 'Blue#Harbor2026', email: 'english@example.edu.tw', mobile: '0955111222' };
    await submit(agent, '/register/account', { ...acct, password2: acct.password });
    const mail = (await outbox(agent)).find((m) => m.to === acct.email)!;
    assert.match(mail.subject, /^\[Education Cloud account\] Education Cloud account application code$/);
    assert.match(mail.text, /Your Education Cloud account application code is: \d{6}/);
    const sms = (await outbox(agent)).find((m) => m.to === acct.mobile)!;
    assert.doesNotMatch(sms.text, /[\u4e00-\u9fff]/, 'the SMS has no Chinese either');
  });

  test('refresh and double submit are safe: 完成註冊 twice makes one account', async () => {
    const agent = new Agent(server.issuer);
    const person = { schoolCode: '094601', idNumber: 'Q223344556', name: '吳雅婷', birthday: '1988/8/8' };
    await importOne(person, '教師');
    const verified = await throughVerification(agent, server.services.db, person);
    assert.ok(verified.url.endsWith('/confirm'));
    assert.equal((await agent.get('/register/confirm')).status, 200, 'refresh of a step renders it again');
    assert.equal((await agent.get('/register/review')).headers.get('location'), '/register/confirm', 'no skipping ahead');
    await submit(agent, '/register/confirm', {});
    await submit(agent, '/register/privacy', { decision: 'agree' });
    const acct = { username: 'wu.yating', password: 'Gold#Field2026', email: 'yating@example.edu.tw', mobile: '0966777888' };
    await submit(agent, '/register/account', { ...acct, password2: acct.password });
    await submit(agent, '/register/codes', { email_code: await latestCode(agent, acct.email), sms_code: await latestCode(agent, acct.mobile), action: 'verify' });
    const page = await (await agent.get('/register/review')).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const [a, b] = await Promise.all([
      agent.post('/register/review', { _csrf: csrf, action: 'complete' }),
      agent.post('/register/review', { _csrf: csrf, action: 'complete' }),
    ]);
    assert.deepEqual([a.status, b.status], [303, 303]);
    assert.equal(await count(`accounts WHERE username = 'wu.yating'`), 1);
    assert.ok((await (await agent.get('/register/done')).text()).includes('新建帳號成功！'));
    assert.equal((await agent.get('/register/account')).headers.get('location'), '/register/done', 'a finished flow stays finished');
  });

  test('不同意 ends the flow; an expired flow restarts with a clear message', async () => {
    const agent = new Agent(server.issuer);
    const person = { schoolCode: '094601', idNumber: 'R123123127', name: '許家豪', birthday: '1991/1/2' };
    await importOne(person, '教師');
    await throughVerification(agent, server.services.db, person);
    await submit(agent, '/register/confirm', {});
    const no = await submit(agent, '/register/privacy', { decision: 'disagree' });
    assert.ok(no.html.includes('您未同意隱私權聲明，因此無法建立帳號'));
    const after = await agent.get('/register/account');
    assert.equal(after.status, 410);
    assert.ok((await after.text()).includes('申請流程已逾時或已結束'));

    await throughVerification(agent, server.services.db, person);
    await server.services.db.query(`UPDATE flows SET expires_at = now() - interval '1 second'`);
    const expired = await agent.get('/register/confirm');
    assert.equal(expired.status, 410);
    assert.ok((await expired.text()).includes('重新申請'));
  });

  test('school selection works without JavaScript through server round trips', async () => {
    const agent = new Agent(server.issuer);
    await agent.get('/register?new=1');
    await submit(agent, '/register/identity', { role: 'teacher' });
    const school = (await server.services.store.directory.getSchool('094601'))!;
    const r1 = await submit(agent, '/register/school', { county: school.countyCode, action: 'refresh' });
    assert.ok(r1.html.includes(`value="${school.districtCode}"`), 'districts of the county listed');
    const r2 = await submit(agent, '/register/school', { county: school.countyCode, district: school.districtCode!, action: 'refresh' });
    assert.ok(r2.html.includes('value="國小"'));
    const r3 = await submit(agent, '/register/school', { county: school.countyCode, district: school.districtCode!, level: '國小', action: 'refresh' });
    assert.ok(r3.html.includes('縣立鎮西國小'));
    const mismatch = await submit(agent, '/register/school', { county: school.countyCode, district: school.districtCode!, level: '國小', school: '313601', action: 'next' });
    assert.equal(mismatch.status, 400);
    assert.ok(mismatch.html.includes('請依序選擇縣市、行政區、學制與學校'));
    const json = (await (await agent.get(`/api/directory/schools?county=${school.countyCode}&district=${school.districtCode}&level=國小`)).json()) as { value: string }[];
    assert.ok(json.some((s: { value: string }) => s.value === '094601'));
  });

  test('two registrations racing for the same account name or the same person: exactly one account', async () => {
    const people = [
      { schoolCode: '094601', idNumber: 'S123451234', name: '郭俊傑', birthday: '1982/2/2' },
      { schoolCode: '094601', idNumber: 'S223451236', name: '洪詩涵', birthday: '1983/3/3' },
    ];
    for (const p of people) await importOne(p, '教師');
    const ready = async (p: Person, username: string) => {
      const agent = new Agent(server.issuer);
      await throughVerification(agent, server.services.db, p);
      await submit(agent, '/register/confirm', {});
      await submit(agent, '/register/privacy', { decision: 'agree' });
      const acct = { username, password: 'Jade#Stone2026', email: `${username}@example.edu.tw`, mobile: '0911000111' };
      await submit(agent, '/register/account', { ...acct, password2: acct.password });
      await submit(agent, '/register/codes', { email_code: await latestCode(agent, acct.email), sms_code: await latestCode(agent, acct.mobile), action: 'verify' });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await (await agent.get('/register/review')).text())![1]!;
      return () => agent.post('/register/review', { _csrf: csrf, action: 'complete' });
    };
    // Same account name, two people.
    const [x, y] = [await ready(people[0]!, 'same.name'), await ready(people[1]!, 'same.name')];
    await Promise.all([x(), y()]);
    assert.equal(await count(`accounts WHERE username = 'same.name'`), 1);
    // Same person, two browsers, two names.
    const p = people[0]!.idNumber === 'S123451234' && (await count(`accounts WHERE display_name = '郭俊傑'`)) ? people[1]! : people[0]!;
    const [u, v] = [await ready(p, 'first.try'), await ready(p, 'second.try')];
    await Promise.all([u(), v()]);
    assert.equal(await count(`accounts WHERE display_name = '${p.name}'`), 1);
  });

  test('account-name availability answers only a flow past identity verification, and only so often', async () => {
    // The attack: probing /register/account-available for names tells who has an account.
    const probe = (agent: Agent, name: string) => agent.get(`/register/account-available?name=${encodeURIComponent(name)}`);
    const stranger = await probe(new Agent(server.issuer), 'demo.teacher');
    assert.equal(stranger.status, 404, 'no registration flow: nothing to answer');
    assert.ok(!(await stranger.text()).includes('available'));

    const agent = new Agent(server.issuer);
    await agent.get('/register?new=1');
    assert.equal((await probe(agent, 'demo.teacher')).status, 403, 'a flow that has not proven who is registering');

    const person = { schoolCode: '094601', idNumber: 'S223344558', name: '蘇老師', birthday: '1984/4/4' };
    await importOne(person, '教師');
    assert.ok((await throughVerification(agent, server.services.db, person)).url.endsWith('/confirm'));
    const taken = await probe(agent, 'demo.teacher');
    assert.equal(taken.status, 200);
    assert.equal(((await taken.json()) as { available: boolean }).available, false);
    assert.equal(((await (await probe(agent, 'free.name.here')).json()) as { available: boolean }).available, true);
    let status = 200;
    for (let i = 0; i < 40 && status === 200; i++) status = (await probe(agent, `name.${i}`)).status;
    assert.equal(status, 429, 'a flow may ask only so many times');
    await submit(agent, '/register/confirm', {});
    assert.equal((await agent.get('/register/privacy')).status, 200, 'the count never gets in the way of the steps');
  });

  async function importOne(p: Person, identity: string) {
    const [y, m, d] = p.birthday.split('/');
    const csv = `school_code,id_number,name,birthday,identity,titles\n${p.schoolCode},${p.idNumber},${p.name},${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')},${identity},教師`;
    const r = await server.services.importer.peopleText(csv);
    assert.deepEqual(r.errors, []);
  }
});
