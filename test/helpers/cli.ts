import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/program';
import type { DbKeySource } from '../../src/core/db/key-source';
import { passphraseProtector } from '../../src/core/outbox/key-protector';

/** The database passphrase every CLI test (and the e2e `serve`) runs with: data folders are encrypted. */
export const TEST_DB_PASSPHRASE = 'test db passphrase: 7 blue herons';

/** For a test that opens a CLI-made data folder with `openCore` directly. */
export function testDbKey(): DbKeySource {
  return { protector: passphraseProtector(() => TEST_DB_PASSPHRASE) };
}

export type CliRun = { code: number; stdout: string; stderr: string; json<T = unknown>(): T };

type CliOptions = { env?: Record<string, string>; stdin?: string };

/**
 * Runs `entry` (an in-process CLI entry point) with captured streams; stdin is a pipe holding `stdin` (never a
 * TTY). BASEDESK_DB_PASSPHRASE is set unless the test sets it (or sets it to '' to run without one).
 */
export async function withCapturedIo(entry: (io: CliIo) => Promise<number>, opts: CliOptions = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let errText = '';
  stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  stderr.on('data', (d: Buffer) => (errText += d.toString('utf8')));
  const code = await entry({
    stdout,
    stderr,
    stdin: Readable.from([opts.stdin ?? '']),
    env: { BASEDESK_DB_PASSPHRASE: TEST_DB_PASSPHRASE, ...opts.env },
  });
  return { code, stdout: out, stderr: errText, json: <T>() => JSON.parse(out) as T };
}

/** Run the real CLI (commander and all) in-process, as withCapturedIo says. */
export async function cli(argv: string[], opts: CliOptions = {}): Promise<CliRun> {
  return withCapturedIo((io) => runCli(argv, io), opts);
}

/** `basedesk init` of a base in `dir` (admin `admin`, password from `env`, Jilin 2024 unless told otherwise). */
export async function initBase(
  dir: string,
  env: Record<string, string>,
  opts: { baseName?: string; preset?: string; year?: number } = {},
): Promise<CliRun> {
  return cli(
    [
      ...['--data-dir', dir, 'init', '--base-name', opts.baseName ?? '吉林大学第一医院', '--base-code', 'JL001'],
      ...['--preset', opts.preset ?? 'jilin-2024', '--year', String(opts.year ?? 2024), '--admin', 'admin'],
    ],
    { env },
  );
}
