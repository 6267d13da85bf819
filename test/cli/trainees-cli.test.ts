import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/api/dispatch';
import { openCore } from '../../src/core/open-core';
import { traineesCsv, traineesXlsx } from '../../src/core/testdata/trainees';
import { seedApplicants } from '../core/admission/seed';
import { registry } from '../core/trainees/helpers';
import { cli, initBase, testDbKey } from '../helpers/cli';
import { tempDir } from '../helpers/core';

const env = { BASEDESK_PASSWORD: 'admin-pass-123' };

type ImportOut = {
  imported: number;
  updated: number;
  unchanged: number;
  rejected: Array<{ row: number; field: string; code: string; message: string }>;
};
type ListOut = {
  total: number;
  trainees: Array<{
    idNumber: string;
    name: string;
    program: string;
    specialtyCode: string;
    cohortYear: number;
    startDate: string;
    years: number;
    status: string;
  }>;
};

async function initialised(): Promise<string> {
  const dir = tempDir();
  expect((await initBase(dir, env)).code).toBe(0);
  return dir;
}

describe('basedesk trainees', () => {
  it('import --dry-run, import, re-import and list --json in the documented shapes', async () => {
    const dir = await initialised();
    const rows = registry(9, 77);
    const file = join(dir, '在培学员.xlsx');
    writeFileSync(file, await traineesXlsx(rows));

    const dry = await cli(['--data-dir', dir, 'trainees', 'import', file, '--dry-run', '--json'], { env });
    expect(dry.code).toBe(0);
    expect(dry.json<ImportOut>()).toMatchObject({ imported: 9, updated: 0, unchanged: 0, rejected: [] });
    expect((await cli(['--data-dir', dir, 'trainees', 'list', '--json'], { env })).json<ListOut>().total).toBe(0);

    const first = await cli(['--data-dir', dir, 'trainees', 'import', file, '--json'], { env });
    expect(first.code).toBe(0);
    const out = first.json<ImportOut>();
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['imported', 'updated', 'unchanged', 'rejected']));
    expect(out).toMatchObject({ imported: 9, updated: 0, unchanged: 0, rejected: [] });
    const again = await cli(['--data-dir', dir, 'trainees', 'import', file, '--json'], { env });
    expect(again.json<ImportOut>()).toMatchObject({ imported: 0, updated: 0, unchanged: 9 });

    const list = (await cli(['--data-dir', dir, 'trainees', 'list', '--json'], { env })).json<ListOut>();
    expect(list.total).toBe(9);
    const one = list.trainees.find((t) => t.name === rows[0]!.姓名)!;
    expect(Object.keys(one).sort()).toEqual([
      'cohortYear',
      'idNumber',
      'name',
      'program',
      'specialtyCode',
      'startDate',
      'status',
      'years',
    ]);
    expect(one).toEqual({
      idNumber: rows[0]!.证件号码.slice(0, 6) + '********' + rows[0]!.证件号码.slice(14),
      name: rows[0]!.姓名,
      program: 'residency',
      specialtyCode: expect.stringMatching(/^\d{4}$/),
      cohortYear: Number(rows[0]!.年级),
      startDate: rows[0]!.培训开始日期,
      years: Number(rows[0]!.培训年限),
      status: 'active',
    });
    const revealed = (await cli(['--data-dir', dir, 'trainees', 'list', '--json', '--reveal'], { env })).json<ListOut>();
    expect(revealed.trainees.map((t) => t.idNumber).sort()).toEqual(rows.map((r) => r.证件号码).sort());
  });

  it('a file with a bad row: the problems in the documented shape, nothing written, exit 1', async () => {
    const dir = await initialised();
    const rows = registry(5, 78);
    rows[2]!.培训专业 = '星际医学科';
    const file = join(dir, '学员-gbk.csv');
    writeFileSync(file, traineesCsv(rows, 'gb18030'));
    const r = await cli(['--data-dir', dir, 'trainees', 'import', file, '--json'], { env });
    expect(r.code).toBe(1);
    expect(r.json<ImportOut>()).toMatchObject({
      imported: 0,
      updated: 0,
      rejected: [{ row: 4, field: '培训专业', code: 'UNKNOWN_SPECIALTY', message: expect.stringContaining('第 4 行') }],
    });
    expect(JSON.parse(r.stderr)).toMatchObject({ error: { code: 'TRAINEES_IMPORT_REJECTED' } });
    expect((await cli(['--data-dir', dir, 'trainees', 'list', '--json'], { env })).json<ListOut>().total).toBe(0);
  });

  it('enrol --cohort: admitted applicants who reported in become trainees; status reads the ID number from stdin', async () => {
    const dir = await initialised();
    const core = await openCore({ dataDir: dir, idleMinutes: 0, dbKey: testDbKey() });
    let s: Awaited<ReturnType<typeof seedApplicants>>;
    try {
      await core.db
        .insertInto('plan_rows')
        .values({ cohort_year: 2024, specialty_code: '0100', category: '', quota: 2, updated_at: '' })
        .execute();
      s = await seedApplicants(core, [
        { key: 'A', choices: ['0100'], total: 90 },
        { key: 'B', choices: ['0100'], total: 85 },
      ]);
      const login = await dispatch(core, 'seed', 'auth.login', { username: 'admin', password: env.BASEDESK_PASSWORD });
      expect(login.ok).toBe(true);
      expect((await dispatch(core, 'seed', 'admission.run', {})).ok).toBe(true);
      expect((await dispatch(core, 'seed', 'admission.recordReportIn', { applicantId: s.id('A'), date: '2024-08-20' })).ok).toBe(
        true,
      );
    } finally {
      await core.close();
    }

    const enrol = await cli(['--data-dir', dir, 'trainees', 'enrol', '--cohort', '2024', '--json'], { env });
    expect(enrol.code).toBe(0);
    expect(enrol.json()).toMatchObject({
      cohortYear: 2024,
      enrolled: 1,
      alreadyEnrolled: 0,
      notReported: 1,
      trainees: [{ name: s.name('A'), specialtyCode: '0100', years: 3, startDate: '2024-09-01' }],
    });
    expect(enrol.stdout).not.toContain(s.idNumber('A'));
    const again = await cli(['--data-dir', dir, 'trainees', 'enrol', '--cohort', '2024', '--json'], { env });
    expect(again.json()).toMatchObject({ enrolled: 0, alreadyEnrolled: 1 });

    // The password from the environment, the ID number from standard input: neither on the command line.
    const status = await cli(
      ['--data-dir', dir, 'trainees', 'status', '-', '--to', 'suspended', '--date', '2024-10-08', '--reason', '病假', '--json'],
      { env, stdin: `${s.idNumber('A')}\n` },
    );
    expect(status.code).toBe(0);
    expect(status.json()).toMatchObject({
      name: s.name('A'),
      status: 'suspended',
      statusHistory: [{ toStatus: 'suspended', reason: '病假' }],
    });
    expect(status.stdout).not.toContain(s.idNumber('A'));
    const list = (await cli(['--data-dir', dir, 'trainees', 'list', '--status', 'suspended', '--json'], { env })).json<ListOut>();
    expect(list.trainees.map((t) => t.name)).toEqual([s.name('A')]);

    const noReason = await cli(
      ['--data-dir', dir, 'trainees', 'status', s.idNumber('A'), '--to', 'active', '--date', '2024-11-01'],
      { env },
    );
    expect(noReason.code).toBe(2);
    const human = await cli(
      [
        '--data-dir',
        dir,
        'trainees',
        'status',
        s.idNumber('A'),
        '--to',
        'active',
        '--date',
        '2024-11-01',
        '--reason',
        '病愈返岗',
      ],
      { env },
    );
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('自 2024年11月1日 起为“在培”');

    // Both from standard input: the password first, then the ID number.
    const moved = await cli(
      [
        '--data-dir',
        dir,
        '--json',
        'trainees',
        'transfer',
        '-',
        '--kind',
        'specialty',
        '--to',
        '儿科',
        '--date',
        '2024-12-01',
        '--reason',
        '本人申请',
      ],
      { stdin: `${env.BASEDESK_PASSWORD}\n${s.idNumber('A')}\n` },
    );
    expect(moved.code).toBe(0);
    expect(moved.json()).toMatchObject({
      specialtyCode: '0200',
      transfers: [{ kind: 'specialty', before: '0100', after: '0200' }],
    });
    const missing = await cli(
      ['--data-dir', dir, 'trainees', 'status', '-', '--to', 'active', '--date', '2024-12-02', '--reason', '核对'],
      { env },
    );
    expect(missing.stderr).toContain('ID_NUMBER_REQUIRED');
  });
});
