import { readFileSync } from 'node:fs';
import { writePrivateFileAtomic } from '../../core/db/private-files';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { CandidateSheet, CandidateState, InterviewItem, RankingView, ScoreImportReport } from '../../shared/contract/scores';
import { collectIds, collectOneId, IDS_HELP } from '../id-input';
import { withSession, type CliSession, type GlobalOptions } from '../context';
import { fail, print, type CliIo } from '../io';

function readInput(file: string): { fileName: string; contentBase64: string } {
  try {
    return { fileName: basename(file), contentBase64: readFileSync(file).toString('base64') };
  } catch (e) {
    fail('FILE_NOT_FOUND', `无法读取文件：${file}（${(e as NodeJS.ErrnoException).code ?? String(e)}）`);
  }
}

function writeOutput(file: string, out: { contentBase64: string }): void {
  try {
    writePrivateFileAtomic(file, Buffer.from(out.contentBase64, 'base64'));
  } catch (e) {
    fail('FILE_WRITE_FAILED', `无法写入文件：${file}（${(e as NodeJS.ErrnoException).code ?? String(e)}）`);
  }
}

const h = (v: number | 'absent' | null | undefined) =>
  v === 'absent' ? '缺考' : v === null || v === undefined ? '—' : (v / 100).toFixed(2);

/** What an import did, or (checked only, or refused) what it would do: the counts never read as written when nothing was. */
function reportText(r: ScoreImportReport): string {
  const counts = `新增 ${r.imported}，更新 ${r.updated}，未变 ${r.unchanged}`;
  const head = r.applied
    ? `已导入：${counts}`
    : r.rejected.length > 0
      ? `未写入：有 ${r.rejected.length} 处问题（见下）；改正后可${counts}`
      : `仅检查，未写入：导入后将${counts}`;
  return [head, ...r.rejected.map((x) => `第 ${x.row} 行\t${x.field}\t[${x.code}] ${x.message}`)].join('\n');
}

/** As the 面试评分 screen says them. */
const SHEET_STATE: Record<CandidateState, string> = { open: '评分中', absent: '缺考', signed: '已签字', reopened: '更正中' };

type PanelStatus = Exclude<CandidateSheet['panel']['status'], 'ok'>;

const PANEL_STATUS: Record<PanelStatus, string> = {
  incomplete: '尚未评完',
  unassessable: '每位面试官都无法评价，须组长处理',
  conflict: '评分冲突',
  hidden: '组长签字后可见',
  absent: '缺考',
};

/**
 * Prints a candidate's sheet; in words, each item by the name the session gives it (专业知识, not its key),
 * in the session's order of items.
 */
async function printSheet(io: CliIo, s: CliSession, sessionId: string, sheet: CandidateSheet): Promise<void> {
  if (s.json) return print(io, true, sheet, () => '');
  const { items } = await s.call('interview.session', { sessionId });
  print(io, false, sheet, () => sheetText(sheet, items));
}

function sheetText(c: CandidateSheet, items: readonly InterviewItem[]): string {
  const at = new Map(items.map((item, i) => [item.key, i]));
  const name = (key: string) => items[at.get(key) ?? -1]?.name ?? key;
  const marks = [...c.marks].sort(
    (a, b) => a.interviewer.localeCompare(b.interviewer) || (at.get(a.item) ?? items.length) - (at.get(b.item) ?? items.length),
  );
  return [
    `${c.drawNo} 号 ${c.name}：${SHEET_STATE[c.state]}${c.absent ? '（缺考）' : ''}`,
    ...marks.map((m) => `  ${m.interviewer}\t${name(m.item)}\t${m.unable ? '无法评价' : h(m.value)}`),
    ...c.conflicts.map((x) => `  冲突：${x.interviewer} ${name(x.item)} ${x.marks.map((m) => h(m.value)).join(' / ')}`),
    c.panel.status === 'ok' ? `  面试成绩 ${c.panel.display}` : `  面试成绩：${PANEL_STATUS[c.panel.status]}`,
  ].join('\n');
}

