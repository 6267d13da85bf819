import { resolve } from 'node:path';
import { writePrivateFileAtomic } from '../../core/db/private-files';
import type { Command } from 'commander';
import {
  PLAN_STATUS_LABEL,
  type PlanRunResult,
  type ReplanResult,
  type StatusChangeResult,
  type TraineePlanView,
} from '../../shared/contract/rotation';
import { withSession, type CliSession, type GlobalOptions } from '../context';
import { CliExit, fail, print, readSecret, type CliIo } from '../io';
import { departmentByName, problemLines, readInput } from './departments';
import { formatDate } from '../../shared/dates';
import { TRAINEE_PROGRAM_LABELS } from '../../shared/contract/trainees';

/**
 * An ID number from the command line, or with `-` from BASEDESK_ID_NUMBER or the next line of standard
 * input, so it need not appear in argv (shell history, `ps`).
 */
async function idNumberArg(io: CliIo, arg: string): Promise<string> {
  if (arg !== '-') return arg;
  try {
    return (await readSecret(io, 'BASEDESK_ID_NUMBER', '证件号码：')).trim();
  } catch (e) {
    if (e instanceof CliExit)
      fail('ID_NUMBER_REQUIRED', '需要证件号码：请从标准输入提供一行，或设置环境变量 BASEDESK_ID_NUMBER。');
    throw e;
  }
}

const year = (v: string): number => {
  if (!/^\d{4}$/.test(v)) throw new CliExit(2, { code: 'USAGE', message: `年份应为 YYYY：${v}` });
  return Number(v);
};

function planText(p: TraineePlanView): string {
  return [
    `${p.name}（${p.idNumber}）${p.specialtyCode} ${p.cohortYear}级${p.example ? '  【示例方案】' : ''}${p.status ? `  ${PLAN_STATUS_LABEL[p.status]}` : '  尚未编排'}`,
    ...p.blocks.map(
      (b) =>
        `${formatDate(b.start)} 至 ${formatDate(b.end)}\t${b.department}（${b.standardDepartment}）\t${b.months}个月${b.site ? `\t${b.site}` : ''}${b.exitExamResult ? `\t出科考核：${b.exitExamResult === 'pass' ? '合格' : '不合格'}` : ''}`,
    ),
    ...p.leave.map((l) => `请假：${l.type} ${formatDate(l.from)} 至 ${formatDate(l.to)}`),
    ...(p.endFlag ? [`注意：${p.endFlag}`] : []),
  ].join('\n');
}

function runText(r: PlanRunResult): string {
  if (r.infeasible.length > 0) {
    return [
      '无法排出满足全部规则的轮转计划，未保存：',
      ...r.infeasible.map(
        (s) => `${s.department}\t${formatDate(s.from)} 至 ${formatDate(s.to)}\t缺 ${s.shortTraineeMonths} 人·月\t${s.message}`,
      ),
    ].join('\n');
  }
  return [
    `已为 ${r.planned} 名学员编排轮转计划（变动 ${r.changedBlocks} 段）${r.example ? '【示例方案，未经核实】' : ''}`,
    ...r.peakLoad.filter((p) => p.peak > 0).map((p) => `${p.department}\t峰值 ${p.peak} / 容量 ${p.capacity}`),
  ].join('\n');
}

function statusText(r: StatusChangeResult): string {
  return [
    `${r.changed} 名学员的轮转计划已改为「${PLAN_STATUS_LABEL[r.status]}」`,
    ...r.skipped.map((s) => `未变更：${s.name}（${s.reason}）`),
  ].join('\n');
}

function replanText(r: ReplanResult): string {
  return [
    `预计结束：${r.previousEnd ?? '—'} → ${r.newEnd ?? '—'}${r.pastCutoff ? `（晚于 ${r.cutoff}）` : ''}`,
    planText(r.plan),
  ].join('\n');
}

const examResult = (v: string): 'pass' | 'fail' => {
  if (v !== 'pass' && v !== 'fail') throw new CliExit(2, { code: 'USAGE', message: `--result 应为 pass 或 fail：${v}` });
  return v;
};

/** Months (0.5 steps, > 0) to half months. */
const halfMonthsArg = (v: string): number => {
  const n = Number(v) * 2;
  if (!Number.isInteger(n) || n <= 0) {
    throw new CliExit(2, { code: 'USAGE', message: `月数应为 0.5 的正整数倍：${v}` });
  }
  return n;
};

const cohortInput = (o: { cohort?: number }) => (o.cohort ? { cohortYear: o.cohort } : {});

type Session = (cmd: Command, fn: (s: CliSession) => Promise<void>) => Promise<void>;

