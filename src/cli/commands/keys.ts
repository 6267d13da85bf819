import { resolve } from 'node:path';
import type { Command } from 'commander';
import { writePrivateFileAtomic } from '../../core/db/private-files';
import type { KeysView } from '../../shared/contract/outbox';
import { formatDateTime } from '../../shared/dates';
import { sessionRunner } from '../context';
import { print, type CliIo } from '../io';
import { readText } from './read-text';

function keysText(k: KeysView): string {
  return [
    k.active
      ? `签名公钥指纹：${k.active.fingerprint}（${formatDateTime(k.active.createdAt)} 生成）\n${k.active.publicKeyMinisign.trimEnd()}`
      : '尚未生成签名密钥',
    ...k.retired.map((r) => `已停用：${r.fingerprint}（${r.retiredAt ?? ''}）`),
    `省级接收方公钥：${k.provinceRecipient ?? '未导入'}`,
    `接收地址：${k.endpoint ?? '未设置'}`,
    `接收方回执公钥：${k.intakeKey ?? '未登记（不能联网发送）'}`,
    ...k.trusted.map((t) => `受信任：${t.fingerprint} ${t.label}`),
  ].join('\n');
}

/** `basedesk keys ...`: the base's signing key, the province's recipient and intake keys, trusted keys. */
export function registerKeys(program: Command, io: CliIo): void {
  const keys = program
    .command('keys')
    .description('本基地签名密钥、省级接收方公钥、受信任公钥（口令取自 BASEDESK_KEY_PASSPHRASE 或标准输入）');
  registerKeysInit(keys, io);
  registerKeysShow(keys, io);
  registerKeysExportPublic(keys, io);
  registerKeysRotate(keys, io);
  registerKeysSetRecipient(keys, io);
  registerKeysSetIntakeKey(keys, io);
  registerKeysTrust(keys, io);
}

/** `basedesk keys init` */
function registerKeysInit(keys: Command, io: CliIo): void {
  const session = sessionRunner(io);
  keys
    .command('init')
    .description('生成本基地签名密钥（已有则不变）')
    .action(async (_o: unknown, cmd: Command) =>
      session(cmd, async (s) => {
        const k = await s.call('keys.init');
        print(io, s.json, k, () => keysText(k));
      }),
    );
}

/** `basedesk keys show` */
function registerKeysShow(keys: Command, io: CliIo): void {
  const session = sessionRunner(io);
  keys
    .command('show')
    .description('显示公钥指纹、接收方公钥与接收地址')
    .action(async (_o: unknown, cmd: Command) =>
      session(cmd, async (s) => {
        const k = await s.call('keys.show');
        print(io, s.json, k, () => keysText(k));
      }),
    );
}

/** `basedesk keys export-public` */
function registerKeysExportPublic(keys: Command, io: CliIo): void {
  const session = sessionRunner(io);
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
}

/** `basedesk keys rotate` */
function registerKeysRotate(keys: Command, io: CliIo): void {
  const session = sessionRunner(io);
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
}

/** `basedesk keys set-recipient` */
function registerKeysSetRecipient(keys: Command, io: CliIo): void {
  const session = sessionRunner(io);
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
}

/** `basedesk keys set-intake-key` */
function registerKeysSetIntakeKey(keys: Command, io: CliIo): void {
  const session = sessionRunner(io);
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
}

/** `basedesk keys trust` */
function registerKeysTrust(keys: Command, io: CliIo): void {
  const session = sessionRunner(io);
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
}
