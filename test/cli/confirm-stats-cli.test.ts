import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../src/core/testdata';
import { cli, initBase } from '../helpers/cli';
import { tempDir } from '../helpers/core';
import { roster } from '../core/applicants/helpers';

const env = { BASEDESK_PASSWORD: 'admin-pass-123' };

describe('basedesk confirm stats', () => {
  it('prints the per-day, per-clerk and remaining counts as JSON and writes the workbook', async () => {
    const dir = tempDir();
    expect((await initBase(dir, env)).code).toBe(0);
    const rows = roster(6, 9);
    const file = join(dir, '名单.xlsx');
    writeFileSync(file, await writeXlsx(rows));
    expect((await cli(['--data-dir', dir, 'applicants', 'import', file], { env })).code).toBe(0);
    const decided = await cli(
      ['--data-dir', dir, 'confirm', rows[0]!.证件号码, '--decision', 'returned', '--reason', '缺学位证书'],
      { env },
    );
    expect(decided.code).toBe(0);
    const out = join(dir, '确认统计.xlsx');
    const r = await cli(['--data-dir', dir, '--json', 'confirm', 'stats', '--xlsx', out], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const s = r.json<{
      total: number;
      byOutcome: Record<string, number>;
      perClerk: Array<{ clerkName: string; returned: number }>;
      remaining: { pending: number; returned: number };
      progress: { source: string; daysTotal: number };
      file: string;
    }>();
    expect(s.total).toBe(6);
    expect(s.byOutcome).toEqual({ pending: 5, confirmed: 0, returned: 1, rejected: 0 });
    expect(s.perClerk).toHaveLength(1);
    expect(s.perClerk[0]!.returned).toBe(1);
    expect(s.remaining).toMatchObject({ pending: 5, returned: 1 });
    expect(s.progress).toMatchObject({ source: 'window', daysTotal: 4 }); // Jilin 2024: 7月1日—4日
    expect(existsSync(out)).toBe(true);
    const human = await cli(['--data-dir', dir, 'confirm', 'stats'], { env });
    expect(human.stdout).toContain('报名 6 人');
    expect(human.stdout).toContain('退回补正 1');
  });

  it('says so when no decision has been made yet, instead of an empty section', async () => {
    const dir = tempDir();
    expect((await initBase(dir, env)).code).toBe(0);
    const file = join(dir, '名单.xlsx');
    writeFileSync(file, await writeXlsx(roster(3, 9)));
    expect((await cli(['--data-dir', dir, 'applicants', 'import', file], { env })).code).toBe(0);
    const human = await cli(['--data-dir', dir, 'confirm', 'stats'], { env });
    expect(human.stdout).toContain('按日和经办人：\n（还没有任何确认结论）\n');
    expect(human.stdout).toContain('待确认 3');
  });

  it('confirm without --decision still says what to give (the option is checked by the command, not commander)', async () => {
    const dir = tempDir();
    expect((await initBase(dir, env)).code).toBe(0);
    const r = await cli(['--data-dir', dir, 'confirm', '110105194912310029'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('USAGE');
    expect(r.stderr).toContain('--decision');
  });
});
