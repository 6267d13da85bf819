import { describe, expect, it } from 'vitest';
import { openCore } from '../../src/core/open-core';
import type { RetentionPreview, RetentionPurgeResult, RetentionSettingsView } from '../../src/shared/contract/retention';
import { otherYear } from '../core/retention/fixture';
import { cli, initBase, testDbKey } from '../helpers/cli';
import { tempDir } from '../helpers/core';

const env = { BASEDESK_PASSWORD: 'admin-pass-123' };

/** A base in 2024 with three 2023 applicants: that year is over, so (today) they are long due. */
async function baseWithOldYear(): Promise<string> {
  const dir = tempDir();
  expect((await initBase(dir, env)).code).toBe(0);
  const core = await openCore({ dataDir: dir, idleMinutes: 0, dbKey: testDbKey() });
  try {
    await otherYear(core, 2023, 3, 31);
  } finally {
    await core.close();
  }
  return dir;
}

describe('basedesk retention', () => {
  it('show, purge --dry-run and purge --reason answer in the documented JSON shapes', async () => {
    const dir = await baseWithOldYear();
    const show = await cli(['--data-dir', dir, 'retention', 'show', '--json'], { env });
    expect(show.code).toBe(0);
    expect(show.json<RetentionSettingsView>()).toEqual({
      applicantMonths: 6,
      packageDays: 90,
      example: true,
      updatedAt: null,
      updatedBy: null,
    });

    const dry = await cli(['--data-dir', dir, 'retention', 'purge', '--dry-run', '--json'], { env });
    expect(dry.code).toBe(0);
    const p = dry.json<RetentionPreview>();
    expect(Object.keys(p).sort()).toEqual(['packages', 'settings', 'today', 'totals', 'years']);
    expect(p.totals).toEqual({ applicants: 3, files: 0, packages: 0, packageBytes: 0 });
    expect(p.years[0]).toMatchObject({ cohortYear: 2023, final: true, basis: 'year-end', due: true, dueApplicants: 3 });

    const noReason = await cli(['--data-dir', dir, 'retention', 'purge', '--json'], { env });
    expect(noReason.code).toBe(1);
    expect(noReason.stderr + noReason.stdout).toContain('RETENTION_REASON_REQUIRED');

    const purge = await cli(['--data-dir', dir, 'retention', 'purge', '--reason', '到期清理', '--json'], { env });
    expect(purge.code).toBe(0);
    const r = purge.json<RetentionPurgeResult>();
    expect(Object.keys(r).sort()).toEqual([
      'applicants',
      'fileProblems',
      'files',
      'packageBytes',
      'packages',
      'purgedAt',
      'years',
    ]);
    expect(r).toMatchObject({ applicants: 3, years: [{ cohortYear: 2023, applicants: 3 }], files: 0, fileProblems: [] });

    const again = await cli(['--data-dir', dir, 'retention', 'purge', '--reason', '到期清理'], { env });
    expect(again.stdout).toContain('没有到期的数据，未做任何更改');
  });

  it('set saves the periods with a reason and drops the example mark', async () => {
    const dir = await baseWithOldYear();
    const args = ['--data-dir', dir, 'retention', 'set', '--applicant-months', '12', '--package-days', '30'];
    const set = await cli([...args, '--reason', '院内档案制度', '--json'], { env });
    expect(set.code).toBe(0);
    expect(set.json<RetentionSettingsView>()).toMatchObject({ applicantMonths: 12, packageDays: 30, example: false });
    const human = await cli(['--data-dir', dir, 'retention', 'show'], { env });
    expect(human.stdout).toContain('保存 12 个月');
    expect(human.stdout).not.toContain('示例');
  });
});
