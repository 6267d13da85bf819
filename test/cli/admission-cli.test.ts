import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../src/core/open-core';
import { FIRST_PAGE } from '../../src/core/admission/service';
import { seedApplicants, type Person, type Seeded } from '../core/admission/seed';
import { cli, initBase, testDbKey } from '../helpers/cli';
import { tempDir } from '../helpers/core';

const env = { BASEDESK_PASSWORD: 'admin-pass-123' };

type RunJson = {
  runNo: number;
  admitted: Array<{
    idNumber: string;
    specialtyCode: string;
    category: string | null;
    round: string;
    rank: number;
    total: string;
  }>;
  unfilled: Array<{ specialtyCode: string; category: string | null; seatsLeft: number }>;
  ties: Array<{ specialtyCode: string; seatsLeft: number; applicants: Array<{ idNumber: string }> }>;
  changes: Array<{ kind: string; idNumber: string }>;
};

/** An initialised Jilin base with a plan and applicants written straight into its database. */
async function base(plan: Array<[string, number]>, people: Person[]): Promise<{ dir: string; s: Seeded }> {
  const dir = tempDir();
  const init = await initBase(dir, env);
  expect(init.code).toBe(0);
  const core = await openCore({ dataDir: dir, idleMinutes: 0, dbKey: testDbKey() });
  try {
    for (const [code, quota] of plan) {
      await core.db
        .insertInto('plan_rows')
        .values({ cohort_year: 2024, specialty_code: code, category: '', quota, updated_at: '' })
        .execute();
    }
    const s = await seedApplicants(core, people, 2024, { recordScores: true });
    return { dir, s };
  } finally {
    await core.close();
  }
}

