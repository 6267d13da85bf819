import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCsv, writeXlsx } from '../../src/core/testdata';
import { cli, initBase } from '../helpers/cli';
import { tempDir } from '../helpers/core';
import { roster } from '../core/applicants/helpers';

const env = { BASEDESK_PASSWORD: 'admin-pass-123' };

async function initialised(): Promise<string> {
  const dir = tempDir();
  const r = await initBase(dir, env);
  expect(r.code).toBe(0);
  return dir;
}

type ImportOut = {
  imported: number;
  updated: number;
  unchanged: number;
  rejected: Array<{ row: number; field: string; code: string; message: string }>;
};
type ListOut = {
  total: number;
  applicants: Array<{ idNumber: string; name: string; category: string; choices: string[]; confirmation: string }>;
};

describe('basedesk applicants / confirm', () => {
  it('import --dry-run, import, re-import, list --json in the documented shapes', async () => {
    const dir = await initialised();
    const rows = roster(12, 42);
    rows[4]!.手机号码 = '12345';
    const file = join(dir, '名单.xlsx');
    writeFileSync(file, await writeXlsx(rows));

    const dry = await cli(['--data-dir', dir, 'applicants', 'import', file, '--dry-run', '--json'], { env });
    expect(dry.code).toBe(0);
    const d = dry.json<ImportOut>();
    expect(Object.keys(d).sort()).toEqual(['imported', 'rejected', 'unchanged', 'updated']);
    expect(d).toMatchObject({ imported: 11, updated: 0, unchanged: 0 });
    // The documented shape, plus (allowed extras) who the row is, with the ID number masked.
    expect(d.rejected).toEqual([
      {
        row: 6,
        field: '手机号码',
        code: 'PHONE_FORMAT',
        message: expect.stringContaining('第 6 行'),
        name: rows[4]!.姓名,
        idNumber: expect.stringMatching(/^\d{6}\*{8}\d{3}[\dX]$/),
      },
    ]);
    expect((await cli(['--data-dir', dir, 'applicants', 'list', '--json'], { env })).json<ListOut>().total).toBe(0);

    expect((await cli(['--data-dir', dir, 'applicants', 'import', file, '--json'], { env })).json<ImportOut>()).toMatchObject({
      imported: 11,
    });
    expect((await cli(['--data-dir', dir, 'applicants', 'import', file, '--json'], { env })).json<ImportOut>()).toMatchObject({
      imported: 0,
      updated: 0,
      unchanged: 11,
    });

    const list = (await cli(['--data-dir', dir, 'applicants', 'list', '--json'], { env })).json<ListOut>();
    expect(list.total).toBe(11);
    const first = list.applicants.find((a) => a.name === rows[0]!.姓名)!;
    expect(Object.keys(first).sort()).toEqual([
      'category',
      'choiceList',
      'choices',
      'confirmation',
      'idNumber',
      'name',
      'roundHere',
    ]);
    expect(first).toMatchObject({
      idNumber: `${rows[0]!.证件号码.slice(0, 6)}********${rows[0]!.证件号码.slice(14)}`,
      confirmation: 'pending',
    });
    expect(first.choices[0]).toMatch(/^\d{4}$/);
    expect(first).toMatchObject({ choiceList: [{ order: 1, base: null, specialty: first.choices[0] }], roundHere: 1 });

    const revealed = (await cli(['--data-dir', dir, 'applicants', 'list', '--json', '--reveal'], { env })).json<ListOut>();
    expect(revealed.applicants.map((a) => a.idNumber)).toContain(rows[0]!.证件号码);
  });

  it('confirm ID_NUMBER... --decision, reason required for returned/rejected, clerk cannot --reveal', async () => {
    const dir = await initialised();
    const rows = roster(5, 43);
    const file = join(dir, 'r.csv');
    writeFileSync(file, writeCsv(rows, { encoding: 'utf-8' }));
    expect((await cli(['--data-dir', dir, 'applicants', 'import', file], { env })).code).toBe(0);

    // Without a recorded checklist 确认通过 is refused (it used to show 确认通过 with every required item 缺).
    const unrecorded = await cli(['--data-dir', dir, 'confirm', rows[0]!.证件号码, '--decision', 'confirmed'], { env });
    expect(unrecorded.code).toBe(1);
    expect(unrecorded.stderr).toContain('CONFIRM_CHECKLIST_UNRECORDED');
    const ok = await cli(
      [
        ...['--data-dir', dir, '--json', 'confirm', rows[0]!.证件号码, rows[1]!.证件号码],
        ...['--decision', 'confirmed', '--checklist', 'complete'],
      ],
      { env },
    );
    expect(ok.code).toBe(0);
    const noReason = await cli(['--data-dir', dir, 'confirm', rows[2]!.证件号码, '--decision', 'returned'], { env });
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toContain('CONFIRM_REASON_REQUIRED');
    const returned = await cli(
      ['--data-dir', dir, 'confirm', rows[2]!.证件号码, '--decision', 'returned', '--reason', '缺学位证书'],
      { env },
    );
    expect(returned.code).toBe(0);
    const bad = await cli(['--data-dir', dir, 'confirm', rows[3]!.证件号码, '--decision', 'maybe'], { env });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('USAGE');

    const list = (await cli(['--data-dir', dir, 'applicants', 'list', '--json'], { env })).json<ListOut>();
    const status = Object.fromEntries(list.applicants.map((a) => [a.name, a.confirmation]));
    expect(status[rows[0]!.姓名]).toBe('confirmed');
    expect(status[rows[1]!.姓名]).toBe('confirmed');
    expect(status[rows[2]!.姓名]).toBe('returned');

    await cli(['--data-dir', dir, 'users', 'add', '--username', 'clerk1', '--role', 'clerk'], {
      env: { ...env, BASEDESK_NEW_PASSWORD: 'clerk-pass-1' },
    });
    const clerk = await cli(['--data-dir', dir, '--user', 'clerk1', 'applicants', 'list', '--json', '--reveal'], {
      env: { BASEDESK_PASSWORD: 'clerk-pass-1' },
    });
    expect(clerk.code).toBe(1);
    expect(clerk.stderr).toContain('FORBIDDEN');
  });

  it('confirm --checklist complete is recorded as declared; a failing rule needs --override-rules --reason', async () => {
    const dir = await initialised();
    const rows = roster(3, 44, ['社会人']).map((r) => ({ ...r, 是否农村订单定向: '否', 第一志愿: '内科' }));
    // A rural order-oriented student choosing 内科 fails Jilin's 全科-only rule.
    rows[0] = { ...rows[0]!, 是否农村订单定向: '是' };
    const file = join(dir, 'r.csv');
    writeFileSync(file, writeCsv(rows, { encoding: 'utf-8' }));
    expect((await cli(['--data-dir', dir, 'applicants', 'import', file], { env })).code).toBe(0);
    const confirm = (id: string, ...more: string[]) =>
      cli(['--data-dir', dir, '--json', 'confirm', id, '--decision', 'confirmed', '--checklist', 'complete', ...more], {
        env,
      });

    const badValue = await cli(
      ['--data-dir', dir, 'confirm', rows[1]!.证件号码, '--decision', 'confirmed', '--checklist', 'all'],
      {
        env,
      },
    );
    expect(badValue.code).toBe(1);
    expect(badValue.stderr).toContain('USAGE');
    const blocked = await confirm(rows[0]!.证件号码);
    expect(blocked.code).toBe(1);
    expect(JSON.parse(blocked.stderr)).toMatchObject({ error: { code: 'CONFIRM_RULES_FAILED' } });
    const noReason = await confirm(rows[0]!.证件号码, '--override-rules');
    expect(JSON.parse(noReason.stderr)).toMatchObject({ error: { code: 'CONFIRM_OVERRIDE_REASON_REQUIRED' } });
    const overridden = await confirm(rows[0]!.证件号码, '--override-rules', '--reason', '已核实定向协议解除证明');
    expect(overridden.code).toBe(0);
    expect(overridden.json<{ decided: Array<{ confirmation: string }> }>().decided).toEqual([
      expect.objectContaining({ confirmation: 'confirmed' }),
    ]);
    expect((await confirm(rows[1]!.证件号码)).code).toBe(0);

    const audit = await cli(['--data-dir', dir, 'audit', 'list', '--json'], { env });
    expect(audit.stdout).toContain('checklistDeclaredComplete');
    expect(audit.stdout).toContain('已核实定向协议解除证明');

    const help = await cli(['confirm', '--help'], { env });
    expect(help.stdout).toContain('--checklist <complete>');
    expect(help.stdout).toContain('--override-rules');
  });

  it('bad input exits 1 with a coded error and writes nothing', async () => {
    const dir = await initialised();
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const r = await cli(['--data-dir', dir, '--json', 'applicants', 'import', empty], { env });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr)).toMatchObject({ error: { code: 'FILE_EMPTY' } });
    const missing = await cli(['--data-dir', dir, 'applicants', 'import', join(dir, 'nope.xlsx')], { env });
    expect(missing.stderr).toContain('FILE_NOT_FOUND');
    expect((await cli(['--data-dir', dir, 'applicants', 'list', '--json'], { env })).json<ListOut>().total).toBe(0);
  });
});
