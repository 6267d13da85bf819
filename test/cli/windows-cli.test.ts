/** The CLI shows the windows; once they are in effect, a decision after the desk window needs --reason. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../src/core/testdata';
import { cli, initBase } from '../helpers/cli';
import { tempDir } from '../helpers/core';
import { roster } from '../core/applicants/helpers';

const env = { BASEDESK_PASSWORD: 'admin-pass-123' };

describe('basedesk windows and --reason after the window', () => {
  it('after Jilin 2024 现场确认 closed, confirm needs --reason once the windows are in effect', async () => {
    const dir = tempDir();
    expect((await initBase(dir, env)).code).toBe(0);
    const rows = roster(2, 31, ['社会人']).map((r) => ({ ...r, 是否农村订单定向: '否', 第一志愿: '内科' }));
    const file = join(dir, 'roster.csv');
    writeFileSync(file, writeCsv(rows, { encoding: 'utf-8' }));
    expect((await cli(['--data-dir', dir, 'applicants', 'import', file], { env })).code).toBe(0);
    const idsFile = join(dir, 'ids.txt');
    writeFileSync(idsFile, `${rows[0]!.证件号码}\n`);

    const shown = await cli(['--data-dir', dir, 'windows'], { env });
    expect(shown.stdout).toContain('现场确认：7月1日—7月4日，已截止');
    expect(shown.stdout).toContain('尚未启用');
    const json = (await cli(['--data-dir', dir, '--json', 'windows'], { env })).json<{ inEffect: boolean }>();
    expect(json.inEffect).toBe(false);

    expect((await cli(['--data-dir', dir, 'windows', 'confirm', '--reason', '吉林省2024年招收通知'], { env })).code).toBe(0);
    const decide = (...more: string[]) =>
      cli(['--data-dir', dir, 'confirm', '--ids-file', idsFile, '--decision', 'confirmed', '--checklist', 'complete', ...more], {
        env,
      });
    const refused = await decide();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('WINDOW_CLOSED');
    expect(refused.stderr).toContain('2024年7月4日 截止');
    const done = await decide('--reason', '考生7月4日已到场，次日补录');
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    const audit = await cli(['--data-dir', dir, 'audit', 'list', '--json'], { env });
    expect(audit.stdout).toContain('outsideWindow');
  });
});
