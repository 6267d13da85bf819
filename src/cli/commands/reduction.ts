import type { Command } from 'commander';
import { writePrivateFileAtomic } from '../../core/db/private-files';
import type { MakeupRow, ReductionList, ReductionRow } from '../../shared/contract/reduction';
import { formatDate } from '../../shared/dates';
import { withSession, type GlobalOptions } from '../context';
import { collectIds, IDS_HELP } from '../id-input';
import { fail, print, type CliIo } from '../io';

const ELIGIBILITY = { eligible: '符合', ineligible: '不符合', unknown: '待核实', 'no-rules': '通知未列条件' } as const;
const ROTATION = {
  'no-outcome': '',
  'not-enrolled': '未入培',
  'years-differ': '名册年限不一致',
  'not-applied': '未交轮转',
  applied: '轮转已按补足内容安排',
} as const;

function rowText(r: ReductionRow): string {
  const outcome =
    r.outcome === null
      ? '审批结果未登记'
      : `减免 ${r.outcome.monthsGranted} 个月（${r.outcome.years} 年），补足：${r.outcome.makeup.map((m) => `${m.department} ${m.months} 个月`).join('、') || '无'}`;
  return [
    r.name,
    r.idNumber,
    r.specialtyName ?? '',
    `资格：${ELIGIBILITY[r.eligibility.overall]}`,
    outcome,
    ROTATION[r.rotation.state],
  ]
    .filter((x) => x !== '')
    .join('\t');
}

function listText(l: ReductionList): string {
  if (l.rows.length === 0) return `${l.cohortYear} 年没有年限减免申请。`;
  const head = l.reviewDeadline === null ? [] : [`临床实践经历审核截止：${formatDate(l.reviewDeadline)}`];
  return [...head, ...l.rows.map(rowText)].join('\n');
}

/** "心血管内科:3,急诊科:1.5" (the 审批表's 需要补足培训时间的培训内容). */
export function parseMakeup(raw: string): MakeupRow[] {
  if (raw.trim() === '') return [];
  return raw.split(/[,，;；]/).map((part) => {
    const m = /^\s*(.+?)\s*[:：]\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!m) fail('USAGE', `--makeup 的“${part.trim()}”应写成“科室:月数”，如 心血管内科:3,急诊科:1.5`);
    return { department: m[1]!, months: Number(m[2]) };
  });
}

type RecordOpts = { idsFile?: string; months: string; makeup: string; decidedOn: string; note?: string };

function registerRecord(reduction: Command, io: CliIo): void {
  reduction
    .command('record [source...]')
    .description('登记年限减免审批表的结果（减免月数与需补足的培训内容），对证件号码文件或标准输入中的每个人')
    .option('--ids-file <file>', '从文件读取证件号码（每行一个），不出现在命令行上')
    .requiredOption('--months <n>', '减免月数（12 或 24）')
    .requiredOption('--makeup <list>', '需补足的培训内容：科室:月数，逗号分隔，如 心血管内科:3,急诊科:1.5')
    .requiredOption('--decided-on <yyyy-mm-dd>', '审批表上的日期')
    .option('--note <text>', '备注')
    .addHelpText('after', `\n证件号码只能用 --ids-file 文件或 -（标准输入）提供。${IDS_HELP}`)
    .action(async (source: string[], o: RecordOpts, cmd: Command) => {
      if (source.some((s) => s !== '-')) fail('USAGE', '证件号码不能写在命令行上：请用 --ids-file 文件，或用 - 从标准输入读取。');
      const months = Number(o.months);
      if (!Number.isInteger(months)) fail('USAGE', `--months 应为整数月数：${o.months}`);
      const makeup = parseMakeup(o.makeup);
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const ids = await collectIds(io, source, o.idsFile);
        const rows: ReductionRow[] = [];
        for (const applicant of ids) {
          rows.push(
            await s.call('reduction.record', {
              applicant,
              monthsGranted: months,
              makeup,
              decidedOn: o.decidedOn,
              ...(o.note ? { note: o.note } : {}),
            }),
          );
        }
        print(io, s.json, rows, () => rows.map(rowText).join('\n'));
      });
    });
}

export function registerReduction(program: Command, io: CliIo): void {
  const reduction = program.command('reduction').description('培训年限减免（住培）：资格核对、审批结果、临床实践经历');
  reduction
    .command('list')
    .description('列出年限减免申请人、资格核对结果、审批结果和轮转安排情况（证件号码已遮盖）')
    .action(async (_o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const r = await s.call('reduction.list', {});
        print(io, s.json, r, () => listText(r));
      });
    });
  registerRecord(reduction, io);
  reduction
    .command('form <file>')
    .description('导出北京市住院医师规范化培训临床实践经历认定表（XLSX；--html 为打印页）')
    .option('--html', '导出可打印的 HTML 页')
    .action(async (file: string, o: { html?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const out = o.html
          ? Buffer.from((await s.call('reduction.recognitionHtml', {})).html)
          : Buffer.from((await s.call('reduction.recognitionXlsx', {})).contentBase64, 'base64');
        try {
          writePrivateFileAtomic(file, out);
        } catch (e) {
          fail('FILE_WRITE_FAILED', `无法写入文件：${file}（${(e as NodeJS.ErrnoException).code ?? String(e)}）`);
        }
        print(io, s.json, { file }, () => `已写入 ${file}`);
      });
    });
}
