import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/api/dispatch';
import { openCore } from '../../src/core/open-core';
import { seedExamWorld } from '../core/exam/world';
import { cli, initBase, testDbKey } from '../helpers/cli';
import { tempDir } from '../helpers/core';

const env = { BASEDESK_PASSWORD: 'admin-pass-123', BASEDESK_KEY_PASSPHRASE: '签名口令 exam' };

type CandidatesOut = {
  year: number;
  candidates: Array<{
    idNumber: string;
    name: string;
    program: string;
    specialtyCode: string;
    trainingStart: string;
    trainingEnd: string;
    retake: boolean;
    eligible: boolean;
    eligibility: string;
    checks: Array<{ code: string; passed: boolean; message: string }>;
  }>;
};

/** A Chongqing base made by `basedesk init`, with the shaped registry and rotation plans written in. */
async function seeded() {
  const dir = tempDir();
  expect((await initBase(dir, env, { baseName: '重庆测试医院', preset: 'chongqing-2022-agp' })).code).toBe(0);
  const core = await openCore({ dataDir: dir, idleMinutes: 0, dbKey: testDbKey() });
  try {
    const login = await dispatch(core, 'seed', 'auth.login', { username: 'admin', password: env.BASEDESK_PASSWORD });
    expect(login.ok).toBe(true);
    const people = await seedExamWorld(core, 'seed');
    const handbook = await dispatch(core, 'seed', 'exam.propose', { year: 2024 });
    expect(handbook.ok).toBe(true);
    const check = await dispatch(core, 'seed', 'exam.recordCheck', {
      year: 2024,
      trainee: people.complete.证件号码,
      code: 'HANDBOOK',
      passed: true,
      evidence: '轮转登记手册已核对',
      reason: '补录审核记录',
    });
    expect(check.ok).toBe(true);
    return { dir, people };
  } finally {
    await core.close();
  }
}

