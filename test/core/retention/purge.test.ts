import { existsSync, readdirSync } from 'node:fs';
import { sql } from 'kysely';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addUserAndLogin, err, ok } from '../../helpers/core';
import { deliveredPackage, threeYears } from './fixture';

async function eventCount(core: Awaited<ReturnType<typeof threeYears>>['core']): Promise<number> {
  const r = await core.db
    .selectFrom('events')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('retention schedule', () => {
  it('ships example periods, marked as examples until saved with a reason (audited)', async () => {
    const { core, session } = await threeYears();
    expect(await ok(core, session, 'retention.get')).toMatchObject({ applicantMonths: 6, packageDays: 90, example: true });
    const e = await err(core, session, 'retention.update', { applicantMonths: 12, packageDays: 30, reason: '' });
    expect(e.code).toBe('INVALID_INPUT');
    const saved = await ok(core, session, 'retention.update', { applicantMonths: 12, packageDays: 30, reason: '按医院档案制度' });
    expect(saved).toMatchObject({ applicantMonths: 12, packageDays: 30, example: false, updatedBy: 'admin' });
    const ev = await core.db.selectFrom('events').selectAll().where('action', '=', 'retention.update').execute();
    expect(ev).toHaveLength(1);
    expect(ev[0]!.reason).toBe('按医院档案制度');
  });

  it('nothing of a year whose admission is not final is due; a final year is due only after the period', async () => {
    const { core, session, clock } = await threeYears();
    clock.set('2024-08-01T08:00:00.000Z');
    const p = await ok(core, session, 'retention.preview');
    const byYear = new Map(p.years.map((y) => [y.cohortYear, y]));
    // 2023: no 公示, but over and the base moved on: due 6 months after 31 December.
    expect(byYear.get(2023)).toMatchObject({
      final: true,
      basis: 'year-end',
      dueFrom: '2024-06-30',
      due: true,
      dueApplicants: 3,
    });
    // 2024: 公示 ended 2024-07-16, due from 2025-01-16; two non-admitted, the two admitted kept.
    expect(byYear.get(2024)).toMatchObject({ final: true, basis: 'publication', dueFrom: '2025-01-16', due: false });
    expect(byYear.get(2024)).toMatchObject({ nonAdmitted: 2, dueApplicants: 0, kept: 2 });
    // 2025: still open.
    expect(byYear.get(2025)).toMatchObject({ final: false, due: false, dueApplicants: 0 });
    expect(byYear.get(2025)!.note).toContain('录取尚未公示');
    expect(p.totals.applicants).toBe(3);
  });

  it('a list changed after 公示 is not final: nothing of that year is due', async () => {
    const { core, session, clock, s } = await threeYears();
    await ok(core, session, 'admission.decline', { applicantId: s.id('A'), reason: '放弃录取', confirm: true });
    clock.set('2025-06-01T08:00:00.000Z');
    const y2024 = (await ok(core, session, 'retention.preview')).years.find((y) => y.cohortYear === 2024)!;
    expect(y2024).toMatchObject({ final: false, due: false, dueApplicants: 0 });
  });
});

describe('retention purge', () => {
  it('clears only due non-admitted applicants, keeps tombstones, removes their scans, audits counts only', async () => {
    const { core, session, clock, s, y2025 } = await threeYears();
    const scanDir = join(core.dataDir, 'attachments');
    expect(readdirSync(scanDir)).toHaveLength(1);
    const admittedBefore = await core.db
      .selectFrom('applicants')
      .selectAll()
      .where('id', 'in', [s.id('A'), s.id('B')])
      .execute();
    const openBefore = await core.db.selectFrom('applicants').selectAll().where('id', 'in', y2025).execute();
    const listBefore = await ok(core, session, 'admission.list', {});
    clock.set('2025-02-01T08:00:00.000Z');

    const r = await ok(core, session, 'retention.purge', { reason: '到期清理' });
    expect(r).toMatchObject({ applicants: 5, files: 1, packages: 0, fileProblems: [] });
    expect(r.years).toEqual([
      { cohortYear: 2023, applicants: 3 },
      { cohortYear: 2024, applicants: 2 },
    ]);

    const c = await core.db.selectFrom('applicants').selectAll().where('id', '=', s.id('C')).executeTakeFirstOrThrow();
    expect(c).toMatchObject({ name: '已清理', id_number: '', phone: null, name_initials: '', cohort_year: 2024 });
    expect(c.purged_at).toBe('2025-02-01T08:00:00.000Z');
    expect(await core.db.selectFrom('applicant_attachments').selectAll().execute()).toEqual([]);
    expect(readdirSync(scanDir)).toHaveLength(0);
    // Admitted people and the open year are untouched, byte for byte.
    expect(
      await core.db
        .selectFrom('applicants')
        .selectAll()
        .where('id', 'in', [s.id('A'), s.id('B')])
        .execute(),
    ).toEqual(admittedBefore);
    expect(await core.db.selectFrom('applicants').selectAll().where('id', 'in', y2025).execute()).toEqual(openBefore);

    // The admission of the purged year still loads, is not out of date, and says 已清理 for the purged.
    const list = await ok(core, session, 'admission.list', {});
    expect(list.stale).toBe(false);
    expect(list.runNo).toBe(listBefore.runNo);
    expect(JSON.stringify(list)).toContain('已清理');
    expect(JSON.stringify(list)).not.toContain(s.name('C'));
    const detail = await ok(core, session, 'applicants.get', { id: s.id('C') });
    expect(detail.name).toBe('已清理');

    const ev = await core.db.selectFrom('events').selectAll().where('action', '=', 'retention.purge').execute();
    expect(ev).toHaveLength(1);
    expect(ev[0]!.reason).toBe('到期清理');
    expect(ev[0]!.after_json).toContain('"applicants":5');
    expect(ev[0]!.after_json).not.toContain(s.name('C'));
    expect(ev[0]!.after_json).not.toContain(s.idNumber('C').slice(-4));
    expect((await ok(core, session, 'audit.verify')).ok).toBe(true);
  });

  it('purging twice changes nothing and writes no second event', async () => {
    const { core, session, clock } = await threeYears();
    clock.set('2025-02-01T08:00:00.000Z');
    await ok(core, session, 'retention.purge', { reason: '到期清理' });
    const snapshot = await core.db.selectFrom('applicants').selectAll().orderBy('id').execute();
    const events = await eventCount(core);
    const again = await ok(core, session, 'retention.purge', { reason: '再次清理' });
    expect(again).toMatchObject({ applicants: 0, files: 0, packages: 0, years: [] });
    expect(await core.db.selectFrom('applicants').selectAll().orderBy('id').execute()).toEqual(snapshot);
    expect(await eventCount(core)).toBe(events);
    expect((await ok(core, session, 'retention.preview')).totals).toEqual({
      applicants: 0,
      files: 0,
      packages: 0,
      packageBytes: 0,
    });
  });

  it('deletes a delivered package file after its period and keeps its record', async () => {
    const { core, session, clock } = await threeYears();
    const file = await deliveredPackage(core, '01900000-0000-7000-8000-000000000001', '2024-07-20T03:00:00.000Z');
    clock.set('2024-10-17T08:00:00.000Z'); // 89 days after delivery
    const early = await ok(core, session, 'retention.preview');
    expect(early.packages).toMatchObject([{ dueFrom: '2024-10-18', due: false, bytes: 2048 }]);
    clock.set('2024-10-18T08:00:00.000Z');
    const r = await ok(core, session, 'retention.purge', { reason: '到期清理' });
    expect(r).toMatchObject({ packages: 1, packageBytes: 2048 });
    expect(existsSync(file)).toBe(false);
    const row = await core.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'delivered', sha512: 'ab'.repeat(64), file_purged_at: '2024-10-18T08:00:00.000Z' });
    expect(row.receipt_json).not.toBeNull();
    const e = await err(core, session, 'outbox.download', { uuid: row.uuid });
    expect(e.code).toBe('OUTBOX_FILE_PURGED');
    expect(e.message).toContain('按保存期限清理');
  });

  it('a package file left behind by a purge cut short is removed by the next purge', async () => {
    const { core, session } = await threeYears();
    const file = await deliveredPackage(core, '01900000-0000-7000-8000-000000000002', '2024-07-20T03:00:00.000Z');
    // As if the process died between the commit and the deletion.
    await core.db.updateTable('outbox').set({ file_purged_at: '2024-10-18T08:00:00.000Z' }).execute();
    expect((await ok(core, session, 'retention.preview')).packages).toEqual([]);
    const r = await ok(core, session, 'retention.purge', { reason: '到期清理' });
    expect(r.packages).toBe(0);
    expect(existsSync(file)).toBe(false);
  });

  it('needs a reason and the admin or coordinator role', async () => {
    const { core, session, clock } = await threeYears();
    clock.set('2025-02-01T08:00:00.000Z');
    expect((await err(core, session, 'retention.purge', { reason: ' ' })).code).toBe('INVALID_INPUT');
    const clerk = await addUserAndLogin(core, session, 'clerk1', 'clerk');
    expect((await err(core, clerk, 'retention.purge', { reason: '到期清理' })).code).toBe('FORBIDDEN');
    expect((await err(core, clerk, 'retention.preview')).code).toBe('FORBIDDEN');
    const coord = await addUserAndLogin(core, session, 'coord1', 'coordinator');
    expect((await ok(core, coord, 'retention.purge', { reason: '到期清理' })).applicants).toBe(5);
  });
});

