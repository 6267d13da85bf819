import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { RowProblem } from '../../shared/contract/applicants';
import {
  TRAINEE_PROGRAM_LABELS,
  TRAINEE_STATUSES,
  TRAINEE_STATUS_LABELS,
  type TraineeDetail,
} from '../../shared/contract/trainees';
import { CliExit, fail, oneOf, print, readSecret, type CliIo } from '../io';
import { withSession, type CliSession, type GlobalOptions } from '../context';
import { formatDate } from '../../shared/dates';

function readInput(file: string): { fileName: string; contentBase64: string } {
  try {
    return { fileName: basename(file), contentBase64: readFileSync(file).toString('base64') };
  } catch (e) {
    fail('FILE_NOT_FOUND', `无法读取文件：${file}（${(e as NodeJS.ErrnoException).code ?? String(e)}）`);
  }
}

function problemsText(problems: RowProblem[]): string[] {
  return problems.map((p) => `第 ${p.row} 行\t${p.field}\t[${p.code}] ${p.message}`);
}

/**
 * `-` takes the ID number from standard input (after the password, when that comes from stdin too), so it
 * need not appear on the command line, where `ps` and the shell history would keep it.
 */
async function idNumberArg(io: CliIo, arg: string): Promise<string> {
  if (arg !== '-') return arg;
  try {
    return (await readSecret(io, 'BASEDESK_TRAINEE_ID_NUMBER', '学员证件号码：')).trim();
  } catch (e) {
    if (e instanceof CliExit) fail('ID_NUMBER_REQUIRED', '没有从标准输入读到证件号码：请在密码之后的一行提供证件号码。');
    throw e;
  }
}

function detailJson(d: TraineeDetail) {
  return {
    idNumber: d.idNumber,
    name: d.name,
    program: d.program,
    specialtyCode: d.specialtyCode,
    cohortYear: d.cohortYear,
    status: d.status,
    statusHistory: d.statusHistory,
    transfers: d.transfers,
  };
}

function registerImport(trainees: Command, io: CliIo): void {
  trainees
    .command('import <file>')
    .description('导入省平台导出的在培学员名单（XLSX/CSV，UTF-8 或 GBK）；有问题行时整份不写入并列出原因')
    .option('--dry-run', '只检查并显示结果，不写入')
    .action(async (file: string, o: { dryRun?: boolean }, cmd: Command) => {
      await withSession(io, cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
        const input = readInput(file);
        const r = o.dryRun ? await s.call('trainees.previewImport', input) : await s.call('trainees.commitImport', input);
        const out = {
          imported: r.imported,
          updated: r.updated,
          unchanged: r.unchanged,
          rejected: r.rejected,
          warnings: r.warnings,
        };
        print(io, s.json, out, () =>
          [
            `${o.dryRun ? '（试运行，未写入）' : ''}新增 ${r.imported} 人，更新 ${r.updated} 人，未变 ${r.unchanged} 人，问题 ${r.rejected.length} 处`,
            ...r.changes.map(
              (c) =>
                `第 ${c.row} 行 ${c.name}：${c.changes.map((x) => `${x.field} ${x.before ?? '（空）'} → ${x.after ?? '（空）'}`).join('；')}`,
            ),
            ...problemsText(r.rejected),
            ...problemsText(r.warnings).map((w) => `提示：${w}`),
          ].join('\n'),
        );
        if (!o.dryRun && r.rejected.length > 0) {
          fail(
            'TRAINEES_IMPORT_REJECTED',
            `文件中有 ${r.rejected.length} 处问题，整份名单未导入。请按上面的清单修改后重新导入。`,
          );
        }
      });
    });
}

function registerEnrol(trainees: Command, io: CliIo): void {
  trainees
    .command('enrol')
    .description('已录取并登记报到的考生转为在培学员（可重复运行，只增加新报到的）')
    .requiredOption('--cohort <year>', '招收年度（年级），如 2024')
    .option('--start-date <date>', '培训开始日期（默认该年 9 月 1 日）')
    .action(async (o: { cohort: string; startDate?: string }, cmd: Command) => {
      if (!/^\d{4}$/.test(o.cohort)) fail('USAGE', `--cohort 应为四位年份：${o.cohort}`);
      await withSession(io, cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
        const r = await s.call('trainees.enrol', {
          cohortYear: Number(o.cohort),
          ...(o.startDate ? { startDate: o.startDate } : {}),
        });
        const note = (n: (typeof r.skipped)[number]) => ({
          idNumber: n.idNumber,
          name: n.name,
          code: n.code,
          message: n.message,
        });
        const out = {
          cohortYear: r.cohortYear,
          enrolled: r.enrolled,
          alreadyEnrolled: r.alreadyEnrolled,
          notReported: r.notReported,
          trainees: r.trainees.map((t) => ({
            idNumber: t.idNumber,
            name: t.name,
            program: t.program,
            specialtyCode: t.specialtyCode,
            years: t.years,
            startDate: t.startDate,
          })),
          skipped: r.skipped.map(note),
          warnings: r.warnings.map(note),
        };
        print(io, s.json, out, () =>
          [
            `${r.cohortYear} 级：新入培 ${r.enrolled} 人，此前已入培 ${r.alreadyEnrolled} 人，已录取未报到 ${r.notReported} 人`,
            ...r.trainees.map((t) => `${t.idNumber}\t${t.name}\t${t.specialtyName}\t${t.years} 年\t${formatDate(t.startDate)}`),
            ...r.skipped.map((n) => `未入培：${n.name}（${n.idNumber}）[${n.code}] ${n.message}`),
            ...r.warnings.map((n) => `提示：[${n.code}] ${n.message}`),
          ].join('\n'),
        );
      });
    });
}

