import type { Command } from 'commander';
import { formatDateTime } from '../../shared/dates';
import { withSession, type GlobalOptions } from '../context';
import { fail, print, type CliIo } from '../io';

export function registerAudit(program: Command, io: CliIo): void {
  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验每个站点的哈希链：发现被改动或删除的记录（有问题时退出码为 1）')
    .action(async (_o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const report = await s.call('audit.verify');
        print(io, s.json, report, () =>
          report.ok
            ? `审计日志完好：${report.stations.map((x) => `站点 ${x.stationId} 共 ${x.events} 条`).join('；')}`
            : `审计日志异常（${report.problems.length} 处）：\n${report.problems.map((p) => `[${p.code}] ${p.message}`).join('\n')}`,
        );
        if (!report.ok) fail('AUDIT_TAMPERED', `审计日志校验未通过：${report.problems.length} 处问题（见上）。`);
      });
    });
  audit
    .command('list')
    .description('查看最近的审计记录')
    .option('--actor <name>', '只看这个用户名的操作')
    .option('--entity <entity>', '只看这类对象的记录（如 applicant、component_score）')
    .option('--action <action>', '只看这种操作（如 applicants.import、scores.set）')
    .option('--limit <n>', '条数', (v) => Number(v), 50)
    .action(async (o: { actor?: string; entity?: string; action?: string; limit: number }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const r = await s.call('audit.list', { ...o });
        print(io, s.json, r, () =>
          r.events
            .map(
              (e) =>
                `${formatDateTime(e.at, true)}\t${e.actor}\t${e.action}\t${e.entity}:${e.entityId}${e.reason ? `\t理由：${e.reason}` : ''}`,
            )
            .join('\n'),
        );
      });
    });
}
