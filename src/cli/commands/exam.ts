import { readFileSync } from 'node:fs';
import { writePrivateFileAtomic } from '../../core/db/private-files';
import { basename } from 'node:path';
import type { Command } from 'commander';
import {
  EXAM_DECISIONS,
  EXAM_DECISION_LABELS,
  EXAM_STATUS_LABELS,
  EXAM_SUBJECT_LABELS,
  type ExamCalendarStepDef,
  type ExamCandidateView,
  type ExamDecision,
} from '../../shared/contract/exam';
import { withSession, type CliSession, type GlobalOptions } from '../context';
import { CliExit, fail, print, readSecret, type CliIo } from '../io';
import { formatDate, formatWindow } from '../../shared/dates';

function readInput(file: string): { fileName: string; contentBase64: string } {
  try {
    return { fileName: basename(file), contentBase64: readFileSync(file).toString('base64') };
  } catch (e) {
    fail('FILE_NOT_FOUND', `无法读取文件：${file}（${(e as NodeJS.ErrnoException).code ?? String(e)}）`);
  }
}

/** `-` reads the ID number from standard input, so it need not appear on the command line (ps, history). */
async function idNumberArg(io: CliIo, arg: string): Promise<string> {
  if (arg !== '-') return arg;
  try {
    return (await readSecret(io, 'BASEDESK_TRAINEE_ID_NUMBER', '学员证件号码：')).trim();
  } catch (e) {
    if (e instanceof CliExit) fail('ID_NUMBER_REQUIRED', '没有从标准输入读到证件号码：请在密码之后的一行提供证件号码。');
    throw e;
  }
}

function yearOption(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{4}$/.test(raw)) fail('USAGE', `--year 应为四位年份：${raw}`);
  return Number(raw);
}

/** Without --year: the latest year that has candidates, else this year. */
async function yearOf(s: CliSession, raw: string | undefined): Promise<number> {
  const given = yearOption(raw);
  if (given !== undefined) return given;
  const y = await s.call('exam.years', {});
  return y.years.at(-1) ?? y.current;
}

const programOf = (raw: string): 'residency' | 'agp' => {
  if (raw !== 'residency' && raw !== 'agp') fail('USAGE', `--program 应为 residency（住培）或 agp（助理全科）：${raw}`);
  return raw;
};

function candidateJson(c: ExamCandidateView) {
  return {
    idNumber: c.idNumber,
    name: c.name,
    program: c.program,
    specialtyCode: c.specialtyCode,
    trainingStart: c.trainingStart,
    trainingEnd: c.trainingEnd,
    retake: c.retake,
    subjects: c.subjects,
    status: c.status,
    eligible: c.eligible,
    eligibility: c.eligibility,
    checks: c.checks.map((k) => ({
      code: k.code,
      passed: k.passed,
      pending: k.pending,
      message: k.message,
      recordedBy: k.recordedBy,
    })),
  };
}

const ELIGIBILITY_TEXT: Record<ExamCandidateView['eligibility'], string> = {
  eligible: '符合条件',
  pending: '待人工核验',
  ineligible: '不符合条件',
};

/** ✓ passed, ? waiting for a person to check it, ✗ failed. */
const checkMark = (k: ExamCandidateView['checks'][number]) => (k.passed ? '✓' : k.pending ? '?' : '✗');

function candidateLines(c: ExamCandidateView): string[] {
  return [
    `${c.idNumber}\t${c.name}\t${c.program === 'agp' ? '助理全科' : '住培'}\t${c.specialtyName}\t${formatDate(c.trainingStart)} 至 ${formatDate(c.trainingEnd)}\t${c.subjects.map((s) => EXAM_SUBJECT_LABELS[s]).join('、')}${c.retake ? '（补考）' : ''}\t${EXAM_STATUS_LABELS[c.status]}\t${ELIGIBILITY_TEXT[c.eligibility]}`,
    ...c.checks.map((k) => `    ${checkMark(k)} ${k.label}：${k.message}`),
  ];
}

