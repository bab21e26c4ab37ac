import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contract } from './each-driver.ts';

contract('storage contract: roles', (t) => {
  test('a grant is stored once per account, role and scope, listed with names, and revoked', async () => {
    const { roles, accounts } = t().store;
    const admin = await accounts.create({ username: 'role.admin', passwordHash: 'x', displayName: '甲' });
    const other = await accounts.create({ username: 'role.other', passwordHash: 'x', displayName: '乙' });
    assert.equal(await roles.grant({ accountId: admin.id, role: 'system-admin' }), true);
    assert.equal(await roles.grant({ accountId: admin.id, role: 'system-admin' }), false, 'a second grant changes nothing');
    assert.equal(await roles.grant({ accountId: admin.id, role: 'county-admin', countyCode: '10009000', grantedBy: other.id }), true);
    assert.equal(await roles.grant({ accountId: admin.id, role: 'county-admin', countyCode: '10009000' }), false);
    assert.equal(await roles.grant({ accountId: admin.id, role: 'school-admin', schoolCode: '094601' }), true);
    assert.equal(await roles.grant({ accountId: other.id, role: 'helpdesk' }), true);

    const mine = await roles.forAccount(admin.id);
    assert.deepEqual(
      mine.map((g) => [g.username, g.role, g.countyCode, g.countyName, g.schoolCode, g.schoolName, g.grantedBy]),
      [
        ['role.admin', 'county-admin', '10009000', '雲林縣', null, null, other.id],
        ['role.admin', 'school-admin', null, null, '094601', '縣立鎮西國小', null],
        ['role.admin', 'system-admin', null, null, null, null, null],
      ],
    );
    assert.ok(mine.every((g) => g.grantedAt instanceof Date));
    assert.deepEqual((await roles.list()).map((g) => `${g.username} ${g.role}`), ['role.admin county-admin', 'role.admin school-admin', 'role.admin system-admin', 'role.other helpdesk']);
    assert.deepEqual((await roles.list({ accountId: other.id })).map((g) => g.role), ['helpdesk']);

    assert.equal(await roles.revoke({ accountId: admin.id, role: 'county-admin', countyCode: '10009001' }), false, 'another scope is not this grant');
    assert.equal(await roles.revoke({ accountId: admin.id, role: 'county-admin', countyCode: '10009000' }), true);
    assert.equal(await roles.revoke({ accountId: admin.id, role: 'county-admin', countyCode: '10009000' }), false);
    assert.equal(await roles.revoke({ accountId: other.id, role: 'system-admin' }), false);
    assert.deepEqual((await roles.forAccount(admin.id)).map((g) => g.role), ['school-admin', 'system-admin']);
  });

  test('the database refuses a grant whose scope does not fit its role, an unknown role, county or school', async () => {
    const { roles, accounts } = t().store;
    const a = await accounts.create({ username: 'role.scope', passwordHash: 'x', displayName: '丙' });
    await assert.rejects(roles.grant({ accountId: a.id, role: 'county-admin' }), /role_grants_county_scope/, 'a county administrator without a county');
    await assert.rejects(roles.grant({ accountId: a.id, role: 'school-admin' }), /role_grants_school_scope/, 'a school administrator without a school');
    await assert.rejects(roles.grant({ accountId: a.id, role: 'system-admin', countyCode: '10009000' }), /role_grants_county_scope/);
    await assert.rejects(roles.grant({ accountId: a.id, role: 'helpdesk', schoolCode: '094601' }), /role_grants_school_scope/);
    await assert.rejects(roles.grant({ accountId: a.id, role: 'county-admin', countyCode: '10009000', schoolCode: '094601' }), /role_grants_school_scope/);
    await assert.rejects(roles.grant({ accountId: a.id, role: 'root' as 'helpdesk' }), /role_grants_role_check/);
    await assert.rejects(roles.grant({ accountId: a.id, role: 'county-admin', countyCode: '99999999' }), /foreign key/);
    await assert.rejects(roles.grant({ accountId: a.id, role: 'school-admin', schoolCode: '999999' }), /foreign key/);
    assert.deepEqual(await roles.forAccount(a.id), []);
  });

  test('deleting an account deletes its grants', async () => {
    const { roles, accounts, db } = { ...t().store, db: t().db };
    const a = await accounts.create({ username: 'role.gone', passwordHash: 'x', displayName: '丁' });
    await roles.grant({ accountId: a.id, role: 'helpdesk' });
    await db.query(`DELETE FROM accounts WHERE id = $1`, [a.id]);
    assert.deepEqual(await roles.list({ accountId: a.id }), []);
  });
});
