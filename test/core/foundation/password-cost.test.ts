import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT_N, hashPassword, verifyPassword } from '../../../src/core/auth/password';
import { ADMIN, freshCore, ok, TEST_SCRYPT_COST } from '../../helpers/core';

/** The N field of a stored `scrypt$N$r$p$salt$key` hash. */
function costOf(stored: string): number {
  return Number(stored.split('$')[1]);
}

async function adminHash(core: Awaited<ReturnType<typeof freshCore>>): Promise<string> {
  const row = await core.db
    .selectFrom('users')
    .select('password_hash')
    .where('username', '=', ADMIN.username)
    .executeTakeFirstOrThrow();
  return row.password_hash;
}

const SETUP = { baseName: '测试医院', baseCode: 'T1', presetId: 'jilin-2024', cohortYear: 2024, admin: ADMIN };

describe('password hashing cost', () => {
  it('stays at N = 2^15 in production', async () => {
    expect(DEFAULT_SCRYPT_N).toBe(2 ** 15);
    expect(costOf(await hashPassword('correct horse 1'))).toBe(2 ** 15);
  });

  it('hashes accounts with the default cost when the core is opened without one', async () => {
    const core = await freshCore({ scryptCost: undefined });
    expect(core.scryptCost).toBe(2 ** 15);
    await ok(core, 's', 'setup.initialize', SETUP);
    expect(costOf(await adminHash(core))).toBe(2 ** 15);
  });

  it('hashes with the cost the core was opened with, and the hash still verifies', async () => {
    const core = await freshCore();
    expect(core.scryptCost).toBe(TEST_SCRYPT_COST);
    await ok(core, 's', 'setup.initialize', SETUP);
    const stored = await adminHash(core);
    expect(costOf(stored)).toBe(TEST_SCRYPT_COST);
    expect(await verifyPassword(ADMIN.password, stored)).toBe(true);
    expect(await verifyPassword('wrong horse 1', stored)).toBe(false);
  });
});
