/** `basedesk confirm stats`: the 确认统计 figures, and the workbook with `--xlsx FILE`. */
import type { Command } from 'commander';
import type { Dashboard } from '../../shared/contract/applicants';
import { formatDate } from '../../shared/dates';
import { withSession, type GlobalOptions } from '../context';
import { print, type CliIo } from '../io';
import { writePrivateFileAtomic } from '../../core/db/private-files';

function statsText(d: Dashboard): string {
  const p = d.progress;
  const lines = [
    `报名 ${d.total} 人：确认通过 ${d.byOutcome.confirmed}，退回补正 ${d.byOutcome.returned}，不予确认 ${d.byOutcome.rejected}，待确认 ${d.byOutcome.pending}`,
  ];
  if (p) {
    const range = `${formatDate(p.start)}—${formatDate(p.end)}`;
    lines.push(
      `${p.source === 'window' ? '现场确认时间' : '已有确认的日期'}：${range}，第 ${p.daysElapsed}/${p.daysTotal} 天，剩余 ${p.daysLeft} 天；已办结 ${p.done}/${p.total}`,
    );
  }
  lines.push('', '按日和经办人：');
  if (d.perClerk.length === 0) lines.push('（还没有任何确认结论）');
  for (const r of d.perClerk)
    lines.push(`${formatDate(r.date)}\t${r.clerkName}\t确认通过 ${r.confirmed}\t退回补正 ${r.returned}\t不予确认 ${r.rejected}`);
  lines.push('', '尚余（按第一志愿专业）：');
  if (d.remaining.perSpecialty.length === 0) lines.push('（无：每个人都已办结）');
  for (const r of d.remaining.perSpecialty) lines.push(`${r.name}\t待确认 ${r.pending}\t退回补正 ${r.returned}`);
  return lines.join('\n');
}

export function registerConfirmStats(confirm: Command, io: CliIo): void {
  confirm
    .command('stats')
    .description('现场确认统计：按日、按经办人的进度，尚余人数（--xlsx 导出工作簿）')
    .option('--xlsx <file>', '同时导出确认统计 XLSX')
    .action(async (o: { xlsx?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const d = await s.call('confirm.dashboard', {});
        if (o.xlsx) {
          const x = await s.call('confirm.statsExport', {});
          writePrivateFileAtomic(o.xlsx, Buffer.from(x.contentBase64, 'base64'));
        }
        const out = {
          total: d.total,
          byOutcome: d.byOutcome,
          perDay: d.perDay,
          perClerk: d.perClerk,
          perSpecialty: d.perSpecialty,
          remaining: d.remaining,
          progress: d.progress,
          ...(o.xlsx ? { file: o.xlsx } : {}),
        };
        print(io, s.json, out, () => statsText(d) + (o.xlsx ? `\n\n已导出到 ${o.xlsx}` : ''));
      });
    });
}