describe('basedesk exam', () => {
  it('candidates --year --json in the documented shape, ID numbers masked unless --reveal', async () => {
    const { dir, people } = await seeded();
    const r = await cli(['--data-dir', dir, 'exam', 'candidates', '--year', '2024', '--json'], { env });
    expect(r.code).toBe(0);
    const out = r.json<CandidatesOut>();
    expect(out.year).toBe(2024);
    expect(out.candidates).toHaveLength(6);
    for (const c of out.candidates) {
      expect(Object.keys(c)).toEqual(
        expect.arrayContaining([
          'idNumber',
          'name',
          'program',
          'specialtyCode',
          'trainingStart',
          'trainingEnd',
          'retake',
          'eligible',
          'checks',
        ]),
      );
      expect(c.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    }
    const complete = out.candidates.find((c) => c.name === people.complete.姓名)!;
    expect(complete).toMatchObject({
      program: 'residency',
      trainingStart: '2021-09-01',
      trainingEnd: '2024-08-31',
      retake: false,
      eligible: true,
      eligibility: 'eligible',
    });
    expect(complete.checks.map((c) => c.code)).toEqual([
      'TRAINING_COMPLETE',
      'ROTATION_PLAN',
      'HANDBOOK',
      'PHYSICIAN_QUALIFICATION',
    ]);
    expect(r.stdout).not.toContain(people.complete.证件号码);

    const human = await cli(['--data-dir', dir, 'exam', 'candidates', '--year', '2024', '--no-propose'], { env });
    expect(human.stdout).toContain('2024 年结业考核报考人员 6 人');
    // Each check by its name; one nobody has checked yet is waiting (?), not failed (✗); dates in Chinese.
    expect(human.stdout).toContain('? 登记手册真实、完整：待人工核验');
    expect(human.stdout).toContain('✓ 登记手册真实、完整：轮转登记手册已核对');
    expect(human.stdout).toContain('2021年9月1日 至 2024年8月31日');
    expect(human.stdout).not.toMatch(/HANDBOOK|TRAINING_COMPLETE|\d{4}-\d{2}-\d{2}/);
    expect(human.stdout).not.toContain(people.complete.证件号码);

    const revealed = await cli(['--data-dir', dir, 'exam', 'candidates', '--year', '2024', '--reveal', '--json'], { env });
    expect(revealed.stdout).toContain(people.complete.证件号码);
  });

  // The CLI runs on the real clock, long after the 2024 review window closed: every review needs a reason.
  it('review takes the ID from stdin; after the closing date it needs a reason; export writes the 汇总表', async () => {
    const { dir, people } = await seeded();
    const noReason = await cli(['--data-dir', dir, 'exam', 'review', '-', '--year', '2024', '--decision', 'approved', '--json'], {
      env,
      stdin: `${people.complete.证件号码}\n`,
    });
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toContain('EXAM_LATE_REASON_REQUIRED');

    const ok = await cli(
      [
        '--data-dir',
        dir,
        'exam',
        'review',
        '-',
        '--year',
        '2024',
        '--decision',
        'approved',
        '--reason',
        '补录当年审核结果',
        '--json',
      ],
      { env, stdin: `${people.complete.证件号码}\n` },
    );
    expect(ok.code).toBe(0);
    expect(ok.json<{ status: string; warning: string }>()).toMatchObject({ status: 'approved' });
    expect(ok.json<{ warning: string }>().warning).toContain('截止');

    const rejected = await cli(
      ['--data-dir', dir, 'exam', 'review', people.neither.证件号码, '--decision', 'rejected', '--reason', '不想要', '--json'],
      { env },
    );
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain('EXAM_REASON_REQUIRED');

    const file = join(dir, '汇总表.xlsx');
    const x = await cli(['--data-dir', dir, 'exam', 'export', '--program', 'residency', file, '--json'], { env });
    expect(x.code).toBe(0);
    expect(x.json<{ rows: number }>().rows).toBe(1);
    expect(statSync(file).mode & 0o777).toBe(0o600); // full ID numbers inside: owner-only
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).getCell(1).text).toBe('序号');
    expect(ws.getRow(3).getCell(7).text).toBe(people.complete.证件号码);
    const lines: string[] = [];
    ws.eachRow((row) => lines.push(row.values!.toString()));
    expect(lines.join('\n')).toContain('培训基地（盖章）');
    expect(lines.join('\n')).toContain('负责人签字');
  });

  it('results import: an unknown person is a per-row error and nothing is imported', async () => {
    const { dir, people } = await seeded();
    const file = join(dir, '成绩.csv');
    writeFileSync(
      file,
      [
        '姓名,证件号码,科目,结果,成绩',
        `${people.complete.姓名},${people.complete.证件号码},专业理论,合格,512`,
        '无名氏,11010519491231002X,专业理论,合格,480',
      ].join('\n'),
    );
    const bad = await cli(['--data-dir', dir, 'exam', 'results', 'import', file, '--year', '2024', '--json'], { env });
    expect(bad.code).toBe(1);
    const out = JSON.parse(bad.stdout) as { imported: number; rejected: Array<{ row: number; code: string }> };
    expect(out.imported).toBe(0);
    expect(out.rejected).toEqual([expect.objectContaining({ row: 3, code: 'EXAM_UNKNOWN_PERSON' })]);
    expect(bad.stderr).toContain('EXAM_RESULTS_REJECTED');

    writeFileSync(
      file,
      ['姓名,证件号码,科目,结果,成绩', `${people.complete.姓名},${people.complete.证件号码},专业理论,合格,512`].join('\n'),
    );
    const good = await cli(['--data-dir', dir, 'exam', 'results', 'import', file, '--year', '2024', '--json'], { env });
    expect(good.code).toBe(0);
    expect(good.json()).toMatchObject({ imported: 1, rejected: [] });
  });

  it('calendar: a year without one lists the sources; copy makes it, marked 示例; results --dry-run writes nothing', async () => {
    const { dir, people } = await seeded();
    const none = await cli(['--data-dir', dir, 'exam', 'calendar', 'show', '--year', '2026', '--json'], { env });
    expect(none.code).toBe(0);
    expect(none.json<{ calendar: null; sources: Array<{ id: string }> }>()).toMatchObject({
      calendar: null,
      sources: [{ id: 'chongqing-2024' }, { id: 'fujian-2024' }],
    });
    const copy = await cli(
      [
        '--data-dir',
        dir,
        'exam',
        'calendar',
        'copy',
        '--year',
        '2026',
        '--from',
        'chongqing-2024',
        '--reason',
        '先按2024年日程准备',
      ],
      { env },
    );
    expect(copy.code).toBe(0);
    expect(copy.stdout).toContain('2026年2月5日 至 2026年2月22日（示例）');

    const file = join(dir, '成绩.csv');
    writeFileSync(
      file,
      ['姓名,证件号码,科目,结果,成绩', `${people.complete.姓名},${people.complete.证件号码},专业理论,合格,512`].join('\n'),
    );
    const args = ['--data-dir', dir, 'exam', 'results', 'import', file, '--year', '2024', '--json'];
    const preview = await cli([...args, '--dry-run'], { env });
    expect(preview.code).toBe(0);
    expect(preview.json()).toMatchObject({ imported: 1, dryRun: true });
    expect((await cli(args, { env })).json()).toMatchObject({ imported: 1, dryRun: false });
  });

  it('package build --kind exam-registrations: signed, and the standard tools verify it', async () => {
    const { dir, people } = await seeded();
    const review = [
      '--data-dir',
      dir,
      'exam',
      'review',
      people.complete.证件号码,
      '--year',
      '2024',
      '--decision',
      'approved',
      '--reason',
      '补录当年审核结果',
    ];
    expect((await cli(review, { env })).code).toBe(0);
    const work = tempDir();
    const out = join(work, 'exam.zip');
    const built = await cli(['--data-dir', dir, 'package', 'build', '--kind', 'exam-registrations', '--out', out, '--json'], {
      env,
    });
    expect(built.stderr).toBe('');
    const b = built.json<{ uuid: string; sha512: string }>();
    const pub = join(work, 'base.pub');
    expect((await cli(['--data-dir', dir, 'keys', 'export-public', '--out', pub, '--json'], { env })).code).toBe(0);
    const bag = join(work, 'bag');
    execFileSync('unzip', ['-q', out, '-d', bag]);
    const ms = execFileSync('minisign', ['-Vm', join(bag, 'tagmanifest-sha512.txt'), '-p', pub], { encoding: 'utf8' });
    expect(ms).toContain(`uuid:${b.uuid}`);
    expect(ms).toContain('kind:exam-registrations');
    execFileSync('sha512sum', ['--quiet', '-c', 'tagmanifest-sha512.txt'], { cwd: bag });
    execFileSync('sha512sum', ['--quiet', '-c', 'manifest-sha512.txt'], { cwd: bag });
    const records = JSON.parse(readFileSync(join(bag, 'data', 'exam_candidates.json'), 'utf8')) as Array<{
      idNumber: string;
      status: string;
    }>;
    expect(records).toEqual([expect.objectContaining({ idNumber: people.complete.证件号码, status: 'approved' })]);
    const form = readFileSync(join(bag, 'data', 'forms', 'exam-summary-residency.html'), 'utf8');
    expect(form).toContain('培训基地（盖章）');
  });
});
