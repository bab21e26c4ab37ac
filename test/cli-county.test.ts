import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startCountyIdp, type CountyIdp } from './support/county-idp.ts';
import { freePort } from './support/server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'edusso-cli-county-'));
// Asynchronous: the county provider answering `county test` runs in this process.
const edusso = (...args: string[]) =>
  new Promise<{ code: number; out: string; err: string }>((resolve) => {
    execFile(process.execPath, ['bin/edusso.js', ...args], { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ISSUER: 'http://localhost:3999' } }, (error, out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    );
  });

describe('edusso county add | list | test | remove', () => {
  let county: CountyIdp;
  before(async () => {
    county = await startCountyIdp({ redirectUri: 'http://localhost:3999/federation/callback', withIdNumber: true });
  });
  after(async () => {
    await county?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('add prints the redirect URI; test runs discovery; list and remove', async () => {
    const added = await edusso('county', 'add', '--county', '雲林縣', '--issuer', county.issuer, '--client-id', county.clientId, '--client-secret', county.clientSecret, '--scopes', 'openid profile eduid', '--id-number-claim', 'id_number', '--json');
    assert.equal(added.code, 0, added.err);
    const info = JSON.parse(added.out);
    assert.equal(info.redirect_uri, 'http://localhost:3999/federation/callback');
    assert.equal(info.county, '雲林縣');
    const ok = await edusso('county', 'test', info.id, '--json');
    assert.equal(ok.code, 0, ok.out + ok.err);
    assert.deepEqual(JSON.parse(ok.out).problems, []);
    const listed = JSON.parse((await edusso('county', 'list', '--json')).out);
    assert.equal(listed[0].id, info.id);
    assert.equal(listed[0].client_secret, undefined, 'the secret is never listed');

    const wrongScope = await edusso('county', 'add', '--id', 'yunlin-2', '--county', '雲林縣', '--issuer', county.issuer, '--client-id', 'x', '--client-secret', 'y', '--scopes', 'openid teleport');
    assert.equal(wrongScope.code, 0);
    const report = await edusso('county', 'test', 'yunlin-2');
    assert.match(report.out, /scope "teleport" is not offered by the county/);
    assert.match(report.out, /no --id-number-claim/);

    const port = await freePort();
    await edusso('county', 'add', '--id', 'gone', '--county', '嘉義縣', '--issuer', `http://127.0.0.1:${port}`, '--client-id', 'x', '--client-secret', 'y');
    const unreachable = await edusso('county', 'test', 'gone');
    assert.equal(unreachable.code, 1);
    assert.match(unreachable.out, /discovery failed/);

    assert.equal((await edusso('county', 'remove', 'gone')).code, 0);
    assert.match((await edusso('county', 'remove', 'gone')).err, /no county provider gone/);
  });

  test('bad input: unknown county, missing secret, oauth2 without endpoints', async () => {
    const notAnIcon = join(dataDir, 'icon.txt');
    (await import('node:fs')).writeFileSync(notAnIcon, 'hello');
    const badIcon = await edusso('county', 'add', '--id', 'with-icon', '--county', '臺南市', '--issuer', 'https://x.example', '--client-id', 'a', '--client-secret', 'b', '--icon', notAnIcon);
    assert.match(badIcon.err, /--icon: must be a PNG or SVG file/);
    assert.doesNotMatch((await edusso('county', 'list')).out, /with-icon/, 'nothing half-added');
    assert.match((await edusso('county', 'add', '--county', '火星', '--issuer', 'https://x.example', '--client-id', 'a', '--client-secret', 'b')).err, /unknown county "火星"/);
    assert.match((await edusso('county', 'add', '--county', '臺南市', '--issuer', 'https://x.example', '--client-id', 'a')).err, /clientSecret: is required/);
    assert.match((await edusso('county', 'add', '--county', '臺北市', '--kind', 'oauth2', '--issuer', 'https://ldap.tp.edu.tw', '--client-id', 'a', '--client-secret', 'b')).err, /needs --authorize-url, --token-url and --user-url/);
    // A right-to-left override would show the county's name reversed on the sign-in pages.
    const bidi = await edusso('county', 'add', '--county', '臺南市', '--display-name', '臺南\u202E市育教', '--issuer', 'https://x.example', '--client-id', 'a', '--client-secret', 'b');
    assert.notEqual(bidi.code, 0);
    assert.match(bidi.err, /displayName: must not contain control or bidirectional-override characters/);
    assert.match((await edusso('county', 'add', '--county', '臺南市', '--issuer', 'javascript:alert(1)', '--client-id', 'a', '--client-secret', 'b')).err, /issuer: must be an absolute http\(s\) URL/);
    assert.doesNotMatch((await edusso('county', 'list')).out, /臺南/, 'nothing added');
  });
});
