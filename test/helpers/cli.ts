import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/program';

export type CliRun = { code: number; stdout: string; stderr: string; json<T = unknown>(): T };

/** Run the real CLI in-process with captured streams; stdin is a pipe holding `stdin` (never a TTY). */
export async function cli(argv: string[], opts: { env?: Record<string, string>; stdin?: string } = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let errText = '';
  stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  stderr.on('data', (d: Buffer) => (errText += d.toString('utf8')));
  const code = await runCli(argv, { stdout, stderr, stdin: Readable.from([opts.stdin ?? '']), env: { ...opts.env } });
  return { code, stdout: out, stderr: errText, json: <T>() => JSON.parse(out) as T };
}