function registerCandidates(exam: Command, io: CliIo): void {
  exam
    .command('candidates')
    .description('结业考核报考人员及资格审核结果（先按名册和轮转计划补充新的报考人员；证件号码默认脱敏）')
    .option('--year <year>', '考核年度，如 2024（默认：最近有报考人员的年度，或今年）')
    .option('--program <program>', 'residency（住培）| agp（助理全科）')
    .option('--no-propose', '只列出已有的报考人员，不补充')
    .option('--reveal', '显示完整证件号码（需要相应权限，记入审计）')
    .action(async (o: { year?: string; program?: string; propose: boolean; reveal?: boolean }, cmd: Command) => {
      await withSession(io, cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
        const year = await yearOf(s, o.year);
        const proposal = o.propose ? await s.call('exam.propose', { year }) : null;
        const r = await s.call('exam.candidates', {
          year,
          reveal: !!o.reveal,
          ...(o.program ? { program: programOf(o.program) } : {}),
        });
        const out = { year: r.year, candidates: r.candidates.map(candidateJson), notProposed: proposal?.notProposed ?? [] };
        print(io, s.json, out, () =>
          [
            `${year} 年结业考核报考人员 ${r.candidates.length} 人${proposal ? `（本次新增 ${proposal.added} 人）` : ''}`,
            ...r.candidates.flatMap(candidateLines),
            ...(proposal?.notProposed ?? []).map((n) => `未列入：${n.name}（${n.idNumber}）${n.reason}`),
          ].join('\n'),
        );
      });
    });
}

function registerReview(exam: Command, io: CliIo): void {
  exam
    .command('review <idNumber>')
    .description('资格审核决定（证件号码写 - 则从标准输入读取）')
    .requiredOption('--decision <decision>', EXAM_DECISIONS.join(' | '))
    .option(
      '--reason <text>',
      '退回补正 / 不通过时以标准原因开头（培训时间不足、缺材料、减免材料不符合要求、轮转手册不符合要求、超出执业范围）；截止后办理也须填写',
    )
    .option('--year <year>', '考核年度（默认：最近有报考人员的年度）')
    .action(async (arg: string, o: { decision: string; reason?: string; year?: string }, cmd: Command) => {
      if (!(EXAM_DECISIONS as readonly string[]).includes(o.decision))
        fail('USAGE', `--decision 应为 ${EXAM_DECISIONS.join(' | ')}：${o.decision}`);
      await withSession(io, cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
        const trainee = await idNumberArg(io, arg);
        const year = await yearOf(s, o.year);
        const r = await s.call('exam.review', {
          year,
          trainee,
          decision: o.decision as ExamDecision,
          ...(o.reason ? { reason: o.reason } : {}),
        });
        print(io, s.json, { ...candidateJson(r), decisionReason: r.decisionReason, warning: r.warning }, () =>
          [
            `${r.name}（${r.idNumber}）：${EXAM_DECISION_LABELS[o.decision as ExamDecision]}${r.decisionReason ? `，${r.decisionReason}` : ''}`,
            ...(r.warning ? [`注意：${r.warning}`] : []),
          ].join('\n'),
        );
      });
    });
}

function registerExport(exam: Command, io: CliIo): void {
  exam
    .command('export <file>')
    .description('导出结业考核报名汇总表（XLSX；审核通过的报考人员，含完整证件号码，记入审计）')
    .requiredOption('--program <program>', 'residency（住培）| agp（助理全科）')
    .option('--year <year>', '考核年度（默认：最近有报考人员的年度）')
    .option('--html', '导出可打印的网页（含盖章、签字、日期栏），而不是 XLSX')
    .action(async (file: string, o: { program: string; year?: string; html?: boolean }, cmd: Command) => {
      const program = programOf(o.program);
      await withSession(io, cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
        const year = await yearOf(s, o.year);
        if (o.html) {
          const h = await s.call('exam.printable', { year, program });
          writePrivateFileAtomic(file, h.html);
          print(io, s.json, { file, rows: h.rows, year, program }, () => `已导出 ${h.rows} 人到 ${file}`);
          return;
        }
        const x = await s.call('exam.export', { year, program });
        writePrivateFileAtomic(file, Buffer.from(x.contentBase64, 'base64'));
        print(io, s.json, { file, rows: x.rows, year, program }, () => `已导出 ${x.rows} 人到 ${file}`);
      });
    });
}

