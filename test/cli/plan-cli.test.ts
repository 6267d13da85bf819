import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, initBase } from '../helpers/cli';
import { tempDir } from '../helpers/core';

const PLAN = join(import.meta.dirname, '../fixtures/plans/jilin-2024-residency-plan.csv');
const env = { BASEDESK_PASSWORD: 'admin-pass-123' };

describe('basedesk plan import over an existing plan', () => {
  it('prints the diff and exits 1 unless --replace --reason is given', async () => {
    const dir = tempDir();
    expect((await initBase(dir, env)).code).toBe(0);
    expect((await cli(['--data-dir', dir, 'plan', 'import', PLAN], { env })).code).toBe(0);
    const small = join(dir, 'small.csv');
    writeFileSync(small, '专业名称,计划人数\n全科,5\n儿科,2\n');

    const refused = await cli(['--data-dir', dir, 'plan', 'import', small], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('合计：90 → 7 人');
    expect(refused.stderr).toContain('变更：全科 30 → 5 人');
    expect(refused.stderr).toContain('PLAN_REPLACE_NEEDS_CONFIRMATION');
    const unchanged = await cli(['--data-dir', dir, 'plan', 'show', '--json'], { env });
    expect(unchanged.json<{ total: number }>().total).toBe(90);

    const replaced = await cli(['--data-dir', dir, 'plan', 'import', small, '--replace', '--reason', '省里下达的新计划'], {
      env,
    });
    expect(replaced.stderr).toBe('');
    expect(replaced.code).toBe(0);
    const after = await cli(['--data-dir', dir, 'plan', 'show', '--json'], { env });
    expect(after.json<{ total: number }>().total).toBe(7);
  });
});
