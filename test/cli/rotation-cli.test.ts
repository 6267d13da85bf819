import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../src/core/open-core';
import { addTrainees, EXAMPLE_DEPARTMENTS, EXAMPLE_SCHEME } from '../core/rotation/helpers';
import { cli, initBase, testDbKey } from '../helpers/cli';
import { tempDir } from '../helpers/core';

const env = { BASEDESK_PASSWORD: 'admin-pass-123', BASEDESK_KEY_PASSPHRASE: 'rotation key passphrase' };
/** Next year's cohort: it starts after today whatever day the tests run, so nothing is in the past. */
const COHORT = new Date().getUTCFullYear() + 1;

async function base(trainees = 3) {
  const dir = tempDir();
  expect((await initBase(dir, env, { year: COHORT })).code).toBe(0);
  const core = await openCore({ dataDir: dir, idleMinutes: 0, dbKey: testDbKey() });
  const people = await addTrainees(core, trainees, { cohortYear: COHORT });
  await core.close();
  const run = (args: string[], stdin?: string) =>
    cli(['--data-dir', dir, ...args], { env, ...(stdin !== undefined ? { stdin } : {}) });
  return { dir, people, run };
}

// Each test runs a dozen CLI invocations, each opening the database and logging in (scrypt).
describe('basedesk departments / rotation', { timeout: 120_000 }, () => {
  it('imports departments and schemes, plans, shows, checks and lists the roster as JSON', async () => {
    const { dir, people, run } = await base();
    const d = await run(['departments', 'import', EXAMPLE_DEPARTMENTS, '--json']);
    expect(d.code).toBe(0);
    expect(d.json()).toMatchObject({ imported: 22, rejected: [] });

    const s = await run(['rotation', 'schemes', 'import', EXAMPLE_SCHEME, '--json']);
    expect(s.code).toBe(0);
    expect(s.json()).toMatchObject({
      imported: 2,
      schemes: [
        { program: 'residency', specialtyCode: '0100', years: 3, totalMonths: 33 },
        { program: 'residency', specialtyCode: '0700', years: 3, totalMonths: 33 },
      ],
      rejected: [],
    });

    const p = await run(['rotation', 'plan', '--cohort', String(COHORT), '--json']);
    expect(p.code).toBe(0);
    const plan = p.json<{
      planned: number;
      infeasible: unknown[];
      peakLoad: Array<{ department: string; capacity: number; peak: number }>;
    }>();
    expect(plan.planned).toBe(3);
    expect(plan.infeasible).toEqual([]);
    expect(plan.peakLoad[0]).toEqual(
      expect.objectContaining({ department: expect.any(String), capacity: expect.any(Number), peak: expect.any(Number) }),
    );

    // The ID number comes from standard input (after the password line, which here is in the environment).
    const show = await run(['rotation', 'show', '-', '--json'], `${people[0]!.idNumber}\n`);
    expect(show.code).toBe(0);
    const shown = show.json<{ idNumber: string; name: string; blocks: Array<Record<string, unknown>> }>();
    expect(shown.name).toBe(people[0]!.name);
    expect(shown.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(shown.blocks[0]).toEqual(
      expect.objectContaining({
        department: expect.any(String),
        standardDepartments: expect.any(Array),
        site: null,
        start: `${COHORT}-09-01`,
        end: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        months: expect.any(Number),
      }),
    );

    const check = await run(['rotation', 'check', '--json']);
    expect(check.code).toBe(0);
    expect(check.json()).toEqual({ violations: [] });

    const roster = await run(['rotation', 'roster', '--from', `${COHORT}-09`, '--to', `${COHORT}-10`, '--json']);
    expect(roster.code).toBe(0);
    const months = roster.json<{
      months: Array<{ month: string; departments: Array<{ department: string; capacity: number; trainees: string[] }> }>;
    }>().months;
    expect(months.map((m) => m.month)).toEqual([`${COHORT}-09`, `${COHORT}-10`]);
    expect(months[0]!.departments.flatMap((x) => x.trainees).sort()).toEqual(people.map((x) => x.name).sort());

    const approve = await run(['rotation', 'approve', '--cohort', String(COHORT), '--json']);
    expect(approve.code).toBe(0);
    expect(approve.json()).toMatchObject({ changed: 3, status: 'base_approved' });

    const file = join(dir, 'plans.xlsx');
    const x = await run(['rotation', 'export', file, '--cohort', String(COHORT), '--json']);
    expect(x.code).toBe(0);
    expect(x.json()).toMatchObject({ example: true });
  });

  it('shifts a block by months (refused past the plan end) and writes the printable plan with --html', async () => {
    const { dir, people, run } = await base(1);
    expect((await run(['departments', 'import', EXAMPLE_DEPARTMENTS])).code).toBe(0);
    expect((await run(['rotation', 'schemes', 'import', EXAMPLE_SCHEME])).code).toBe(0);
    // In words: the programme by name and the blocks' dates in the Chinese form.
    expect((await run(['rotation', 'schemes', 'list'])).stdout).toMatch(/^(【[^】]+】)?住培\t0100\t3年\t33个月/m);
    expect((await run(['rotation', 'plan', '--cohort', String(COHORT)])).code).toBe(0);
    expect((await run(['rotation', 'show', '-'], `${people[0]!.idNumber}\n`)).stdout).toMatch(/^\d{4}年\d{1,2}月1日 至 \d{4}年/m);
    const shown = (await run(['rotation', 'show', '-', '--json'], `${people[0]!.idNumber}\n`)).json<{
      blocks: Array<{ id: string; start: string; end: string }>;
    }>();
    const last = shown.blocks.at(-1)!;
    const refused = await run(['rotation', 'shift', last.id, '--later', '0.5', '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stderr).error.code).toBe('ROTATION_SHIFT_PAST_END');
    expect((await run(['rotation', 'shift', last.id, '--later', '0.3'])).code).toBe(2);
    expect((await run(['rotation', 'shift', last.id])).code).toBe(2);

    const file = join(dir, 'plans.html');
    const h = await run(['rotation', 'export', file, '--cohort', String(COHORT), '--html', '--json']);
    expect(h.code).toBe(0);
    expect(h.json()).toMatchObject({ example: true, rows: shown.blocks.length });
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('轮转安排计划');
    expect(html).toContain(`${COHORT}年9月1日`);
    expect(html).not.toContain(people[0]!.idNumber);
    expect((await run(['rotation', 'export', file, '--exit-exams'])).code).toBe(2);
  });

  it('reports department row problems and exits 1 without importing', async () => {
    const { dir, run } = await base(0);
    const file = join(dir, '科室.csv');
    writeFileSync(file, '科室名称,标准科室,容量\n心内科,心血管内科,\n');
    const r = await run(['departments', 'import', file, '--json']);
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({
      imported: 0,
      rejected: [{ row: 2, field: '容量', code: 'DEPT_CAPACITY_REQUIRED', message: expect.any(String) }],
    });
  });

  it('exits 1 with the explanation when no valid plan exists', async () => {
    const { dir, run } = await base(12);
    const file = join(dir, '科室.csv');
    writeFileSync(file, '科室名称,标准科室,容量\n心血管内科一病区,心血管内科,1\n心血管内科二病区,心血管内科,1\n');
    expect((await run(['departments', 'import', EXAMPLE_DEPARTMENTS])).code).toBe(0);
    expect((await run(['departments', 'import', file])).code).toBe(0);
    expect((await run(['rotation', 'schemes', 'import', EXAMPLE_SCHEME])).code).toBe(0);
    const r = await run(['rotation', 'plan', '--cohort', String(COHORT), '--json']);
    expect(r.code).toBe(1);
    const out = r.json<{
      planned: number;
      infeasible: Array<{ department: string; from: string; to: string; shortTraineeMonths: number }>;
    }>();
    expect(out.planned).toBe(0);
    expect(out.infeasible[0]).toEqual(
      expect.objectContaining({
        department: expect.any(String),
        from: expect.any(String),
        to: expect.any(String),
        shortTraineeMonths: expect.any(Number),
      }),
    );
    expect(JSON.parse(r.stderr).error.code).toBe('ROTATION_INFEASIBLE');
  });

  it('records leave and a failed 出科考核 by ID number from stdin, and packages the approved plans', async () => {
    const { dir, people, run } = await base(2);
    expect((await run(['departments', 'import', EXAMPLE_DEPARTMENTS])).code).toBe(0);
    expect((await run(['rotation', 'schemes', 'import', EXAMPLE_SCHEME])).code).toBe(0);
    expect((await run(['rotation', 'plan', '--json'])).code).toBe(0);
    expect((await run(['rotation', 'approve', '--json'])).code).toBe(0);
    const id = `${people[0]!.idNumber}\n`;

    const leave = await run(
      ['rotation', 'leave', '-', '--from', `${COHORT + 1}-03-01`, '--to', `${COHORT + 1}-03-31`, '--type', '病假', '--json'],
      id,
    );
    expect(leave.code).toBe(0);
    const l = leave.json<{ previousEnd: string; newEnd: string; pastCutoff: boolean }>();
    expect([l.previousEnd, l.newEnd]).toEqual([`${COHORT + 3}-05-31`, `${COHORT + 3}-06-30`]);
    expect(l.pastCutoff).toBe(false);

    const first = (await run(['rotation', 'show', '-', '--json'], id)).json<{
      blocks: Array<{ department: string; end: string }>;
    }>().blocks[0]!;
    const exam = await run(
      ['rotation', 'exit-exam', '-', '--department', first.department, '--result', 'fail', '--date', first.end, '--json'],
      id,
    );
    expect(exam.code).toBe(0);
    expect(exam.json<{ newEnd: string }>().newEnd > l.newEnd).toBe(true);
    const bad = await run(['rotation', 'exit-exam', '-', '--department', first.department, '--result', 'maybe'], id);
    expect(bad.code).toBe(2);

    const out = join(dir, 'rotation.zip');
    const pkg = await run(['package', 'build', '--kind', 'rotation-plans', '--out', out, '--json']);
    expect(pkg.code).toBe(0);
    expect(pkg.json()).toMatchObject({ kind: 'rotation-plans', recordCounts: { plans: 2 } });
  });
});