describe('basedesk admission', () => {
  it('run --json: masked ID, specialty, category, round and rank per admitted applicant, unfilled seats and ties', async () => {
    const { dir, s } = await base(
      [
        ['0100', 2],
        ['0200', 2],
      ],
      [
        { key: 'A', choices: ['0100'], total: 90 },
        { key: 'B', choices: ['0100'], total: 85 },
        { key: 'C', choices: ['0100'], total: 85 },
        { key: 'D', choices: ['0200'], total: 70 },
      ],
    );
    const r = await cli(['--data-dir', dir, '--json', 'admission', 'run'], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const v = r.json<RunJson>();
    expect(v.admitted).toEqual([
      expect.objectContaining({
        idNumber: s.idNumber('A').slice(0, 6) + '********' + s.idNumber('A').slice(14),
        specialtyCode: '0100',
        category: null,
        round: 'choice-1',
        rank: 1,
      }),
      expect.objectContaining({ specialtyCode: '0200', round: 'choice-1', rank: 1, total: '70.00' }),
    ]);
    expect(v.unfilled).toEqual([{ specialtyCode: '0200', category: null, seatsLeft: 1 }]);
    expect(v.ties).toHaveLength(1);
    expect(v.ties[0]).toMatchObject({ specialtyCode: '0100', seatsLeft: 1 });
    expect(v.ties[0]!.applicants.map((p) => p.idNumber)).not.toContain(s.idNumber('B'));

    const revealed = await cli(['--data-dir', dir, '--json', 'admission', 'list', '--reveal'], { env });
    expect(revealed.json<RunJson>().admitted[0]!.idNumber).toBe(s.idNumber('A'));
    const human = await cli(['--data-dir', dir, 'admission', 'list'], { env });
    expect(human.stdout).toContain('末位同分待决定');
    expect(human.stdout).not.toContain(s.idNumber('A'));
  });

  it('run --json and decline --json print every admitted and not-admitted applicant, however many', async () => {
    const many = FIRST_PAGE + 5;
    const people = Array.from({ length: many + 3 }, (_, i) => ({ key: `P${i}`, choices: ['0100'], total: 60 + i / 10 }));
    const { dir, s } = await base([['0100', many]], people);
    const r = await cli(['--data-dir', dir, '--json', 'admission', 'run'], { env });
    expect(r.code).toBe(0);
    const v = r.json<RunJson & { notAdmitted: unknown[] }>();
    expect([v.admitted.length, v.notAdmitted.length]).toEqual([many, 3]);
    const d = await cli(['--data-dir', dir, '--json', 'admission', 'decline', s.idNumber(`P${many + 2}`)], { env });
    expect(d.json<RunJson>().admitted).toHaveLength(many);
    const listed = await cli(['--data-dir', dir, '--json', 'admission', 'list'], { env });
    expect(listed.json<RunJson>().admitted).toEqual(d.json<RunJson>().admitted);
  });

  it('decline ID_NUMBER frees the seat and prints what changed; a re-run after publication needs --confirm --reason', async () => {
    const { dir, s } = await base(
      [['0100', 1]],
      [
        { key: 'A', choices: ['0100'], total: 90 },
        { key: 'B', choices: ['0100'], total: 85 },
      ],
    );
    expect((await cli(['--data-dir', dir, 'admission', 'run'], { env })).code).toBe(0);
    const d = await cli(['--data-dir', dir, '--json', 'admission', 'decline', s.idNumber('A'), '--reason', '本人放弃'], { env });
    expect(d.code).toBe(0);
    const v = d.json<RunJson>();
    expect(v.runNo).toBe(2);
    expect(v.changes.map((c) => c.kind)).toEqual(['dropped', 'admitted']);
    expect(v.admitted.map((a) => a.idNumber)).toEqual([s.idNumber('B').slice(0, 6) + '********' + s.idNumber('B').slice(14)]);

    expect((await cli(['--data-dir', dir, 'admission', 'publish', '--start', '2024-07-10'], { env })).code).toBe(0);
    const warned = await cli(['--data-dir', dir, '--json', 'admission', 'run'], { env });
    expect(warned.code).toBe(1);
    expect(JSON.parse(warned.stderr)).toMatchObject({ error: { code: 'ADMISSION_PUBLISHED' } });
    const confirmed = await cli(['--data-dir', dir, '--json', 'admission', 'run', '--confirm', '--reason', '成绩复核后更正'], {
      env,
    });
    expect(confirmed.code).toBe(0);
    expect(confirmed.json<RunJson>().runNo).toBe(3);

    const out = join(tempDir(), 'summary.xlsx');
    expect((await cli(['--data-dir', dir, 'admission', 'export', out], { env })).code).toBe(0);
    // Full ID numbers inside: owner-only, written under a temporary name and renamed, nothing left beside it.
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readdirSync(dirname(out))).toEqual(['summary.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    // 附件4 layout: title, 培训基地（盖章） line, header; the 住培 sheet has 专业 as its third column.
    expect(wb.worksheets[0]!.getRow(3).getCell(5).value).toBe('身份证号');
    expect(wb.worksheets[0]!.getRow(4).getCell(5).value).toBe(s.idNumber('B'));
  });

  it('bad input: a choice outside the plan is named and nothing is saved', async () => {
    const { dir } = await base([['0100', 1]], [{ key: 'A', choices: ['1900'], total: 90 }]);
    const r = await cli(['--data-dir', dir, 'admission', 'run'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ADMISSION_CHOICE_NOT_IN_PLAN');
    expect(r.stderr).toContain('--skip-invalid-choices');
    expect((await cli(['--data-dir', dir, 'admission', 'list'], { env })).stderr).toContain('ADMISSION_NOT_RUN');
    const bad = await cli(['--data-dir', dir, 'admission', 'run', '--round', '9'], { env });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('USAGE');
  });

  it('list --json says when the result is out of date and why; publish is refused until a re-run', async () => {
    const { dir } = await base(
      [['0100', 1]],
      [
        { key: 'A', choices: ['0100'], total: 90 },
        { key: 'B', choices: ['0100'], total: 80 },
      ],
    );
    expect((await cli(['--data-dir', dir, 'admission', 'run'], { env })).code).toBe(0);
    // The plan changes after the run (one more seat in 内科).
    const core = await openCore({ dataDir: dir, idleMinutes: 0, dbKey: testDbKey() });
    try {
      await core.db.updateTable('plan_rows').set({ quota: 2 }).where('specialty_code', '=', '0100').execute();
    } finally {
      await core.close();
    }
    const stale = await cli(['--data-dir', dir, '--json', 'admission', 'list'], { env });
    expect(stale.code).toBe(0);
    const v = stale.json<RunJson & { stale: boolean; staleReasons: string[] }>();
    expect(v).toMatchObject({ stale: true, staleReasons: ['PLAN_CHANGED'], runNo: 1 });
    // The documented shape is kept: the new fields are added, nothing renamed or dropped.
    expect(Object.keys(v)).toEqual(expect.arrayContaining(['cohortYear', 'runNo', 'admitted', 'unfilled', 'ties', 'changes']));
    expect((await cli(['--data-dir', dir, 'admission', 'list'], { env })).stdout).toContain('结果已过期：招收计划有变化');
    const pub = await cli(['--data-dir', dir, 'admission', 'publish', '--start', '2024-07-10'], { env });
    expect(pub.code).toBe(1);
    expect(pub.stderr).toContain('ADMISSION_STALE');
    expect(pub.stderr).toContain('招收计划有变化');
    expect((await cli(['--data-dir', dir, 'admission', 'run'], { env })).code).toBe(0);
    const again = await cli(['--data-dir', dir, '--json', 'admission', 'list'], { env });
    expect(again.json<{ stale: boolean; admitted: unknown[] }>()).toMatchObject({ stale: false, admitted: [{}, {}] });
  }, 90_000);
});
