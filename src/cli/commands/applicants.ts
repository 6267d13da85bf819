import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { ConfirmationStatus, Decision, RowProblem } from '../../shared/contract/applicants';
import { addIdsFileOption, collectIds } from '../id-input';
import { registerConfirmStats } from './confirm-stats';
import { registerApplicantAdd } from './applicants-add';
import { registerApplicantAssigned } from './applicants-assigned';
import { withSession, type GlobalOptions } from '../context';
import { fail, oneOf, print, type CliIo } from '../io';

const CONFIRMATION_STATUSES = ['pending', 'confirmed', 'returned', 'rejected'] as const satisfies readonly ConfirmationStatus[];
const DECISIONS = ['confirmed', 'returned', 'rejected'] as const satisfies readonly Decision[];

const STATUS_LABELS: Record<string, string> = {
  pending: '待确认',
  confirmed: '确认通过',
  returned: '退回补正',
  rejected: '不予确认',
};

function readInput(file: string): { fileName: string; contentBase64: string } {
  try {
    return { fileName: basename(file), contentBase64: readFileSync(file).toString('base64') };
  } catch (e) {
    fail('FILE_NOT_FOUND', `无法读取文件：${file}（${(e as NodeJS.ErrnoException).code ?? String(e)}）`);
  }
}

function problemsText(rejected: RowProblem[]): string[] {
  return rejected.map((p) => `第 ${p.row} 行\t${p.field}\t[${p.code}] ${p.message}`);
}

export function registerApplicants(program: Command, io: CliIo): void {
  const applicants = program.command('applicants').description('报名人员');
  registerApplicantAdd(applicants, io);
  registerApplicantAssigned(applicants, io);
  applicants
    .command('import <file>')
    .description('导入报名平台导出的报名人员名单（XLSX/CSV）；有效行一次性写入，问题行列出原因')
    .option('--dry-run', '只检查并显示结果，不写入')
    .action(async (file: string, o: { dryRun?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const input = readInput(file);
        const r = o.dryRun ? await s.call('applicants.previewImport', input) : await s.call('applicants.commitImport', input);
        const out = { imported: r.imported, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected };
        print(io, s.json, out, () =>
          [
            `${o.dryRun ? '（试运行，未写入）' : ''}新增 ${r.imported} 人，更新 ${r.updated} 人，未变 ${r.unchanged} 人，问题 ${r.rejected.length} 处`,
            ...r.changes.map(
              (c) =>
                `第 ${c.row} 行 ${c.name}：${c.changes.map((x) => `${x.field} ${x.before ?? '（空）'} → ${x.after ?? '（空）'}`).join('；')}`,
            ),
            ...problemsText(r.rejected),
          ].join('\n'),
        );
      });
    });
  applicants
    .command('list')
    .description('报名人员名单（证件号码、手机号码默认脱敏）')
    .option('--status <status>', 'pending | confirmed | returned | rejected')
    .option('--specialty <code>', '按志愿专业代码筛选')
    .option('--reveal', '显示完整证件号码（需要相应权限，记入审计）')
    .action(async (o: { status?: string; specialty?: string; reveal?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const r = await s.call('applicants.list', {
          limit: 100_000,
          reveal: !!o.reveal,
          ...(o.status ? { status: oneOf(CONFIRMATION_STATUSES, o.status, '--status') } : {}),
          ...(o.specialty ? { specialty: o.specialty } : {}),
        });
        const out = {
          total: r.total,
          applicants: r.applicants.map((a) => ({
            idNumber: a.idNumber,
            name: a.name,
            category: a.category,
            choices: a.choices,
            confirmation: a.confirmation,
            // Every choice, this base's (base null) and other bases', and the round the applicant belongs to here.
            choiceList: a.choiceList ?? [],
            roundHere: a.roundHere ?? null,
          })),
        };
        print(io, s.json, out, () =>
          [
            `共 ${r.total} 人`,
            ...r.applicants.map(
              (a) =>
                `${a.idNumber}\t${a.name}\t${a.category ?? ''}\t${a.choiceNames.join('/')}\t${STATUS_LABELS[a.confirmation]}`,
            ),
          ].join('\n'),
        );
      });
    });

  const confirm = addIdsFileOption(
    program
      .command('confirm [idNumbers...]')
      .description(
        '现场确认：对一个或多个证件号码作出确认结论（号码也可来自 --ids-file 或标准输入 -）。' +
          '“确认通过”要求材料核对已记录且必需材料齐全：在确认台逐项核对，或用 --checklist complete 声明；' +
          '不符合资格规则的人员须 --override-rules --reason 写明放行原因',
      )
      // Not a required option: commander checks a parent's required options for its subcommands too (`confirm stats`).
      .option('--decision <decision>', 'confirmed（确认通过）| returned（退回补正）| rejected（不予确认）（必填）')
      .option('--reason <text>', '原因（退回补正、不予确认、放行资格规则时必填；现场确认时间窗口之外办理时也必填）')
      .option(
        '--checklist <complete>',
        'complete：声明已逐项核验全部必需材料的原件（未记录的必需材料记为“原件已核验”，标明为声明，记入审计）',
      )
      .option('--override-rules', '放行不符合的资格规则（须 --reason，记入审计，显示在确认台和录取说明中）'),
  ).action(
    async (
      idNumbers: string[],
      o: { decision?: string; reason?: string; idsFile?: string; checklist?: string; overrideRules?: boolean },
      cmd: Command,
    ) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      if (o.decision === undefined)
        fail('USAGE', '请用 --decision 指定确认结论：confirmed（确认通过）、returned（退回补正）或 rejected（不予确认）');
      const decision = oneOf(DECISIONS, o.decision, '--decision');
      if (o.checklist !== undefined) oneOf(['complete'] as const, o.checklist, '--checklist');
      await withSession(io, g, async (s) => {
        const r = await s.call('confirm.decide', {
          targets: await collectIds(io, idNumbers, o.idsFile),
          decision,
          ...(o.reason ? { reason: o.reason } : {}),
          checklistComplete: o.checklist === 'complete',
          overrideRules: o.overrideRules === true,
        });
        const out = {
          decided: r.decided.map((a) => ({ idNumber: a.idNumber, name: a.name, confirmation: a.confirmation })),
        };
        print(io, s.json, out, () =>
          r.decided.map((a) => `${a.idNumber}\t${a.name}\t${STATUS_LABELS[a.confirmation]}`).join('\n'),
        );
      });
    },
  );
  registerConfirmStats(confirm, io);
}
