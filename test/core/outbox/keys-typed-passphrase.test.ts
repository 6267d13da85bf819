import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRng, makeApplicants, writeCsv } from '../../../src/core/testdata';
import { err, ok, setupBase } from '../../helpers/core';

// `basedesk serve` has no OS keychain and, unless started with BASEDESK_KEY_PASSPHRASE, no passphrase:
// the user types one in the UI and it travels with the one call that needs it.
const TYPED = '门诊 三楼 签名 2024';
let saved: string | undefined;
beforeEach(() => {
  saved = process.env.BASEDESK_KEY_PASSPHRASE;
  delete process.env.BASEDESK_KEY_PASSPHRASE;
});
afterEach(() => {
  if (saved !== undefined) process.env.BASEDESK_KEY_PASSPHRASE = saved;
});

async function baseWithConfirmed() {
  const { core, session } = await setupBase();
  const people = makeApplicants(createRng(13), 2, { specialties: ['内科'], categories: ['社会人'], choices: 1 });
  await ok(core, session, 'applicants.commitImport', {
    fileName: 'roster.csv',
    contentBase64: Buffer.from(writeCsv(people as never, { encoding: 'utf-8' })).toString('base64'),
  });
  await ok(core, session, 'confirm.decide', {
    targets: people.map((p) => p.证件号码),
    decision: 'confirmed',
    checklistComplete: true,
  });
  return { core, session };
}

describe('signing key with a passphrase typed in the UI', () => {
  it('keys.init seals the key with the typed passphrase; a weak one is refused and nothing is made', async () => {
    const { core, session } = await setupBase();
    const shown = await ok(core, session, 'keys.show');
    expect(shown.protector).toBeNull(); // the UI asks for a passphrase exactly then
    const missing = await err(core, session, 'keys.init');
    expect(missing.code).toBe('KEY_PROTECTOR_MISSING');
    expect(missing.message).toContain('请输入口令');
    const weak = await err(core, session, 'keys.init', { passphrase: 'password123' });
    expect(weak.code).toBe('KEY_PASSPHRASE_WEAK');
    expect(await core.db.selectFrom('signing_keys').selectAll().execute()).toEqual([]);

    const made = await ok(core, session, 'keys.init', { passphrase: TYPED });
    expect(made.active!.sealedWith).toEqual(['passphrase-scrypt']);
    // The passphrase is in no event, setting or seal in clear.
    const events = await core.db.selectFrom('events').selectAll().execute();
    expect(JSON.stringify(events)).not.toContain(TYPED);
    const seals = await core.db.selectFrom('signing_key_seals').selectAll().execute();
    expect(JSON.stringify(seals)).not.toContain(TYPED);
  });

  it('package.build opens the key with the typed passphrase; without it or with a wrong one nothing is built', async () => {
    const { core, session } = await baseWithConfirmed();
    await ok(core, session, 'keys.init', { passphrase: TYPED });
    expect((await err(core, session, 'package.build', { kind: 'confirmations' })).code).toBe('KEY_PROTECTOR_MISSING');
    expect((await err(core, session, 'package.build', { kind: 'confirmations', passphrase: '另一个 口令 也很长' })).code).toBe(
      'KEY_PASSPHRASE_WRONG',
    );
    expect(await ok(core, session, 'outbox.list')).toEqual([]);
    const built = await ok(core, session, 'package.build', { kind: 'confirmations', passphrase: TYPED });
    expect(built.state).toBe('queued');
  });

  it('keys.rotate seals the new key with the typed passphrase', async () => {
    const { core, session } = await setupBase();
    const first = await ok(core, session, 'keys.init', { passphrase: TYPED });
    expect((await err(core, session, 'keys.rotate', { reason: '人员变动' })).code).toBe('KEY_PROTECTOR_MISSING');
    const rotated = await ok(core, session, 'keys.rotate', { reason: '人员变动', passphrase: TYPED });
    expect(rotated.active!.fingerprint).not.toBe(first.active!.fingerprint);
    expect(rotated.retired.map((k) => k.fingerprint)).toEqual([first.active!.fingerprint]);
  });
});
