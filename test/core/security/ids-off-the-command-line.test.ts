import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../../src/core/testdata';
import { cli, initBase } from '../../helpers/cli';
import { tempDir } from '../../helpers/core';
import { roster } from '../applicants/helpers';

const env = { BASEDESK_PASSWORD: 'admin-pass-123' };

async function baseWithRoster(n: number) {
  const dir = tempDir();
  expect((await initBase(dir, env)).code).toBe(0);
  const rows = roster(n, 44);
  const file = join(dir, 'r.csv');
  writeFileSync(file, writeCsv(rows, { encoding: 'utf-8' }));
  expect((await cli(['--data-dir', dir, 'applicants', 'import', file], { env })).code).toBe(0);
  return { dir, ids: rows.map((r) => r.证件号码) };
}

type Decided = { decided: Array<{ confirmation: string }> };

/** ID numbers on argv end up in `ps` and shell history; a file or standard input keeps them off it. */
describe('ID numbers from a file or standard input', () => {
  it('confirm --ids-file F and confirm - (stdin, after the password line) decide the same as arguments', async () => {
    const { dir, ids } = await baseWithRoster(5);
    const list = join(dir, 'ids.txt');
    writeFileSync(list, `# 今日现场确认\n${ids[0]}\n\n ${ids[1]} \n`);
    const fromFile = await cli(
      ['--data-dir', dir, '--json', 'confirm', '--ids-file', list, '--decision', 'confirmed', '--checklist', 'complete'],
      { env },
    );
    expect(fromFile.code).toBe(0);
    expect(fromFile.json<Decided>().decided.map((d) => d.confirmation)).toEqual(['confirmed', 'confirmed']);

    // No BASEDESK_PASSWORD: the first stdin line is the password, the rest are ID numbers.
    const fromStdin = await cli(
      ['--data-dir', dir, '--json', 'confirm', '-', '--decision', 'confirmed', '--checklist', 'complete'],
      {
        stdin: `admin-pass-123\n${ids[2]}\n${ids[3]}\n`,
      },
    );
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.json<Decided>().decided).toHaveLength(2);

    const none = await cli(['--data-dir', dir, 'confirm', '--decision', 'confirmed'], { env });
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('--ids-file');
  });

  it('the help of each command that takes ID numbers says how to keep them off the command line', async () => {
    for (const cmd of [['confirm'], ['admission', 'decline'], ['admission', 'second-choices'], ['scores', 'set']]) {
      const help = await cli([...cmd, '--help']);
      expect(help.stdout, cmd.join(' ')).toContain('--ids-file');
      expect(help.stdout, cmd.join(' ')).toMatch(/标准输入/);
    }
  });

  it('admission decline and scores set read the ID number from --ids-file too', async () => {
    const { dir, ids } = await baseWithRoster(2);
    const one = join(dir, 'one.txt');
    writeFileSync(one, `${ids[0]}\n`);
    // Nothing has been admitted: the core answers about this applicant, which shows the ID arrived.
    const decline = await cli(['--data-dir', dir, '--json', 'admission', 'decline', '--ids-file', one], { env });
    expect(JSON.parse(decline.stderr).error.code).not.toBe('USAGE');
    const two = join(dir, 'two.txt');
    writeFileSync(two, `${ids[0]}\n${ids[1]}\n`);
    const tooMany = await cli(['--data-dir', dir, '--json', 'admission', 'decline', '--ids-file', two], { env });
    expect(JSON.parse(tooMany.stderr).error.code).toBe('USAGE');
    const set = await cli(
      ['--data-dir', dir, '--json', 'scores', 'set', '--session', 'S1', '--ids-file', one, '--item', 'k', '--score', '1'],
      { env },
    );
    expect(JSON.parse(set.stderr).error.code).not.toBe('USAGE');
  });

  it('admission second-choices takes the ID number from --ids-file or standard input, the codes from the arguments', async () => {
    const { dir, ids } = await baseWithRoster(1);
    const one = join(dir, 'one.txt');
    writeFileSync(one, `${ids[0]}\n`);
    const fromFile = await cli(['--data-dir', dir, '--json', 'admission', 'second-choices', '--ids-file', one, '0100'], { env });
    const fromStdin = await cli(['--data-dir', dir, '--json', 'admission', 'second-choices', '-', '0100'], {
      env,
      stdin: `${ids[0]}\n`,
    });
    const two = join(dir, 'two.txt');
    writeFileSync(two, `${ids[0]}\n${ids[0]}\n`);
    const tooMany = await cli(['--data-dir', dir, '--json', 'admission', 'second-choices', '--ids-file', two, '0100'], {
      env,
    });
    // Whatever the preset allows, the same person gets the same answer both ways; one person at a time.
    const outcome = (r: { code: number; stdout: string; stderr: string }) =>
      r.code === 0 ? 'ok' : (JSON.parse(r.stderr) as { error: { code: string } }).error.code;
    expect(outcome(fromFile)).toBe(outcome(fromStdin));
    expect(outcome(fromFile)).not.toBe('USAGE');
    expect(outcome(tooMany)).toBe('USAGE');
  });
});