/** 轮转方案: import and list. */
function registerSchemes(rotation: Command, io: CliIo, session: Session): void {
  const schemes = rotation.command('schemes').description('轮转方案');
  schemes
    .command('import <file>')
    .description(
      '导入轮转方案（培训项目、专业代码/专业名称、年限、标准科室、月数、类型、选轮组、选轮组月数、阶段）；全部通过才写入',
    )
    .option('--dry-run', '只检查并显示结果，不写入')
    .option('--example', '标记为示例方案（文件名含“示例”时自动标记）')
    .action(async (file: string, o: { dryRun?: boolean; example?: boolean }, cmd: Command) =>
      session(cmd, async (s) => {
        const input = readInput(file);
        const r = o.dryRun
          ? await s.call('rotation.previewSchemes', input)
          : await s.call('rotation.importSchemes', { ...input, example: !!o.example });
        print(io, s.json, r, () =>
          r.rejected.length > 0
            ? [`有 ${r.rejected.length} 处问题，未导入任何方案：`, ...problemLines(r.rejected)].join('\n')
            : [
                `${o.dryRun ? '（试运行，未写入）' : ''}轮转方案 ${r.schemes.length} 个`,
                ...r.schemes.map(
                  (x) =>
                    `${TRAINEE_PROGRAM_LABELS[x.program]}\t${x.specialtyCode}\t${x.years}年\t${x.totalMonths}个月${x.example ? '\t示例' : ''}`,
                ),
              ].join('\n'),
        );
        if (r.rejected.length > 0) fail('SCHEME_IMPORT_REJECTED', `轮转方案有 ${r.rejected.length} 处问题，未导入任何方案。`);
      }),
    );
  schemes
    .command('list')
    .description('列出轮转方案')
    .action(async (_o: unknown, cmd: Command) =>
      session(cmd, async (s) => {
        const list = await s.call('rotation.listSchemes', {});
        print(
          io,
          s.json,
          { schemes: list },
          () =>
            list
              .map(
                (x) =>
                  `${x.label ? `【${x.label}】` : ''}${TRAINEE_PROGRAM_LABELS[x.program]}\t${x.specialtyCode}\t${x.years}年\t${x.totalMonths}个月\t${x.rows.length} 行`,
              )
              .join('\n') || '还没有轮转方案',
        );
      }),
    );
}

/** Planning and reading plans: plan, show, check, roster. */
function registerPlanning(rotation: Command, io: CliIo, session: Session): void {
  rotation
    .command('plan')
    .description('为一个年级的在培学员编排轮转计划（排不出时说明缺口，不保存）')
    .option('--cohort <yyyy>', '年级（默认当前招收年度）', year)
    .option('--reason <text>', '已审核通过的计划重新编排时的原因')
    .option('--seed <n>', '随机种子（默认固定值，同样的数据得到同样的计划）', (v) => Number(v))
    .action(async (o: { cohort?: number; reason?: string; seed?: number }, cmd: Command) =>
      session(cmd, async (s) => {
        const r = await s.call('rotation.plan', {
          ...cohortInput(o),
          ...(o.reason ? { reason: o.reason } : {}),
          ...(o.seed !== undefined ? { seed: o.seed } : {}),
        });
        print(io, s.json, r, () => runText(r));
        if (r.infeasible.length > 0) {
          fail('ROTATION_INFEASIBLE', `无法排出轮转计划：${r.infeasible.map((x) => x.message).join('；')}`, {
            infeasible: r.infeasible,
          });
        }
      }),
    );

  rotation
    .command('show <idNumber>')
    .description('显示学员的轮转计划（证件号码可用 - 从标准输入读取）')
    .action(async (id: string, _o: unknown, cmd: Command) =>
      session(cmd, async (s) => {
        const p = await s.call('rotation.show', { idNumber: await idNumberArg(io, id) });
        print(io, s.json, p, () => planText(p));
      }),
    );

  rotation
    .command('check')
    .description('检查已保存的轮转计划是否符合规则')
    .option('--cohort <yyyy>', '只看某一年级', year)
    .action(async (o: { cohort?: number }, cmd: Command) =>
      session(cmd, async (s) => {
        const r = await s.call('rotation.check', cohortInput(o));
        print(io, s.json, r, () =>
          r.violations.length === 0 ? '轮转计划符合全部规则' : r.violations.map((v) => `[${v.code}] ${v.message}`).join('\n'),
        );
      }),
    );

  rotation
    .command('roster')
    .description('科室轮转表：每月每个科室的学员')
    .requiredOption('--from <yyyy-mm>', '开始月份')
    .requiredOption('--to <yyyy-mm>', '结束月份')
    .action(async (o: { from: string; to: string }, cmd: Command) =>
      session(cmd, async (s) => {
        const r = await s.call('rotation.roster', { from: o.from, to: o.to });
        print(io, s.json, r, () =>
          [
            ...(r.example ? ['【示例方案，未经核实】'] : []),
            ...r.months.flatMap((m) => [
              m.month,
              ...m.departments
                .filter((d) => d.trainees.length > 0)
                .map((d) => `  ${d.department}（${d.peak}/${d.capacity}）\t${d.trainees.join('、')}`),
            ]),
          ].join('\n'),
        );
      }),
    );
}

