import type { Readable, Writable } from 'node:stream';
import { AppError, type ApiError } from '../shared/errors';

/** Everything the CLI touches from the outside world, injected so tests run it in-process. */
export type CliIo = {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
};

export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    readonly error: ApiError,
  ) {
    super(error.message);
  }
}

export function fail(code: string, message: string, details?: Record<string, unknown>): never {
  throw new CliExit(1, new AppError(code, message, details).toApiError());
}

/** A command-line value that must be one of the contract's enum values; anything else is a usage error. */
export function oneOf<T extends string>(values: readonly T[], raw: string, flag: string): T {
  const hit = values.find((v) => v === raw);
  if (hit === undefined) fail('USAGE', `${flag} 只能是 ${values.join('、')}：${raw}`);
  return hit;
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(String(c)));
  return Buffer.concat(chunks).toString('utf8');
}

const stdinLines = new WeakMap<object, Promise<string[]>>();

/** Piped stdin read once and handed out a line at a time (admin password first, then a new user's). */
async function nextStdinLine(io: CliIo): Promise<string | undefined> {
  let lines = stdinLines.get(io.stdin);
  if (!lines) {
    lines = readAll(io.stdin).then((t) => t.split(/\r?\n/));
    stdinLines.set(io.stdin, lines);
  }
  return (await lines).shift();
}

/** Standard input after the lines already handed out (a password first), as lines: data that must stay off argv. */
export async function remainingStdinLines(io: CliIo): Promise<string[]> {
  let lines = stdinLines.get(io.stdin);
  if (!lines) {
    lines = readAll(io.stdin).then((t) => t.split(/\r?\n/));
    stdinLines.set(io.stdin, lines);
  }
  return (await lines).splice(0);
}

/**
 * A secret from an environment variable or standard input, never argv (argv shows up in `ps` and shell
 * history). On a terminal, prompt without echo; from a pipe, take the first line.
 */
export async function readSecret(io: CliIo, envName: string, prompt: string): Promise<string> {
  const fromEnv = io.env[envName];
  if (fromEnv) return fromEnv;
  if (io.stdin.isTTY) {
    io.stderr.write(prompt);
    const stdin = io.stdin as NodeJS.ReadStream;
    stdin.setRawMode?.(true);
    const value = await new Promise<string>((resolve) => {
      let buf = '';
      const onData = (d: Buffer) => {
        for (const ch of d.toString('utf8')) {
          if (ch === '\r' || ch === '\n') {
            stdin.off('data', onData);
            stdin.setRawMode?.(false);
            stdin.pause();
            io.stderr.write('\n');
            resolve(buf);
            return;
          }
          if (ch === '\u0003') process.exit(130);
          if (ch === '\u007f') buf = buf.slice(0, -1);
          else buf += ch;
        }
      };
      stdin.on('data', onData);
      stdin.resume();
    });
    return value;
  }
  const line = await nextStdinLine(io);
  if (!line) fail('PASSWORD_REQUIRED', `需要密码：请设置环境变量 ${envName}，或从标准输入提供（不要写在命令行参数里）。`);
  return line;
}

export function print(io: CliIo, json: boolean, value: unknown, human: () => string): void {
  io.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

export function reportError(io: CliIo, json: boolean, error: ApiError): void {
  if (json) io.stderr.write(`${JSON.stringify({ error })}\n`);
  else io.stderr.write(`错误 [${error.code}]：${error.message}\n`);
}

/** Reports what ended a command (a coded error, or anything else as INTERNAL) and returns the exit code. */
export function reportFailure(io: CliIo, json: boolean, e: unknown): number {
  if (e instanceof CliExit) {
    reportError(io, json, e.error);
    return e.exitCode;
  }
  reportError(io, json, { code: 'INTERNAL', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  return 1;
}