function stepLine(step: ExamCalendarStepDef): string {
  const window = formatWindow(step.opens, step.closes);
  const marks = [step.example ? '示例' : null, step.provisional ? '暂定' : null].filter(Boolean).join('、');
  return `${step.label}\t${window}${marks ? `（${marks}）` : ''}`;
}

function registerCalendar(exam: Command, io: CliIo): void {
  const calendar = exam.command('calendar').description('结业考核日程（按年份；可从内置或往年日程复制）');
  calendar
    .command('show')
    .description('本年度日程；没有时列出可复制的日程')
    .option('--year <year>', '考核年度（默认：最近有报考人员的年度，或今年）')
    .action(async (o: { year?: string }, cmd: Command) => {
      await withSession(io, cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
        const r = await s.call('exam.calendar', { year: await yearOf(s, o.year) });
        print(io, s.json, r, () =>
          r.calendar
            ? [
                `${r.calendar.province} ${r.year} 年结业考核日程${r.calendar.copiedFrom ? `（复制自${r.calendar.copiedFrom}）` : ''}`,
                `培训结束时间范围\t${formatDate(r.calendar.trainingEnd.from)} 至 ${formatDate(r.calendar.trainingEnd.to)}${r.calendar.trainingEnd.example ? '（示例）' : ''}`,
                ...r.calendar.steps.map(stepLine),
              ].join('\n')
            : [`${r.year} 年还没有结业考核日程。可复制的日程：`, ...r.sources.map((x) => `  ${x.id}\t${x.label}`)].join('\n'),
        );
      });
    });
  calendar
    .command('copy')
    .description('从内置或往年日程复制本年度日程：日期按年份顺延并标为示例，待按当年通知逐项核对（记入审计）')
    .requiredOption('--year <year>', '要创建日程的年度')
    .requiredOption('--from <id>', '复制来源（calendar show 列出的编号，如 chongqing-2024）')
    .requiredOption('--reason <text>', '原因')
    .action(async (o: { year: string; from: string; reason: string }, cmd: Command) => {
      const year = yearOption(o.year)!;
      await withSession(io, cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
        const c = await s.call('exam.copyCalendar', { year, from: o.from, reason: o.reason });
        print(io, s.json, c, () =>
          [`已创建 ${year} 年日程（复制自${c.copiedFrom ?? o.from}），以下日期标为示例：`, ...c.steps.map(stepLine)].join('\n'),
        );
      });
    });
}

function registerResults(exam: Command, io: CliIo): void {
  const results = exam.command('results').description('结业考核成绩');
  results
    .command('import <file>')
    .description('导入结业考核成绩（逐科：合格/不合格，专业理论为标准分）；有问题行时整份不写入')
    .option('--year <year>', '考试年度（默认：最近有报考人员的年度）')
    .option('--dry-run', '只检查并报告将导入的内容，不写入')
    .action(async (file: string, o: { year?: string; dryRun?: boolean }, cmd: Command) => {
      await withSession(io, cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
        const year = await yearOf(s, o.year);
        const r = await s.call('exam.importResults', { year, ...readInput(file), dryRun: !!o.dryRun });
        print(io, s.json, { year, ...r }, () =>
          [
            `${year} 年成绩${r.dryRun ? '（预览，未写入）' : ''}：新增 ${r.imported} 条，更新 ${r.updated} 条，未变 ${r.unchanged} 条；两科均合格 ${r.passedBoth} 人`,
            ...r.rejected.map((p) => `第 ${p.row} 行\t${p.field}\t[${p.code}] ${p.message}`),
          ].join('\n'),
        );
        if (r.rejected.length > 0)
          fail('EXAM_RESULTS_REJECTED', `文件中有 ${r.rejected.length} 处问题，成绩未导入。请按上面的清单修改后重新导入。`);
      });
    });
}

/** `basedesk exam …`: completion-exam registration (结业考核报名) from the base's side. */
export function registerExam(program: Command, io: CliIo): void {
  const exam = program.command('exam').description('结业考核报名：日程、报考人员、资格审核、汇总表、成绩');
  registerCandidates(exam, io);
  registerReview(exam, io);
  registerExport(exam, io);
  registerCalendar(exam, io);
  registerResults(exam, io);
}