/** While a plan runs: leave and 出科考核. */
function registerExecution(rotation: Command, io: CliIo, session: Session): void {
  rotation
    .command('leave <idNumber>')
    .description('登记请假，只重排此后的轮转（证件号码可用 -）')
    .requiredOption('--from <date>', '开始日期 YYYY-MM-DD')
    .requiredOption('--to <date>', '结束日期 YYYY-MM-DD（含）')
    .requiredOption('--type <type>', '请假类型，如 病假、事假、产假')
    .option('--reason <text>', '原因')
    .option('--cutoff <date>', '须在此日前结束（默认：按培训年限的预计结束日）')
    .action(async (id: string, o: { from: string; to: string; type: string; reason?: string; cutoff?: string }, cmd: Command) =>
      session(cmd, async (s) => {
        const r = await s.call('rotation.recordLeave', {
          idNumber: await idNumberArg(io, id),
          type: o.type,
          from: o.from,
          to: o.to,
          ...(o.reason ? { reason: o.reason } : {}),
          ...(o.cutoff ? { cutoff: o.cutoff } : {}),
        });
        print(io, s.json, r, () => replanText(r));
      }),
    );

  rotation
    .command('exit-exam <idNumber>')
    .description('登记出科考核结果；不合格则补轮并顺延（证件号码可用 -）')
    .requiredOption('--department <name>', '科室名称或标准科室')
    .requiredOption('--result <result>', 'pass | fail', examResult)
    .option('--date <date>', '考核日期（默认今天）')
    .option('--cutoff <date>', '须在此日前结束（默认：按培训年限的预计结束日）')
    .action(
      async (id: string, o: { department: string; result: 'pass' | 'fail'; date?: string; cutoff?: string }, cmd: Command) =>
        session(cmd, async (s) => {
          const r = await s.call('rotation.recordExitExam', {
            idNumber: await idNumberArg(io, id),
            department: o.department,
            result: o.result,
            ...(o.date ? { date: o.date } : {}),
            ...(o.cutoff ? { cutoff: o.cutoff } : {}),
          });
          print(io, s.json, r, () => replanText(r));
        }),
    );
}

/** The approval flow, one command per step. */
function registerApproval(rotation: Command, io: CliIo, session: Session): void {
  const steps = [
    ['approve', 'rotation.approve', '基地审核通过（只审核草稿；有不符合规则的计划则全部不通过）'],
    ['submitted', 'rotation.markSubmitted', '标记已报省住培中心'],
    ['confirmed', 'rotation.markProvinceConfirmed', '标记省住培中心已确认'],
    ['start', 'rotation.start', '开始实施（年限减免学员须先经省里确认）'],
  ] as const;
  for (const [name, op, description] of steps) {
    rotation
      .command(name)
      .description(description)
      .option('--cohort <yyyy>', '年级（默认当前招收年度）', year)
      .option('--reason <text>', '说明')
      .action(async (o: { cohort?: number; reason?: string }, cmd: Command) =>
        session(cmd, async (s) => {
          const r = await s.call(op, {
            ...cohortInput(o),
            ...(o.reason && op === 'rotation.approve' ? { reason: o.reason } : {}),
          });
          print(io, s.json, r, () => statusText(r));
        }),
      );
  }
}

