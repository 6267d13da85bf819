import { describe, expect, it } from 'vitest';
import { addUserAndLogin, err, ok, setupBase } from '../../helpers/core';
import { csvFile, roster } from './helpers';

async function withApplicant() {
  const { core, session } = await setupBase();
  const rows = roster(5, 11);
  await ok(core, session, 'applicants.commitImport', csvFile(rows));
  const clerk = await addUserAndLogin(core, session, 'clerk1', 'clerk');
  const a = (await ok(core, clerk, 'applicants.list', { limit: 10 })).applicants[0]!;
  const oldPhone = rows.find((r) => r.姓名 === a.name)!.手机号码;
  return { core, session, clerk, a, oldPhone };
}

const NEW_PHONE = '13912345678';

describe('correcting contact fields', () => {
  it('a clerk corrects phone and email with a reason; the audit holds masked values only', async () => {
    const { core, session, clerk, a, oldPhone } = await withApplicant();
    const d = await ok(core, clerk, 'applicants.correctContact', {
      id: a.id,
      phone: '139 1234 5678',
      email: 'zhang.san@example.com',
      reason: '考生现场更正手机号码',
    });
    expect(d.phone).toBe('139****5678');
    expect(d.email).toBe('zhang.san@example.com');
    expect((await ok(core, session, 'applicants.reveal', { id: a.id, reason: '核对' })).phone).toBe(NEW_PHONE);
    const events = await core.db.selectFrom('events').selectAll().where('action', '=', 'applicant.correctContact').execute();
    expect(events).toHaveLength(1);
    const stored = JSON.stringify(events[0]);
    expect(stored).not.toContain(NEW_PHONE);
    expect(stored).not.toContain(oldPhone);
    expect(stored).not.toContain('zhang.san@');
    expect(stored).toContain('139****5678');
    expect(stored).toContain('考生现场更正手机号码');
    // The desk finds the applicant by the new number's last digits.
    const found = await ok(core, clerk, 'applicants.search', { query: '5678' });
    expect(found.results.map((r) => r.id)).toContain(a.id);
  });

  it('refuses a bad number, an empty phone or a missing reason, and changes nothing', async () => {
    const { core, session, clerk, a, oldPhone } = await withApplicant();
    const bad = await err(core, clerk, 'applicants.correctContact', { id: a.id, phone: '1234', reason: '更正' });
    expect(bad.code).toBe('CONTACT_PHONE_FORMAT');
    expect(bad.message).not.toContain('1234');
    expect((await err(core, clerk, 'applicants.correctContact', { id: a.id, phone: '', reason: '更正' })).code).toBe(
      'CONTACT_PHONE_REQUIRED',
    );
    expect((await err(core, clerk, 'applicants.correctContact', { id: a.id, email: 'not-an-email', reason: '更正' })).code).toBe(
      'CONTACT_EMAIL_FORMAT',
    );
    const noReason = await err(core, clerk, 'applicants.correctContact', { id: a.id, phone: NEW_PHONE, reason: ' ' });
    expect(noReason.message).toContain('原因');
    expect((await err(core, clerk, 'applicants.correctContact', { id: a.id, phone: oldPhone, reason: '更正' })).code).toBe(
      'CONTACT_UNCHANGED',
    );
    expect((await ok(core, session, 'applicants.reveal', { id: a.id })).phone).toBe(oldPhone);
    expect(await core.db.selectFrom('events').selectAll().where('action', '=', 'applicant.correctContact').execute()).toEqual([]);
  });

  it('an interviewer may not correct contact fields', async () => {
    const { core, session, a } = await withApplicant();
    const iv = await addUserAndLogin(core, session, 'iv1', 'interviewer');
    expect((await err(core, iv, 'applicants.correctContact', { id: a.id, phone: NEW_PHONE, reason: '更正' })).code).toBe(
      'FORBIDDEN',
    );
  });
});
