import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { copyPrivateFileAtomic } from '../../core/db/private-files';
import { PACKAGE_KINDS, packageKindLabel, type PackageKindName, type VerifyOutcome } from '../../shared/contract/outbox';
import { isAppError } from '../../shared/errors';
import { can } from '../../shared/permissions';
import { sessionRunner } from '../context';
import { CliExit, fail, print, type CliIo } from '../io';
import { readText } from './read-text';

function packageKindOf(kind: string): PackageKindName {
  const known = PACKAGE_KINDS.find((k) => k === kind);
  if (!known) fail('INVALID_INPUT', `--kind 只能是 ${PACKAGE_KINDS.join('、')}，收到“${kind}”。`);
  return known;
}

/** `basedesk package ...`: build a signed submission package, verify a received one. */
export function registerPackage(program: Command, io: CliIo): void {
  const pkg = program.command('package').description('签名报送包');
  registerPackageBuild(pkg, io);
  registerPackageVerify(pkg, io);
}

/** `basedesk package build` */
function registerPackageBuild(pkg: Command, io: CliIo): void {
  const session = sessionRunner(io);
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
          const { outboxDir } = await import('../../core/outbox/build');
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
              `已生成数据包 ${item.uuid}（${packageKindLabel(item.kind)}，序号 ${item.sequence}）并放入待发件箱`,
              `文件：${o.out}（${item.bytes} 字节，内容文件 ${item.payloadFiles} 个${item.encrypted ? '，已加密' : ''}）`,
              `SHA-512：${item.sha512}`,
              `签名公钥指纹：${item.keyFingerprint}`,
            ].join('\n'),
          );
        }),
    );
}

/** `basedesk package verify` */
function registerPackageVerify(pkg: Command, io: CliIo): void {
  const session = sessionRunner(io);
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
          const { verifyReceived } = await import('../../core/outbox/received');
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
                `核验通过：${r.uuid}（${r.baseName} ${r.baseCode}，${packageKindLabel(r.kind)}，序号 ${r.sequence}，签名公钥 ${r.keyFingerprint}）${r.duplicate ? '；此前已接收过同一数据包' : ''}`,
                ...r.warnings.map((w) => `注意 [${w.code}]：${w.message}`),
              ].join('\n')
            : r.errors.map((e) => `[${e.code}]${e.file ? ` ${e.file}：` : ' '}${e.message}`).join('\n'),
        );
        if (!r.ok) fail(r.errors[0]!.code, `数据包未通过核验：${r.errors[0]!.message}`, { errors: r.errors });
      }),
    );
}