/** Manual edits, each re-checked by the core. */
function registerEdits(rotation: Command, io: CliIo, session: Session): void {
  rotation
    .command('move <blockId>')
    .description('调整一段轮转的科室或开始日期（已审核通过的计划需 --reason）')
    .option('--department <name>', '新科室')
    .option('--start <date>', '新开始日期（每月1日或16日）')
    .option('--reason <text>', '原因')
    .action(async (blockId: string, o: { department?: string; start?: string; reason?: string }, cmd: Command) =>
      session(cmd, async (s) => {
        const departmentId = o.department ? (await departmentByName(s, o.department)).id : undefined;
        const p = await s.call('rotation.moveBlock', {
          blockId,
          ...(departmentId ? { departmentId } : {}),
          ...(o.start ? { start: o.start } : {}),
          ...(o.reason ? { reason: o.reason } : {}),
        });
        print(io, s.json, p, () => planText(p));
      }),
    );
  rotation
    .command('split <blockId>')
    .description('从某日起把一段轮转拆成两段（后一段可换科室）')
    .requiredOption('--at <date>', '后一段的开始日期（每月1日或16日）')
    .option('--department <name>', '后一段的科室')
    .option('--reason <text>', '原因')
    .action(async (blockId: string, o: { at: string; department?: string; reason?: string }, cmd: Command) =>
      session(cmd, async (s) => {
        const departmentId = o.department ? (await departmentByName(s, o.department)).id : undefined;
        const p = await s.call('rotation.splitBlock', {
          blockId,
          at: o.at,
          ...(departmentId ? { departmentId } : {}),
          ...(o.reason ? { reason: o.reason } : {}),
        });
        print(io, s.json, p, () => planText(p));
      }),
    );
  rotation
    .command('shift <blockId>')
    .description('把一段轮转提前或推后（以0.5个月为单位），经过的轮转顺移补位，总时长和结束日不变')
    .option('--later <months>', '推后的月数（0.5的倍数）', halfMonthsArg)
    .option('--earlier <months>', '提前的月数（0.5的倍数）', halfMonthsArg)
    .option('--reason <text>', '原因（已审核通过的计划必填）')
    .action(async (blockId: string, o: { later?: number; earlier?: number; reason?: string }, cmd: Command) =>
      session(cmd, async (s) => {
        if ((o.later === undefined) === (o.earlier === undefined)) {
          throw new CliExit(2, { code: 'USAGE', message: '请给出 --later 或 --earlier 之一（月数）。' });
        }
        const by = o.later !== undefined ? o.later : -o.earlier!;
        const p = await s.call('rotation.shiftBlock', { blockId, by, ...(o.reason ? { reason: o.reason } : {}) });
        print(io, s.json, p, () => planText(p));
      }),
    );
  rotation
    .command('swap <a> <b>')
    .description('交换两段轮转（同一学员同长度的两段互换时间；两名学员同期的两段互换科室）')
    .option('--reason <text>', '原因')
    .action(async (a: string, b: string, o: { reason?: string }, cmd: Command) =>
      session(cmd, async (s) => {
        const r = await s.call('rotation.swapBlocks', { a, b, ...(o.reason ? { reason: o.reason } : {}) });
        print(io, s.json, r, () => r.map(planText).join('\n\n'));
      }),
    );
}

/** The XLSX export, or with --html the printable A4 page (轮转安排计划, or with --exit-exams 出科考核成绩). */
function registerExport(rotation: Command, io: CliIo, session: Session): void {
  rotation
    .command('export <file>')
    .description('导出轮转安排计划与科室轮转表（XLSX；--html 为可打印页面；证件号码脱敏）')
    .option('--cohort <yyyy>', '年级（默认当前招收年度）', year)
    .option('--trainee <idNumber>', '只导出一名学员（可用 -）')
    .option('--html', '写出可打印的 A4 页面（HTML），而不是 XLSX')
    .option('--exit-exams', '出科考核成绩（与 --html 一起使用）')
    .action(async (file: string, o: { cohort?: number; trainee?: string; html?: boolean; exitExams?: boolean }, cmd: Command) =>
      session(cmd, async (s) => {
        if (o.exitExams && !o.html) {
          throw new CliExit(2, { code: 'USAGE', message: '出科考核成绩只有可打印页面：请同时使用 --html。' });
        }
        const who = o.trainee ? { idNumber: await idNumberArg(io, o.trainee) } : cohortInput(o);
        if (o.html) {
          const page = await s.call('rotation.printable', { ...who, kind: o.exitExams ? 'exitExams' : 'plan' });
          writePrivateFileAtomic(file, page.html);
          print(
            io,
            s.json,
            { file: resolve(file), example: page.example, rows: page.rows },
            () => `已写出可打印页面 ${file}（${page.rows} 行）${page.example ? '（示例方案）' : ''}`,
          );
          return;
        }
        const r = await s.call('rotation.export', who);
        writePrivateFileAtomic(file, Buffer.from(r.contentBase64, 'base64'));
        print(
          io,
          s.json,
          { file: resolve(file), example: r.example },
          () => `已导出到 ${file}${r.example ? '（示例方案）' : ''}`,
        );
      }),
    );
}

export function registerRotation(program: Command, io: CliIo): void {
  const session = (cmd: Command, fn: (s: CliSession) => Promise<void>) =>
    withSession(io, cmd.optsWithGlobals<GlobalOptions>(), fn);
  const rotation = program.command('rotation').description('轮转方案与轮转计划');
  registerSchemes(rotation, io, session);
  registerPlanning(rotation, io, session);
  registerExecution(rotation, io, session);
  registerApproval(rotation, io, session);
  registerEdits(rotation, io, session);
  registerExport(rotation, io, session);
}
