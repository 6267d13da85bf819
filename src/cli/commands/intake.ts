import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { IntakeServer } from '../../core/upload';
import { isAppError } from '../../shared/errors';
import type { GlobalOptions } from '../context';
import { CliExit, type CliIo } from '../io';
import { readText } from './read-text';

type IntakeOptions = { dir: string; pubkey: string[]; identity?: string; port: number };

/** `basedesk intake serve`: the reference receiving end (for the province, or for testing). */
export function registerIntake(program: Command, io: CliIo): void {
  program
    .command('intake')
    .description('参考接收端（省级或测试用）')
    .command('serve')
    .description('在本机启动接收服务：tus 上传、核验签名与重放、给出回执')
    .requiredOption('--dir <dir>', '接收目录（uploads/、accepted/、index.json）')
    .requiredOption('--pubkey <keyfile...>', '受信任的基地 minisign 公钥文件（可多个）')
    .option('--identity <file>', '解密用的 age 私钥文件')
    .option('--port <n>', '端口（0 = 自动）', (v) => Number(v), 0)
    .action(async (o: IntakeOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const server = await startIntake(o);
      await announce(io, !!g.json, o, server);
      await new Promise<void>((done) => {
        const stop = (): void => {
          void server.close().then(done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

/** The HTTP and tus server, loaded only here: no other command pays for it at start-up. */
async function startIntake(o: IntakeOptions): Promise<IntakeServer> {
  const [{ createIntakeServer }, { parseMinisignPublicKey }] = await Promise.all([
    import('../../core/upload'),
    import('../../core/crypto/signing-key'),
  ]);
  try {
    const trustedKeys = o.pubkey.map((f) => parseMinisignPublicKey(readText(f, '公钥文件')));
    const identities = o.identity
      ? readText(o.identity, 'age 私钥文件')
          .split(/\r?\n/)
          .filter((l) => l.startsWith('AGE-SECRET-KEY-'))
      : undefined;
    return await createIntakeServer({
      dir: resolve(o.dir),
      host: '127.0.0.1',
      port: o.port,
      trustedKeys,
      ...(identities ? { identities } : {}),
    });
  } catch (e) {
    if (e instanceof CliExit) throw e;
    if (isAppError(e)) throw new CliExit(1, e.toApiError());
    throw e;
  }
}

async function announce(io: CliIo, json: boolean, o: IntakeOptions, server: IntakeServer): Promise<void> {
  const { RECEIPT_PUBLIC_KEY_FILE } = await import('../../core/upload');
  const { keyFingerprint } = await import('../../core/crypto/signing-key');
  const receiptKeyFile = join(resolve(o.dir), RECEIPT_PUBLIC_KEY_FILE);
  const fingerprint = keyFingerprint(server.receiptPublicKey);
  if (json) {
    io.stdout.write(`${JSON.stringify({ url: server.url, dir: resolve(o.dir), receiptKey: receiptKeyFile, fingerprint })}\n`);
  } else {
    io.stdout.write(
      `BaseDesk 接收端已启动：${server.url}\n（接收目录 ${resolve(o.dir)}；按 Ctrl+C 停止）\n` +
        `回执签名公钥：${receiptKeyFile}（指纹 ${fingerprint}；各基地用 basedesk keys set-intake-key 登记）\n`,
    );
  }
}