function rankingText(v: RankingView): string {
  return v.groups
    .flatMap((g) => [
      `${g.specialty} ${g.specialtyName}${g.category ? `（${g.category}）` : ''}`,
      ...g.ranked.map((r) => `${r.rank}${r.tied ? '=' : ''}\t${r.name}\t${r.idMasked}\t${r.totalDisplay}`),
      ...g.unranked.map((u) => `—\t${u.name}\t${u.idMasked}\t${u.status === 'absent' ? '缺考' : '成绩不全'}`),
    ])
    .join('\n');
}

const CANDIDATE_HELP = '考生身份证号（或抽签号）；- 表示从标准输入读取';

type CandidateOpts = { candidate?: string; idsFile?: string };

/** The one candidate: --candidate ID, --candidate - (standard input) or --ids-file F. */
function candidateOf(io: CliIo, o: CandidateOpts): Promise<string> {
  return collectOneId(io, o.candidate ? [o.candidate] : [], o.idsFile, '评分');
}

/** Marks, absence and sign-off: one candidate each, by ID number (or draw number) from an option, a file or stdin. */
function registerCandidateMarks(scores: Command, io: CliIo): void {
  scores
    .command('set')
    .description('录入一位面试官对一名考生一个评分项的分数（无法评价请填“无法评价”）')
    .requiredOption('--session <id>', '面试场次编号')
    .option('--interviewer <user>', '面试官用户名（默认：当前用户；离线设备上为其登记的面试官）')
    .option('--candidate <id>', CANDIDATE_HELP)
    .option('--ids-file <file>', '从文件读取考生身份证号（一行一个），不出现在命令行上')
    .addHelpText('after', `\n${IDS_HELP}`)
    .requiredOption('--item <key>', '评分项键名或名称')
    .requiredOption('--score <x>', '分数')
    .action(async (o: CandidateOpts & { session: string; interviewer?: string; item: string; score: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const r = await s.call('interview.setScore', {
          sessionId: o.session,
          candidate: await candidateOf(io, o),
          item: o.item,
          score: o.score,
          ...(o.interviewer ? { interviewer: o.interviewer } : {}),
        });
        await printSheet(io, s, o.session, r);
      });
    });
  scores
    .command('absent')
    .description('标记考生缺考（只需一次）')
    .requiredOption('--session <id>', '面试场次编号')
    .option('--candidate <id>', CANDIDATE_HELP)
    .option('--ids-file <file>', '从文件读取考生身份证号（一行一个），不出现在命令行上')
    .addHelpText('after', `\n${IDS_HELP}`)
    .action(async (o: CandidateOpts & { session: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const r = await s.call('interview.markAbsent', { sessionId: o.session, candidate: await candidateOf(io, o) });
        await printSheet(io, s, o.session, r);
      });
    });
  scores
    .command('signoff')
    .description('专家组组长签字确认一名考生的面试成绩')
    .requiredOption('--session <id>', '面试场次编号')
    .option('--candidate <id>', CANDIDATE_HELP)
    .option('--ids-file <file>', '从文件读取考生身份证号（一行一个），不出现在命令行上')
    .addHelpText('after', `\n${IDS_HELP}`)
    .action(async (o: CandidateOpts & { session: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const r = await s.call('interview.signOff', { sessionId: o.session, candidate: await candidateOf(io, o) });
        await printSheet(io, s, o.session, r);
      });
    });
}