function registerList(trainees: Command, io: CliIo): void {
  trainees
    .command('list')
    .description('在培学员名单（证件号码默认脱敏）')
    .option('--cohort <year>', '按年级筛选')
    .option('--program <program>', 'residency（住培）| agp（助理全科）')
    .option('--specialty <code>', '按培训专业代码筛选')
    .option('--status <status>', TRAINEE_STATUSES.join(' | '))
    .option('--query <text>', '姓名、拼音首字母或证件号码末几位')
    .option('--reveal', '显示完整证件号码（需要相应权限，记入审计）')
    .action(
      async (
        o: { cohort?: string; program?: string; specialty?: string; status?: string; query?: string; reveal?: boolean },
        cmd: Command,
      ) => {
        await withSession(io, cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
          const r = await s.call('trainees.list', {
            limit: 100_000,
            reveal: !!o.reveal,
            ...(o.cohort ? { cohortYear: Number(o.cohort) } : {}),
            ...(o.program ? { program: oneOf(['residency', 'agp'] as const, o.program, '--program') } : {}),
            ...(o.specialty ? { specialtyCode: o.specialty } : {}),
            ...(o.status ? { status: oneOf(TRAINEE_STATUSES, o.status, '--status') } : {}),
            ...(o.query ? { query: o.query } : {}),
          });
          const out = {
            total: r.total,
            trainees: r.trainees.map((t) => ({
              idNumber: t.idNumber,
              name: t.name,
              program: t.program,
              specialtyCode: t.specialtyCode,
              cohortYear: t.cohortYear,
              startDate: t.startDate,
              years: t.years,
              status: t.status,
            })),
          };
          print(io, s.json, out, () =>
            [
              `共 ${r.total} 人`,
              ...r.trainees.map(
                (t) =>
                  `${t.idNumber}\t${t.name}\t${TRAINEE_PROGRAM_LABELS[t.program]}\t${t.specialtyName}\t${t.cohortYear} 级\t${formatDate(t.startDate)}\t${t.years} 年\t${TRAINEE_STATUS_LABELS[t.status]}`,
              ),
            ].join('\n'),
          );
        });
      },
    );
}

function printDetail(io: CliIo, s: CliSession, d: TraineeDetail, what: string): void {
  print(io, s.json, detailJson(d), () => `${d.name}（${d.idNumber}）${what}`);
}

function registerStatus(trainees: Command, io: CliIo): void {
  trainees
    .command('status <idNumber>')
    .description('变更培训状态（证件号码写 - 则从标准输入读取）')
    .requiredOption('--to <status>', TRAINEE_STATUSES.map((st) => `${st}（${TRAINEE_STATUS_LABELS[st]}）`).join(' | '))
    .requiredOption('--date <date>', '生效日期 YYYY-MM-DD')
    .requiredOption('--reason <text>', '原因（必填）')
    .action(async (idArg: string, o: { to: string; date: string; reason: string }, cmd: Command) => {
      const status = oneOf(TRAINEE_STATUSES, o.to, '--to');
      await withSession(io, cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
        const id = await idNumberArg(io, idArg);
        const d = await s.call('trainees.setStatus', { id, status, effectiveDate: o.date, reason: o.reason });
        printDetail(io, s, d, `自 ${formatDate(o.date)} 起为“${TRAINEE_STATUS_LABELS[d.status]}”`);
      });
    });
}

function registerTransfer(trainees: Command, io: CliIo): void {
  trainees
    .command('transfer <idNumber>')
    .description('变更培训专业或培训基地，保留变更记录（证件号码写 - 则从标准输入读取）')
    .requiredOption('--kind <kind>', 'specialty（变更专业）| base（变更基地）')
    .requiredOption('--to <value>', '新的专业名称或代码 / 新的培训基地名称')
    .requiredOption('--date <date>', '变更日期 YYYY-MM-DD')
    .requiredOption('--reason <text>', '原因（必填）')
    .action(async (idArg: string, o: { kind: string; to: string; date: string; reason: string }, cmd: Command) => {
      const kind = oneOf(['specialty', 'base'] as const, o.kind, '--kind');
      await withSession(io, cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
        const id = await idNumberArg(io, idArg);
        const d = await s.call('trainees.transfer', { id, kind, after: o.to, effectiveDate: o.date, reason: o.reason });
        printDetail(
          io,
          s,
          d,
          `自 ${formatDate(o.date)} 起${o.kind === 'specialty' ? `培训专业为 ${d.specialtyName}` : `培训基地为 ${o.to}`}`,
        );
      });
    });
}

export function registerTrainees(program: Command, io: CliIo): void {
  const trainees = program.command('trainees').description('在培学员');
  registerImport(trainees, io);
  registerEnrol(trainees, io);
  registerList(trainees, io);
  registerStatus(trainees, io);
  registerTransfer(trainees, io);
}
