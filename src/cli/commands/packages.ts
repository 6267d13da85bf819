import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { copyPrivateFileAtomic, writePrivateFileAtomic } from '../../core/db/private-files';
import { outboxDir } from '../../core/outbox/build';
import { verifyReceived } from '../../core/outbox/received';
import { keyFingerprint, parseMinisignPublicKey } from '../../core/crypto/signing-key';
import { createIntakeServer, RECEIPT_PUBLIC_KEY_FILE } from '../../core/upload';
import {
  PACKAGE_KINDS,
  type KeysView,
  type OutboxItem,
  type PackageKindName,
  type PushResult,
  type VerifyOutcome,
} from '../../shared/contract/outbox';
import { isAppError } from '../../shared/errors';
import { can } from '../../shared/permissions';
import { withSession, type CliSession, type GlobalOptions } from '../context';
import { CliExit, fail, print, type CliIo } from '../io';

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    fail('FILE_NOT_FOUND', `无法读取${what}：${file}（${(e as NodeJS.ErrnoException).code ?? String(e)}）`);
  }
}

function packageKindOf(kind: string): PackageKindName {
  const known = PACKAGE_KINDS.find((k) => k === kind);
  if (!known) fail('INVALID_INPUT', `--kind 只能是 ${PACKAGE_KINDS.join('、')}，收到“${kind}”。`);
  return known;
}

function keysText(k: KeysView): string {
  return [
    k.active
      ? `签名公钥指纹：${k.active.fingerprint}（${k.active.createdAt}）\n${k.active.publicKeyMinisign.trimEnd()}`
      : '尚未生成签名密钥',
    ...k.retired.map((r) => `已停用：${r.fingerprint}（${r.retiredAt ?? ''}）`),
    `省级接收方公钥：${k.provinceRecipient ?? '未导入'}`,
    `接收地址：${k.endpoint ?? '未设置'}`,
    `接收方回执公钥：${k.intakeKey ?? '未登记（不能联网发送）'}`,
    ...k.trusted.map((t) => `受信任：${t.fingerprint} ${t.label}`),
  ].join('\n');
}

function itemText(i: OutboxItem): string {
  const err = i.lastError ? `  [${i.lastError.code}] ${i.lastError.message}` : '';
  return `${i.uuid}\t${i.kind}\t#${i.sequence}\t${i.state}\t${i.bytes} 字节${err}`;
}

