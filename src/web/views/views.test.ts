import assert from 'node:assert/strict';
import { test } from 'node:test';
import { initialState } from '../../flows/registration/flow.ts';
import type { ClientRecord } from '../../storage/ports.ts';
import { translator, type Lang } from '../../i18n/translate.ts';
import { loginPage } from './login.ts';
import { appsPage, consentPage, homePage } from './pages.ts';
import { schoolStep } from './registration.ts';
import { countyMapPage, countyPage } from './federation.ts';
import { identityName } from '../../i18n/data-names.ts';
import type { PageContext } from './layout.ts';

const ctx = (lang: Lang = 'zh-TW', path = '/', search = ''): PageContext => ({ t: translator(lang), lang, path, search, csrf: 'token' });
const hostile = '"><script>alert(1)</script>';

test('the failed-login page marks the account field invalid with a real attribute, not an escaped one', () => {
  const html = loginPage(ctx(), { action: '/login', captchaId: 'c1', error: 'wrong', account: 'teacher' }).value;
  assert.match(html, /<input id="account"[^>]* aria-invalid="true"/);
  assert.doesNotMatch(html, /&quot;true&quot;|&#34;true&#34;/);
  assert.doesNotMatch(loginPage(ctx(), { action: '/login', captchaId: 'c1' }).value, /aria-invalid/);
});

test('data is escaped in text and in attributes', () => {
  const html = loginPage(ctx(), { action: '/login', captchaId: hostile, error: hostile, account: hostile, clientName: hostile }).value;
  // Text escapes `<`; an attribute escapes its quote, so the value cannot leave the attribute.
  assert.doesNotMatch(html, /"><script>/);
  assert.match(html, /<p class="error" role="alert" id="form-error">&#34;>&lt;script>/);
  assert.match(html, /<input id="account" name="account" value="&#34;><script>alert\(1\)<\/script>"/);
  // `&` too, so text that looks like a character reference comes back as typed.
  assert.match(loginPage(ctx(), { action: '/login', captchaId: 'c', account: 'a&amp;b' }).value, /value="a&amp;amp;b"/);
});

test('the language switch keeps the page path and query', () => {
  const html = homePage(ctx('zh-TW', '/county', 'purpose=reset-password&lang=zh-TW')).value;
  assert.match(html, /<a class="lang" href="\/county\?purpose=reset-password&amp;lang=en"/);
  assert.match(homePage(ctx('en', '/login')).value, /<a class="lang" href="\/login\?lang=zh-TW"/);
});

test('the home page title names the site once', () => {
  assert.match(homePage(ctx()).value, /<title>教育體系單一簽入服務<\/title>/);
  assert.match(loginPage(ctx(), { action: '/login', captchaId: 'c' }).value, /<title>登入 - 教育體系單一簽入服務<\/title>/);
});

test('the password eye and the captcha speaker are inline SVG inside named controls, not emoji', () => {
  const html = loginPage(ctx('en'), { action: '/login', captchaId: 'c1' }).value;
  assert.doesNotMatch(html, /👁|🔊/u);
  assert.match(html, /<button type="button" class="eye"[^>]*aria-label="Show password"[^>]*><svg [^>]*aria-hidden="true"/);
  assert.match(html, /<a class="captcha-audio"[^>]*aria-label="Play the code as audio"[^>]*><svg [^>]*aria-hidden="true"/);
});

test('an application home URL that is not http(s) is listed without a link', () => {
  const client = (name: string, homeUrl: string): ClientRecord => ({ clientId: name, name, firstParty: false, homeUrl, metadata: {}, createdAt: new Date() });
  const apps = [client('good', 'https://app.example.edu.tw/'), client('evil', 'javascript:alert(1)')].map((c) => ({ client: c, href: c.homeUrl! }));
  const html = appsPage(ctx(), apps).value;
  assert.match(html, /<a href="https:\/\/app.example.edu.tw\/">good<\/a>/);
  assert.doesNotMatch(html, /javascript:/);
  assert.match(html, /<span>evil<\/span>/);
});

test('consent lists one line per scope and no two lines say the same', () => {
  const html = consentPage(ctx(), { action: '/x', clientName: 'App', scopes: ['openid', 'guid', 'profile'] }).value;
  const lines = [...html.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]);
  assert.equal(lines.length, 3);
  assert.equal(new Set(lines).size, 3);
  assert.ok(!lines.includes('您的帳號識別碼') || !lines.includes('帳號唯一識別碼'));
});

test('English pages name school levels in English; a level without a translation keeps its name', () => {
  const lists = { counties: [], districts: [], levels: [{ value: '國小', label: '國小' }, { value: '其他', label: '其他' }], schools: [] };
  const en = schoolStep(ctx('en'), initialState(), lists).value;
  assert.match(en, /<option value="國小">Elementary school<\/option>/);
  assert.match(en, /<option value="其他">其他<\/option>/);
  assert.match(schoolStep(ctx('zh-TW'), initialState(), lists).value, /<option value="國小">國小<\/option>/);
});

test('county tiles escape names and encode ids in links', () => {
  const html = countyMapPage(ctx(), {
    purpose: 'login',
    counties: [{ code: '1', name: hostile, provider: { id: 'a b', hasIcon: true } as never }],
  }).value;
  assert.doesNotMatch(html, /<script>alert/);
  assert.match(html, /href="\/county\/a%20b\?purpose=login"/);
});

test('English pages name counties and districts by their English names from the shipped data', () => {
  const counties = [
    { code: '10002000', name: '宜蘭縣', english: 'Yilan County' },
    { code: '10009000', name: '雲林縣', english: 'Yunlin County', provider: { id: 'yunlin', hasIcon: false } as never },
  ];
  assert.match(countyMapPage(ctx('en'), { purpose: 'login', counties }).value, /Yilan County/);
  assert.doesNotMatch(countyMapPage(ctx('en'), { purpose: 'login', counties }).value, /宜蘭縣/);
  assert.match(countyMapPage(ctx('zh-TW'), { purpose: 'login', counties }).value, /宜蘭縣/);
  const lists = { counties: [{ value: '10002000', label: '宜蘭縣', english: 'Yilan County' }], districts: [], levels: [], schools: [] };
  assert.match(schoolStep(ctx('en'), initialState(), lists).value, /<option value="10002000">Yilan County<\/option>/);
});

test('without a configured county the county map says so and points to the way that needs none', () => {
  const counties = [{ code: '10002000', name: '宜蘭縣', english: 'Yilan County' }];
  const html = countyMapPage(ctx('zh-TW'), { purpose: 'forgot-account', counties }).value;
  assert.match(html, /目前尚無縣市開放縣市帳號/);
  assert.match(html, /href="\/forgot-account\/id"/);
  assert.doesNotMatch(html, /尚未開放/);
});

test('English pages show the manual’s default county labels and source-data identities in English', () => {
  const provider = { id: 'yl', countyName: '宜蘭縣', displayName: 'Yilan SSO', labels: { login: '教育人員登入', forgotAccount: '使用 SSO 單一認證帳號取得', resetPassword: 'Custom reset' } };
  const en = countyPage(ctx('en'), { provider: provider as never, purpose: 'forgot-account' }).value;
  assert.match(en, />Sign in as education staff<\/a>/);
  assert.match(en, /<p>Get it with the county SSO account<\/p>/);
  assert.match(countyPage(ctx('en'), { provider: provider as never, purpose: 'reset-password' }).value, /<p>Custom reset<\/p>/);
  assert.match(countyPage(ctx('zh-TW'), { provider: provider as never, purpose: 'login' }).value, />教育人員登入<\/a>/);
  assert.equal(identityName('en', '教師'), 'Teacher');
  assert.equal(identityName('zh-TW', '教師'), '教師');
  assert.equal(identityName('en', '其他'), '其他');
});