export function registerScores(program: Command, io: CliIo): void {
  const scores = program.command('scores').description('考核成绩与面试评分');
  scores
    .command('import <file>')
    .description('导入笔试/面试/操作成绩（列：姓名、身份证号、培训专业、笔试成绩、面试成绩、操作成绩）；有任何问题则不写入')
    .option('--replace', '替换与文件不同的已有成绩（必须同时给出 --reason）')
    .option('--reason <text>', '替换已有成绩的原因')
    .option('--dry-run', '只检查，不写入')
    .action(async (file: string, o: { replace?: boolean; reason?: string; dryRun?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const input = { ...readInput(file), replace: !!o.replace, ...(o.reason ? { reason: o.reason } : {}) };
        const r = await s.call(o.dryRun ? 'scores.previewImport' : 'scores.import', input);
        print(io, s.json, r, () => reportText(r));
        if (r.rejected.length > 0)
          fail('SCORES_IMPORT_REJECTED', `有 ${r.rejected.length} 处问题，未写入任何成绩：请按报告修改文件后重新导入。`);
      });
    });
  registerCandidateMarks(scores, io);
  scores
    .command('session-create')
    .description('建立面试场次：--panel 组长在前，如 --panel zhang,li,wang')
    .requiredOption('--name <name>', '场次名称')
    .requiredOption('--date <yyyy-mm-dd>', '日期')
    .requiredOption('--site <site>', '地点')
    .requiredOption('--panel <users>', '面试官用户名，逗号分隔，第一位为组长')
    .option('--candidates <ids>', '考生身份证号，逗号分隔（- 表示从标准输入读取）')
    .option('--ids-file <file>', '从文件读取考生身份证号（一行一个），不出现在命令行上')
    .addHelpText('after', `\n${IDS_HELP}`)
    .option('--seed <n>', '抽签种子（默认随机，并记录）', (v) => Number(v))
    .action(
      async (
        o: { name: string; date: string; site: string; panel: string; candidates?: string; idsFile?: string; seed?: number },
        cmd: Command,
      ) => {
        const g = cmd.optsWithGlobals<GlobalOptions>();
        await withSession(io, g, async (s) => {
          const r = await s.call('interview.createSession', {
            name: o.name,
            date: o.date,
            site: o.site,
            panel: o.panel.split(',').map((u, i) => ({ username: u.trim(), head: i === 0 })),
            candidates: await collectIds(io, o.candidates ? o.candidates.split(',').map((x) => x.trim()) : [], o.idsFile),
            ...(o.seed !== undefined ? { seed: o.seed } : {}),
          });
          print(io, s.json, r, () => `场次 ${r.id}：${r.name}，${r.candidateCount} 名考生，抽签种子 ${r.seed}`);
        });
      },
    );

  registerRanking(program, io);
  registerStations(program, io);
}

/** Ranking by specialty (and category), with ties shown. */
function registerRanking(program: Command, io: CliIo): void {
  program
    .command('ranking')
    .description('按专业（及人员类别）排名，显示总成绩与并列')
    .option('--specialty <code>', '专业代码')
    .option('--category <name>', '人员类别')
    .option('--xlsx <file>', '同时导出成绩汇总表（需 --specialty）')
    .action(async (o: { specialty?: string; category?: string; xlsx?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const r = await s.call('ranking.show', {
          ...(o.specialty ? { specialty: o.specialty } : {}),
          ...(o.category ? { category: o.category } : {}),
        });
        if (o.xlsx) {
          if (!o.specialty) fail('USAGE', '导出成绩汇总表需要 --specialty。');
          writeOutput(o.xlsx, await s.call('scores.summaryXlsx', { specialty: o.specialty }));
        }
        print(io, s.json, r, () => rankingText(r));
      });
    });
}

/** Offline interviewer laptops: session files out, signed bundles back. */
function registerStations(program: Command, io: CliIo): void {
  const station = program.command('station').description('离线评分设备：评分文件与签名评分包');
  station
    .command('export <file>')
    .description('住培办：--session S --interviewer U 导出面试官离线评分文件；面试官设备：导出本机签名评分包')
    .option('--session <id>', '面试场次编号')
    .option('--interviewer <user>', '面试官用户名（住培办导出评分文件时）')
    .action(async (file: string, o: { session?: string; interviewer?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const out = o.interviewer
          ? await s.call('stations.exportSession', { sessionId: o.session ?? '', interviewer: o.interviewer })
          : await s.call('stations.exportBundle', o.session ? { sessionId: o.session } : {});
        writeOutput(file, out);
        print(io, s.json, { file, fileName: out.fileName }, () => `已写入 ${file}`);
      });
    });
  station
    .command('import <file>')
    .description('导入离线评分文件（面试官设备）或签名评分包（住培办）；重复导入不会改变数据')
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const r = await s.call('stations.import', readInput(file));
        print(io, s.json, r, () =>
          r.kind === 'session'
            ? `已导入面试场次 ${r.sessionId}${r.alreadyImported ? '（之前已导入）' : ''}`
            : `评分包（设备 ${r.stationId}）：新增记录 ${r.eventsAdded}，评分 ${r.marksAdded}，缺考 ${r.absencesAdded}${r.alreadyImported ? '（无新内容）' : ''}；未处理冲突 ${r.conflicts}`,
        );
      });
    });
}