export function registerPackages(program: Command, io: CliIo): void {
  const session = (cmd: Command, fn: (s: CliSession) => Promise<void>) =>
    withSession(io, cmd.optsWithGlobals<GlobalOptions>(), fn);

  const keys = program
    .command('keys')
    .description('本基地签名密钥、省级接收方公钥、受信任公钥（口令取自 BASEDESK_KEY_PASSPHRASE 或标准输入）');
  keys
    .command('init')
    .description('生成本基地签名密钥（已有则不变）')
    .action(async (_o: unknown, cmd: Command) =>
      session(cmd, async (s) => {
        const k = await s.call('keys.init');
        print(io, s.json, k, () => keysText(k));
      }),
    );
  keys
    .command('show')
    .description('显示公钥指纹、接收方公钥与接收地址')
    .action(async (_o: unknown, cmd: Command) =>
      session(cmd, async (s) => {
        const k = await s.call('keys.show');
        print(io, s.json, k, () => keysText(k));
      }),
    );
  keys
    .command('export-public')
    .description('导出签名公钥（minisign 格式，供省里登记；minisign -V -p 文件 可用）')
    .requiredOption('--out <file>', '输出文件')
    .option('--key <id>', '导出指定（含已停用的）密钥，默认当前密钥')
    .action(async (o: { out: string; key?: string }, cmd: Command) =>
      session(cmd, async (s) => {
        const r = await s.call('keys.exportPublic', o.key ? { keyId: o.key } : {});
        writePrivateFileAtomic(o.out, r.text);
        print(io, s.json, { file: resolve(o.out), fingerprint: r.fingerprint }, () => `已导出公钥 ${r.fingerprint} 到 ${o.out}`);
      }),
    );
  keys
    .command('rotate')
    .description('更换签名密钥（旧公钥保留，用于核验旧数据包）')
    .requiredOption('--reason <text>', '原因')
    .action(async (o: { reason: string }, cmd: Command) =>
      session(cmd, async (s) => {
        const k = await s.call('keys.rotate', { reason: o.reason });
        print(io, s.json, k, () => keysText(k));
      }),
    );
  keys
    .command('set-recipient <recipient>')
    .description('导入省级接收方的 age 公钥（age1... 或含该公钥的文件）')
    .option('--reason <text>', '更换已导入的公钥时的原因')
    .action(async (recipient: string, o: { reason?: string }, cmd: Command) =>
      session(cmd, async (s) => {
        const text = recipient.startsWith('age1') ? recipient : readText(recipient, '接收方公钥文件');
        const k = await s.call('keys.setRecipient', { recipient: text, ...(o.reason ? { reason: o.reason } : {}) });
        print(io, s.json, k, () => keysText(k));
      }),
    );
  keys
    .command('set-intake-key <keyfile>')
    .description('登记接收方（省级）的回执签名公钥（minisign 格式，如接收端的 receipt-key.pub）；只认它签名的回执')
    .option('--reason <text>', '更换已登记的公钥时的原因')
    .action(async (keyfile: string, o: { reason?: string }, cmd: Command) =>
      session(cmd, async (s) => {
        const k = await s.call('keys.setIntakeKey', {
          publicKey: readText(keyfile, '公钥文件'),
          ...(o.reason ? { reason: o.reason } : {}),
        });
        print(io, s.json, k, () => keysText(k));
      }),
    );
  keys
    .command('trust <keyfile>')
    .description('信任其他基地/工作站的 minisign 公钥，用于核验收到的数据包')
    .requiredOption('--label <name>', '对方名称')
    .action(async (keyfile: string, o: { label: string }, cmd: Command) =>
      session(cmd, async (s) => {
        const k = await s.call('keys.trust', { publicKey: readText(keyfile, '公钥文件'), label: o.label });
        print(io, s.json, k, () => keysText(k));
      }),
    );

  const pkg = program.command('package').description('签名报送包');
  pkg
    .command('build')
    .description('生成签名报送包（放入待发件箱，并复制到 --out）')
    .requiredOption('--kind <kind>', PACKAGE_KINDS.join(' | '))
    .requiredOption('--out <file>', '输出文件')
    .option('--encrypt-to <recipient>', '加密给 age 公钥（age1...）或含该公钥的文件')
    .option('--encrypt-to-province', '加密给已导入的省级接收方公钥（已导入时这是默认）')
    .option('--plain', '不加密（已导入省级接收方公钥时，默认加密给它）')
    .action(
      async (o: { kind: string; out: string; encryptTo?: string; encryptToProvince?: boolean; plain?: boolean }, cmd: Command) =>
        session(cmd, async (s) => {
          if (o.plain && (o.encryptTo || o.encryptToProvince))
            fail('USAGE', '--plain（不加密）不能与 --encrypt-to 或 --encrypt-to-province 同时使用。');
          const encryptTo = o.encryptTo
            ? o.encryptTo.startsWith('age1')
              ? o.encryptTo
              : readText(o.encryptTo, '接收方公钥文件')
            : undefined;
          const item = await s.call('package.build', {
            kind: packageKindOf(o.kind),
            ...(encryptTo ? { encryptTo } : {}),
            ...(o.encryptToProvince ? { encryptToProvince: true } : {}),
            ...(o.plain ? { encryptToProvince: false } : {}),
          });
          copyPrivateFileAtomic(resolve(outboxDir(s.core), item.fileName), o.out);
          const out = {
            uuid: item.uuid,
            kind: item.kind,
            sequence: item.sequence,
            sha512: item.sha512,
            files: item.payloadFiles,
            bytes: item.bytes,
            encrypted: item.encrypted,
            recordCounts: item.recordCounts,
            keyFingerprint: item.keyFingerprint,
            file: resolve(o.out),
            state: item.state,
          };
          print(io, s.json, out, () =>
            [
              `已生成数据包 ${item.uuid}（${item.kind}，序号 ${item.sequence}）并放入待发件箱`,
              `文件：${o.out}（${item.bytes} 字节，内容文件 ${item.payloadFiles} 个${item.encrypted ? '，已加密' : ''}）`,
              `SHA-512：${item.sha512}`,
              `签名公钥指纹：${item.keyFingerprint}`,
            ].join('\n'),
          );
        }),
    );
  pkg
    .command('verify <file>')
    .description('核验收到的数据包：安全性、完整性、签名、是否重放')
    .option('--pubkey <keyfile>', '发送方的 minisign 公钥（默认：本基地密钥与受信任公钥）')
    .option('--identity <file>', '解密用的 age 私钥文件')
    .option('--no-record', '只核验，不登记为已接收')
    .action(async (file: string, o: { pubkey?: string; identity?: string; record: boolean }, cmd: Command) =>
      session(cmd, async (s) => {
        // Streamed from the path (multi-GB packages do not fit in one base64 call); the same check and
        // recording as the package.verify op, after the same permission check.
        const me = (await s.call('system.status')).user;
        if (!me || !can(me.role, 'package.verify')) fail('FORBIDDEN', '当前角色没有权限核验数据包。');
        if (!existsSync(file)) fail('PKG_NOT_FOUND', `找不到数据包文件：${file}`);
        const identity = o.identity
          ? readText(o.identity, 'age 私钥文件')
              .split(/\r?\n/)
              .find((l) => l.startsWith('AGE-SECRET-KEY-'))
          : undefined;
        let r: VerifyOutcome;
        try {
          r = await verifyReceived(s.core, me.username, {
            filePath: resolve(file),
            fileName: basename(file),
            ...(o.pubkey ? { pubkey: readText(o.pubkey, '公钥文件') } : {}),
            ...(identity ? { identity } : {}),
            record: o.record,
          });
        } catch (e) {
          if (isAppError(e)) throw new CliExit(1, e.toApiError());
          throw e;
        }
        print(io, s.json, r, () =>
          r.ok
            ? [
                `核验通过：${r.uuid}（${r.baseName} ${r.baseCode}，${r.kind}，序号 ${r.sequence}，签名公钥 ${r.keyFingerprint}）${r.duplicate ? '；此前已接收过同一数据包' : ''}`,
                ...r.warnings.map((w) => `注意 [${w.code}]：${w.message}`),
              ].join('\n')
            : r.errors.map((e) => `[${e.code}]${e.file ? ` ${e.file}：` : ' '}${e.message}`).join('\n'),
        );
        if (!r.ok) fail(r.errors[0]!.code, `数据包未通过核验：${r.errors[0]!.message}`, { errors: r.errors });
      }),
    );

  const outbox = program.command('outbox').description('待发件箱');
  outbox
    .command('list')
    .description('列出待发件箱中的数据包与状态')
    .action(async (_o: unknown, cmd: Command) =>
      session(cmd, async (s) => {
        const items = await s.call('outbox.list');
        print(io, s.json, items, () => (items.length ? items.map(itemText).join('\n') : '待发件箱为空'));
      }),
    );
  outbox
    .command('push')
    .description('联网发送（tus 断点续传，凭接收方回执确认送达）')
    .option('--uuid <uuid>', '只发送这个数据包')
    .action(async (o: { uuid?: string }, cmd: Command) =>
      session(cmd, async (s) => {
        const r: PushResult = await s.call('outbox.push', o.uuid ? { uuid: o.uuid } : {});
        print(io, s.json, r, () =>
          [
            `接收方：${r.connectivity}`,
            ...r.results.map((x) => `${x.uuid}\t${x.state}${x.errorCode ? `\t[${x.errorCode}] ${x.message}` : ''}`),
          ].join('\n'),
        );
        const failed = r.results.find((x) => x.state !== 'delivered');
        if (failed)
          fail(failed.errorCode ?? 'OUTBOX_NOT_DELIVERED', `有数据包未送达（${failed.uuid}）：${failed.message ?? ''}`, {
            results: r.results,
          });
      }),
    );
  outbox
    .command('export <uuid>')
    .description('导出到文件夹或 U 盘（附 SHA-512 校验文件与说明）')
    .requiredOption('--dir <dir>', '目标文件夹')
    .action(async (uuid: string, o: { dir: string }, cmd: Command) =>
      session(cmd, async (s) => {
        const r = await s.call('outbox.export', { uuid, dir: resolve(o.dir) });
        print(io, s.json, r, () => `已导出到 ${r.dir}：${r.files.join('、')}`);
      }),
    );
  outbox
    .command('set-endpoint <url>')
    .description('设置省级接收地址（https；本机 http 亦可；"none" 清除）')
    .option('--allow-http', '允许他机的明文 http:// 地址（数据包与回执不加密传输，不推荐）')
    .action(async (url: string, o: { allowHttp?: boolean }, cmd: Command) =>
      session(cmd, async (s) => {
        const k = await s.call('outbox.setEndpoint', {
          url: url === 'none' ? null : url,
          ...(o.allowHttp ? { allowHttp: true } : {}),
        });
        if (o.allowHttp && k.endpoint?.startsWith('http:')) {
          io.stderr.write('警告：接收地址使用明文 http://，数据包内容与回执在网络上不加密；请尽快改用 https://。\n');
        }
        print(io, s.json, k, () => `接收地址：${k.endpoint ?? '未设置'}`);
      }),
    );
  outbox
    .command('status')
    .description('接收方是否可达，各数据包状态')
    .action(async (_o: unknown, cmd: Command) =>
      session(cmd, async (s) => {
        const st = await s.call('outbox.status');
        print(
          io,
          s.json,
          st,
          () =>
            `接收方：${st.connectivity}（${st.endpoint ?? '未设置'}）；${Object.entries(st.counts)
              .map(([k, v]) => `${k} ${v}`)
              .join('，')}`,
        );
      }),
    );

  program
    .command('intake')
    .description('参考接收端（省级或测试用）')
    .command('serve')
    .description('在本机启动接收服务：tus 上传、核验签名与重放、给出回执')
    .requiredOption('--dir <dir>', '接收目录（uploads/、accepted/、index.json）')
    .requiredOption('--pubkey <keyfile...>', '受信任的基地 minisign 公钥文件（可多个）')
    .option('--identity <file>', '解密用的 age 私钥文件')
    .option('--port <n>', '端口（0 = 自动）', (v) => Number(v), 0)
    .action(async (o: { dir: string; pubkey: string[]; identity?: string; port: number }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      let server;
      try {
        const trustedKeys = o.pubkey.map((f) => parseMinisignPublicKey(readText(f, '公钥文件')));
        const identities = o.identity
          ? readText(o.identity, 'age 私钥文件')
              .split(/\r?\n/)
              .filter((l) => l.startsWith('AGE-SECRET-KEY-'))
          : undefined;
        server = await createIntakeServer({
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
      const receiptKeyFile = join(resolve(o.dir), RECEIPT_PUBLIC_KEY_FILE);
      const fingerprint = keyFingerprint(server.receiptPublicKey);
      if (g.json) {
        io.stdout.write(`${JSON.stringify({ url: server.url, dir: resolve(o.dir), receiptKey: receiptKeyFile, fingerprint })}\n`);
      } else {
        io.stdout.write(
          `BaseDesk 接收端已启动：${server.url}\n（接收目录 ${resolve(o.dir)}；按 Ctrl+C 停止）\n` +
            `回执签名公钥：${receiptKeyFile}（指纹 ${fingerprint}；各基地用 basedesk keys set-intake-key 登记）\n`,
        );
      }
      await new Promise<void>((done) => {
        const stop = (): void => {
          void server.close().then(done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
