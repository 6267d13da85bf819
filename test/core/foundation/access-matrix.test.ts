/**
 * Every op in the contract against every role, driven by the permission table: a role the table allows
 * never gets FORBIDDEN (whatever else the empty input leads to), a role it does not allow always does, and
 * nobody gets past the door without a session. A new op is covered the day it is added to the contract.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core/api/dispatch';
import { contract, opNames, type OpName } from '../../../src/shared/contract';
import { PERMISSIONS, ROLES, type Role } from '../../../src/shared/permissions';
import { addUserAndLogin, setupBase } from '../../helpers/core';

const permissionOps = opNames.filter((n) => contract[n].access.kind === 'permission');
const protectedOps = opNames.filter((n) => contract[n].access.kind !== 'public');

function allowedRoles(name: OpName): readonly Role[] {
  const access = contract[name].access;
  return access.kind === 'permission' ? PERMISSIONS[access.permission] : ROLES;
}

describe('op x role access matrix', () => {
  it('every protected op refuses a caller without a session with AUTH_REQUIRED, before looking at the input', async () => {
    const { core } = await setupBase();
    for (const name of protectedOps) {
      const r = await dispatch(core, 'no-such-session', name, { surely: 'not valid input' });
      expect(r.ok ? 'ok' : r.error.code, name).toBe('AUTH_REQUIRED');
    }
  });

  it('allowed roles never get FORBIDDEN; every other role always does', async () => {
    const { core, session } = await setupBase();
    const sessions: Record<Role, string> = {
      admin: session,
      clerk: await addUserAndLogin(core, session, 'clerk1', 'clerk'),
      interviewer: await addUserAndLogin(core, session, 'interviewer1', 'interviewer'),
      coordinator: await addUserAndLogin(core, session, 'coordinator1', 'coordinator'),
    };
    expect(permissionOps.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const name of permissionOps) {
      const allowed = allowedRoles(name);
      for (const role of ROLES) {
        const r = await dispatch(core, sessions[role], name, {});
        const forbidden = !r.ok && r.error.code === 'FORBIDDEN';
        if (forbidden === allowed.includes(role)) wrong.push(`${name} as ${role}: ${r.ok ? 'ok' : r.error.code}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
