import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../src/core/open-core';
import { writeCsv } from '../../src/core/testdata';
import { cli, initBase, testDbKey } from '../helpers/cli';
import { tempDir } from '../helpers/core';
import { addApplicants, type TestApplicant } from '../core/scores/fixtures';

const env = { BASEDESK_PASSWORD: 'admin-pass-123' };

async function base(n: number): Promise<{ dir: string; people: TestApplicant[] }> {
  const dir = tempDir();
  expect((await initBase(dir, env)).code).toBe(0);
  const core = await openCore({ dataDir: dir, dbKey: testDbKey() });
  try {
    return { dir, people: await addApplicants(core, n) };
  } finally {
    await core.close();
  }
}

describe('basedesk reduction', () => {
  it('records the 审批表 outcome for people named in a file or on stdin, never on the command line; lists with --json', async () => {
    const { dir, people } = await base(2);
    const [a, b] = people as [TestApplicant, TestApplicant];
    const ids = join(tempDir(), 'ids.txt');
    writeFileSync(ids, `# 审批表 2024-08-10\n${a.idNumber}\n`);
    const args = ['--months', '12', '--makeup', '心血管内科:3,急诊科:1.5', '--decided-on', '2024-08-10'];
    const r = await cli(['--data-dir', dir, '--json', 'reduction', 'record', '--ids-file', ids, ...args], { env });
    expect(r.stderr).toBe('');
    expect(r.json<Array<{ outcome: { years: number } }>>()[0]!.outcome.years).toBe(2);

    const viaStdin = await cli(['--data-dir', dir, '--json', 'reduction', 'record', '-', ...args], {
      env,
      stdin: `${b.idNumber}\n`,
    });
    expect(viaStdin.code).toBe(0);

    const onLine = await cli(['--data-dir', dir, 'reduction', 'record', a.idNumber, ...args], { env });
    expect(onLine.code).not.toBe(0);
    expect(onLine.stderr).toContain('不能写在命令行上');

    const list = await cli(['--data-dir', dir, '--json', 'reduction', 'list'], { env });
    const l = list.json<{
      cohortYear: number;
      rows: Array<{ name: string; idNumber: string; outcome: { monthsGranted: number; makeup: unknown[] } }>;
    }>();
    expect(l.cohortYear).toBe(2024);
    expect(l.rows.map((x) => x.name).sort()).toEqual([a.name, b.name].sort());
    expect(l.rows[0]!.outcome).toMatchObject({
      monthsGranted: 12,
      makeup: [
        { department: '心血管内科', months: 3 },
        { department: '急诊科', months: 1.5 },
      ],
    });
    expect(list.stdout).not.toContain(a.idNumber);
  });

  it('scores export --platform writes the platform file owner-only and warns about missing scores', async () => {
    const { dir, people } = await base(2);
    const [a, b] = people as [TestApplicant, TestApplicant];
    const csv = join(tempDir(), 's.csv');
    writeFileSync(
      csv,
      writeCsv(
        [
          ['姓名', '身份证号', '笔试成绩', '面试成绩'],
          [a.name, a.idNumber, '80', '90'],
          [b.name, b.idNumber, '75', ''],
        ],
        { encoding: 'utf-8' },
      ),
    );
    expect((await cli(['--data-dir', dir, 'scores', 'import', csv], { env })).code).toBe(0);
    const out = join(tempDir(), 'platform.xlsx');
    const r = await cli(['--data-dir', dir, 'scores', 'export', '--platform', out], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 人');
    expect(r.stderr).toContain('缺面试成绩');
    expect(r.stderr).not.toContain(b.idNumber);
    expect(statSync(out).mode & 0o077).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});
