import type { Command } from 'commander';
import type { RetentionPreview, RetentionPurgeResult, RetentionSettingsView } from '../../shared/contract/retention';
import { formatDate } from '../../shared/dates';
import { withSession, type GlobalOptions } from '../context';
import { fail, print, type CliIo } from '../io';

const EXAMPLE_NOTE = '（示例值：没有文件规定保存期限，请按本单位制度修改：basedesk retention set）';

function settingsText(s: RetentionSettingsView): string {
  return [
    `未录取人员个人信息：录取结果确定后保存 ${s.applicantMonths} 个月`,
    `已送达数据包文件：送达后保存 ${s.packageDays} 天`,
    s.example ? EXAMPLE_NOTE : `最后修改：${s.updatedBy ?? ''} ${s.updatedAt ? formatDate(s.updatedAt) : ''}`,
  ].join('\n');
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function previewText(p: RetentionPreview): string {
  const lines = [`今天：${formatDate(p.today)}`, settingsText(p.settings), ''];
  for (const y of p.years) {
    lines.push(
      `${y.cohortYear} 年度：未录取 ${y.nonAdmitted} 人，到期 ${y.dueApplicants} 人（扫描件 ${y.dueFiles} 个），已清理 ${y.purged} 人，保留（录取/在培）${y.kept} 人；${y.note}`,
    );
  }
  for (const k of p.packages)
    lines.push(
      `数据包 ${k.fileName}（${mb(k.bytes)}）：${formatDate(k.deliveredAt)}送达，${k.due ? '已到期' : `${formatDate(k.dueFrom)}起到期`}`,
    );
  const t = p.totals;
  lines.push('', `合计到期：${t.applicants} 人、扫描件 ${t.files} 个、数据包 ${t.packages} 个（${mb(t.packageBytes)}）。`);
  return lines.join('\n');
}

function purgeText(r: RetentionPurgeResult): string {
  if (r.applicants === 0 && r.packages === 0) return '没有到期的数据，未做任何更改。';
  const years = r.years.map((y) => `${y.cohortYear} 年度 ${y.applicants} 人`).join('、');
  const lines = [
    `已按保存期限清理：${r.applicants} 人的个人信息${years ? `（${years}）` : ''}、扫描件 ${r.files} 个、数据包文件 ${r.packages} 个（${mb(r.packageBytes)}）。`,
  ];
  for (const p of r.fileProblems) lines.push(`未能删除：${p}`);
  return lines.join('\n');
}

function positiveInt(flag: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) fail('INVALID_INPUT', `${flag} 须为正整数（收到“${v}”）。`);
    return n;
  };
}

export function registerRetention(program: Command, io: CliIo): void {
  const retention = program.command('retention').description('数据保存期限：到期的未录取人员个人信息和已送达数据包');
  retention
    .command('show')
    .description('查看保存期限设置（示例值须按本单位制度修改）')
    .action(async (_o: unknown, cmd: Command) => {
      await withSession(io, cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
        const v = await s.call('retention.get');
        print(io, s.json, v, () => settingsText(v));
      });
    });
  retention
    .command('set')
    .description('修改保存期限（需填写理由，记入审计）')
    .requiredOption('--applicant-months <n>', '录取结果确定后保存未录取人员个人信息的月数', positiveInt('--applicant-months'))
    .requiredOption('--package-days <n>', '数据包送达后保存文件的天数', positiveInt('--package-days'))
    .requiredOption('--reason <text>', '理由')
    .action(async (o: { applicantMonths: number; packageDays: number; reason: string }, cmd: Command) => {
      await withSession(io, cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
        const v = await s.call('retention.update', o);
        print(io, s.json, v, () => `已保存。\n${settingsText(v)}`);
      });
    });
  retention
    .command('purge')
    .description('清理已到期的数据（--dry-run 只列出，不做更改；清理需 --reason，记入审计）')
    .option('--dry-run', '只列出到期的数据')
    .option('--reason <text>', '理由（清理时必填）')
    .action(async (o: { dryRun?: boolean; reason?: string }, cmd: Command) => {
      await withSession(io, cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
        if (o.dryRun) {
          const p = await s.call('retention.preview');
          print(io, s.json, p, () => previewText(p));
          return;
        }
        if (!o.reason?.trim())
          fail('RETENTION_REASON_REQUIRED', '清理需要填写理由：--reason "…"（先用 --dry-run 查看将清理什么）。未做任何更改。');
        const r = await s.call('retention.purge', { reason: o.reason });
        print(io, s.json, r, () => purgeText(r));
      });
    });
}