describe('who is never purged', () => {
  it('keeps a non-admitted applicant who is in the trainee registry (same ID number)', async () => {
    const { core, session, clock, y2023 } = await threeYears();
    const kept = await core.db.selectFrom('applicants').selectAll().where('id', '=', y2023[0]!).executeTakeFirstOrThrow();
    await core.db
      .insertInto('trainees')
      .values({
        id: 'trainee-1',
        id_type: '居民身份证',
        id_number: kept.id_number,
        name: kept.name,
        name_initials: '',
        program: 'residency',
        specialty_code: '0100',
        cohort_year: 2023,
        start_date: '2023-09-01',
        years: 3,
        merged_postgraduate: 0,
        qualification_exam: 'none',
        theory_stage_exam: 'none',
        status: 'active',
        source: 'import',
        content_hash: '',
        created_at: '2023-09-01T00:00:00.000Z',
        updated_at: '2023-09-01T00:00:00.000Z',
      })
      .execute();
    clock.set('2024-08-01T08:00:00.000Z');
    const y = (await ok(core, session, 'retention.preview')).years.find((x) => x.cohortYear === 2023)!;
    expect(y).toMatchObject({ nonAdmitted: 2, dueApplicants: 2, kept: 1 });
    expect((await ok(core, session, 'retention.purge', { reason: '到期清理' })).applicants).toBe(2);
    expect(await core.db.selectFrom('applicants').selectAll().where('id', '=', kept.id).executeTakeFirstOrThrow()).toEqual(kept);
  });
});

describe('details other features keep about a purged person', () => {
  it('removes the paper 报名表 fields along with the applicant’s own', async () => {
    const { core, session, clock, s } = await threeYears();
    await sql`INSERT INTO applicant_paper_forms (applicant_id, address, hukou, source, entered_by, entered_at)
      VALUES (${s.id('C')}, '长春市某路 1 号', '吉林省长春市', '纸质报名表', 'admin', '2024-05-01T00:00:00.000Z'),
             (${s.id('A')}, '长春市某路 2 号', '吉林省长春市', '纸质报名表', 'admin', '2024-05-01T00:00:00.000Z')`.execute(
      core.db,
    );
    clock.set('2025-02-01T08:00:00.000Z');
    await ok(core, session, 'retention.purge', { reason: '到期清理' });
    const left = await sql<{ applicant_id: string }>`SELECT applicant_id FROM applicant_paper_forms`.execute(core.db);
    expect(left.rows.map((r) => r.applicant_id)).toEqual([s.id('A')]);
  });
});
