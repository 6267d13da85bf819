import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program';
import { tempDir } from '../helpers/core';

/**
 * A terminal: each answer is typed only once its prompt has been written to stderr, as a person would.
 * Returns the exit code and everything written to stderr.
 */
async function atTerminal(argv: string[], answers: Array<[prompt: string, typed: string]>) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let err = '';
  const pending = [...answers];
  stderr.on('data', (d: Buffer) => {
    err += d.toString('utf8');
    const next = pending[0];
    if (next && err.endsWith(next[0])) {
      pending.shift();
      stdin.write(`${next[1]}\r`);
    }
  });
  stdout.resume();
  const code = await runCli(argv, { stdin, stdout, stderr, env: {} });
  return { code, stderr: err };
}

describe('the database passphrase typed at a terminal', () => {
  it('is asked for twice before a new data folder is created; a mismatch creates nothing', async () => {
    const dir = tempDir();
    const r = await atTerminal(
      ['--data-dir', dir, 'status'],
      [
        ['数据库口令：', 'Typed-once-pass-41x'],
        ['请再次输入数据库口令：', 'Typed-0nce-pass-41x'],
      ],
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DB_PASSPHRASE_MISMATCH');
    expect(r.stderr).toContain('两次输入的数据库口令不一致');
    expect(existsSync(join(dir, 'basedesk-key.json'))).toBe(false);
  });

  it('the same passphrase twice creates the folder, and it opens again with that passphrase typed once', async () => {
    const dir = tempDir();
    const pass = 'Typed-twice-pass-52y';
    const first = await atTerminal(
      ['--data-dir', dir, 'status'],
      [
        ['数据库口令：', pass],
        ['请再次输入数据库口令：', pass],
      ],
    );
    expect(first.code).toBe(0);
    expect(existsSync(join(dir, 'basedesk-key.json'))).toBe(true);
    const again = await atTerminal(['--data-dir', dir, 'status'], [['数据库口令：', pass]]);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('请再次输入');
  });
});
