import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  CONNECTIVITY_LABELS,
  OUTBOX_STATE_LABELS,
  packageKindLabel,
  type OutboxItem,
  type OutboxState,
  type PushResult,
} from '../../shared/contract/outbox';
import { sessionRunner } from '../context';
import { fail, print, type CliIo } from '../io';

const stateLabel = (state: OutboxState): string => OUTBOX_STATE_LABELS[state] ?? state;

function itemText(i: OutboxItem): string {
  const err = i.lastError ? `  [${i.lastError.code}] ${i.lastError.message}` : '';
  return `${i.uuid}\t${packageKindLabel(i.kind)}\t第 ${i.sequence} 号\t${stateLabel(i.state)}\t${i.bytes} 字节${err}`;
}

/** `basedesk outbox ...`: the packages waiting to be sent, sending them, exporting one to a folder. */
export function registerOutbox(program: Command, io: CliIo): void {
  const outbox = program.command('outbox').description('待发件箱');
  registerOutboxList(outbox, io);
  registerOutboxPush(outbox, io);
  registerOutboxExport(outbox, io);
  registerOutboxSetEndpoint(outbox, io);
  registerOutboxStatus(outbox, io);
}

/** `basedesk outbox list` */
function registerOutboxList(outbox: Command, io: CliIo): void {
  const session = sessionRunner(io);
  outbox
    .command('list')
    .description('列出待发件箱中的数据包与状态')
    .action(async (_o: unknown, cmd: Command) =>
      session(cmd, async (s) => {
        const items = await s.call('outbox.list');
        print(io, s.json, items, () => (items.length ? items.map(itemText).join('\n') : '待发件箱为空'));
      }),
    );
}

/** `basedesk outbox push` */
function registerOutboxPush(outbox: Command, io: CliIo): void {
  const session = sessionRunner(io);
  outbox
    .command('push')
    .description('联网发送（tus 断点续传，凭接收方回执确认送达）')
    .option('--uuid <uuid>', '只发送这个数据包')
    .action(async (o: { uuid?: string }, cmd: Command) =>
      session(cmd, async (s) => {
        const r: PushResult = await s.call('outbox.push', o.uuid ? { uuid: o.uuid } : {});
        print(io, s.json, r, () =>
          [
            `接收方：${CONNECTIVITY_LABELS[r.connectivity]}`,
            ...r.results.map((x) => `${x.uuid}\t${stateLabel(x.state)}${x.errorCode ? `\t[${x.errorCode}] ${x.message}` : ''}`),
          ].join('\n'),
        );
        const failed = r.results.find((x) => x.state !== 'delivered');
        if (failed)
          fail(failed.errorCode ?? 'OUTBOX_NOT_DELIVERED', `有数据包未送达（${failed.uuid}）：${failed.message ?? ''}`, {
            results: r.results,
          });
      }),
    );
}

/** `basedesk outbox export` */
function registerOutboxExport(outbox: Command, io: CliIo): void {
  const session = sessionRunner(io);
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
}

/** `basedesk outbox set-endpoint` */
function registerOutboxSetEndpoint(outbox: Command, io: CliIo): void {
  const session = sessionRunner(io);
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
}

/** `basedesk outbox status` */
function registerOutboxStatus(outbox: Command, io: CliIo): void {
  const session = sessionRunner(io);
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
            `接收方：${CONNECTIVITY_LABELS[st.connectivity]}（${st.endpoint ?? '未设置'}）；${Object.entries(st.counts)
              .map(([k, v]) => `${stateLabel(k as OutboxState)} ${v}`)
              .join('，')}`,
        );
      }),
    );
}
