import type { Command } from 'commander';
import { writePrivateFileAtomic } from '../../core/db/private-files';
import type { AdmissionRunView, PublicationView } from '../../shared/contract/admission';
import { addIdsFileOption, collectIds, collectOneId } from '../id-input';
import { withSession, type GlobalOptions } from '../context';
import { fail, print, type CliIo } from '../io';
import { formatDate } from '../../shared/dates';

/** The documented `--json` shape: per admitted applicant, plus unfilled seats, open ties and what changed. */
export function runJson(v: AdmissionRunView) {
  return {
    cohortYear: v.cohortYear,
    runNo: v.runNo,
    dryRun: v.dryRun,
    roundLimit: v.roundLimit,
    revealed: v.revealed,
    admitted: v.admitted.map((a) => ({
      idNumber: a.idNumber,
      name: a.name,
      specialtyCode: a.specialtyCode,
      category: a.category,
      applicantCategory: a.applicantCategory,
      round: a.round,
      rank: a.rank,
      total: a.total,
      overQuota: a.overQuota,
    })),
    unfilled: v.unfilled.map((u) => ({ specialtyCode: u.specialtyCode, category: u.category, seatsLeft: u.seatsLeft })),
    ties: v.ties.map((t) => ({
      round: t.round,
      specialtyCode: t.specialtyCode,
      category: t.category,
      seatsLeft: t.seatsLeft,
      total: t.total,
      applicants: t.applicants.map((p) => ({ idNumber: p.idNumber, name: p.name })),
    })),
    notAdmitted: v.notAdmitted.map((n) => ({ idNumber: n.idNumber, name: n.name, code: n.code, message: n.message })),
    changes: v.changes.map((c) => ({
      kind: c.kind,
      idNumber: c.idNumber,
      name: c.name,
      before: c.before && { specialtyCode: c.before.specialtyCode, category: c.before.category, round: c.before.round },
      after: c.after && { specialtyCode: c.after.specialtyCode, category: c.after.category, round: c.after.round },
    })),
    warnings: v.warnings.map((w) => ({ code: w.code, message: w.message })),
    published: v.published,
  };
}

function runText(v: AdmissionRunView): string {
  const lines = [
    `${v.cohortYear} 年度第 ${v.runNo} 次录取计算${v.dryRun ? '（预览，未保存）' : ''}：录取 ${v.admitted.length} 人，计划 ${v.planSeats} 人${v.poolSeats > 0 ? `（另有“其他”待分配 ${v.poolSeats} 人）` : ''}`,
    ...v.admitted.map(
      (a) =>
        `${a.idNumber}\t${a.name}\t${a.specialtyCode} ${a.specialtyName}${a.category ? `（${a.category}）` : ''}\t${a.roundLabel}\t第 ${a.rank} 名\t${a.total}${a.overQuota ? '\t超计划' : ''}`,
    ),
  ];
  if (v.unfilled.length > 0) {
    lines.push(
      '未录满：',
      ...v.unfilled.map(
        (u) => `  ${u.specialtyCode} ${u.specialtyName}${u.category ? `（${u.category}）` : ''}：剩余 ${u.seatsLeft}`,
      ),
    );
  }
  if (v.ties.length > 0) {
    lines.push(
      '末位同分待决定：',
      ...v.ties.map(
        (t) =>
          `  ${t.specialtyCode} ${t.specialtyName}${t.category ? `（${t.category}）` : ''} ${t.roundLabel}：剩余 ${t.seatsLeft} 个名额，总成绩 ${t.total} 同分：${t.applicants.map((p) => `${p.name}（${p.idNumber}）`).join('、')}`,
      ),
    );
  }
  if (v.changes.length > 0) {
    const kind = { admitted: '新录取', dropped: '不再录取', moved: '变更' } as const;
    lines.push(
      '与上次相比：',
      ...v.changes.map(
        (c) =>
          `  ${kind[c.kind]}\t${c.name}（${c.idNumber}）${c.before ? `\t原：${c.before.specialtyCode} ${c.before.specialtyName}` : ''}${c.after ? `\t现：${c.after.specialtyCode} ${c.after.specialtyName}` : ''}${c.message ? `\t${c.message}` : ''}`,
      ),
    );
  }
  for (const w of v.warnings) lines.push(`提示 [${w.code}] ${w.message}`);
  return lines.join('\n');
}

function publishedText(p: PublicationView): string {
  return `已公示第 ${p.runNo} 次计算结果：${formatDate(p.startDate)} 至 ${formatDate(p.endDate)}（${p.days} 天）`;
}

export function registerAdmission(program: Command, io: CliIo): void {
  const adm = program.command('admission').description('择优录取与拟录取');
  adm
    .command('run')
    .description('按志愿轮次计算录取并保存（名单公示后需 --confirm 与 --reason）')
    .option('--round <K>', '只计算第 1 至第 K 志愿（分轮录取；不含调剂）', (v) => Number(v))
    .option('--dry-run', '只计算并显示结果与变化，不保存')
    .option('--confirm', '名单已公示时确认重新计算')
    .option('--reason <text>', '重新计算的理由（名单已公示时必填）')
    .option('--skip-invalid-choices', '跳过不在招收计划中的志愿，继续录取')
    .option('--reveal', '显示完整证件号码（需有权限，会记入审计日志）')
    .action(
      async (
        o: {
          round?: number;
          dryRun?: boolean;
          confirm?: boolean;
          reason?: string;
          skipInvalidChoices?: boolean;
          reveal?: boolean;
        },
        cmd: Command,
      ) => {
        const g = cmd.optsWithGlobals<GlobalOptions>();
        if (o.round !== undefined && (!Number.isInteger(o.round) || o.round < 1 || o.round > 3)) {
          fail('USAGE', `--round 应为 1 到 3 之间的整数：${String(o.round)}`);
        }
        await withSession(io, g, async (s) => {
          const v = await s.call('admission.run', {
            ...(o.round !== undefined ? { round: o.round } : {}),
            ...(o.dryRun ? { dryRun: true } : {}),
            ...(o.confirm ? { confirm: true } : {}),
            ...(o.reason ? { reason: o.reason } : {}),
            ...(o.skipInvalidChoices ? { skipInvalidChoices: true } : {}),
            ...(o.reveal ? { reveal: true } : {}),
            allRows: true,
          });
          print(io, s.json, runJson(v), () => runText(v));
        });
      },
    );
  addIdsFileOption(
    adm
      .command('decline [idNumber]')
      .description('登记考生放弃录取（释放名额并重新计算，显示变化）')
      .option('--reason <text>', '放弃原因')
      .option('--confirm', '名单已公示时确认重新计算'),
  ).action(async (idNumber: string | undefined, o: { reason?: string; confirm?: boolean; idsFile?: string }, cmd: Command) => {
    const g = cmd.optsWithGlobals<GlobalOptions>();
    await withSession(io, g, async (s) => {
      const v = await s.call('admission.decline', {
        idNumber: await collectOneId(io, idNumber ? [idNumber] : [], o.idsFile, '放弃录取'),
        ...(o.reason ? { reason: o.reason } : {}),
        ...(o.confirm ? { confirm: true } : {}),
        allRows: true,
      });
      print(io, s.json, runJson(v), () => runText(v));
    });
  });
  registerSecondChoices(adm, io);
  adm
    .command('list')
    .description('显示最近一次录取结果')
    .option('--reveal', '显示完整证件号码（需有权限，会记入审计日志）')
    .action(async (o: { reveal?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const v = await s.call('admission.list', o.reveal ? { reveal: true } : {});
        print(io, s.json, { ...runJson(v), stale: v.stale, staleReasons: v.staleReasons }, () =>
          v.stale
            ? `结果已过期：${v.staleReasonText.join('、')}。请重新计算录取（basedesk admission run）。\n${runText(v)}`
            : runText(v),
        );
      });
    });
  addIdsFileOption(adm.command('why [ids...]').description('为何录取甲而非乙（两个证件号码，依次为甲、乙）')).action(
    async (ids: string[], o: { idsFile?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const pair = await collectIds(io, ids, o.idsFile);
        if (pair.length !== 2) fail('USAGE', `需要两个证件号码（甲、乙），收到了 ${pair.length} 个。`);
        const r = await s.call('admission.why', { a: pair[0]!, b: pair[1]! });
        print(io, s.json, r, () => r.lines.join('\n'));
      });
    },
  );
  adm
    .command('publish')
    .description('公示拟录取名单（记录公示期）')
    .requiredOption('--start <YYYY-MM-DD>', '公示开始日期')
    .option('--days <n>', '公示天数（默认 3）', (v) => Number(v))
    .option('--reason <text>', '在录取时间窗口之外公示的原因（窗口已启用时必填，记入审计）')
    .action(async (o: { start: string; days?: number; reason?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const p = await s.call('admission.publish', {
          startDate: o.start,
          ...(o.days ? { days: o.days } : {}),
          ...(o.reason ? { reason: o.reason } : {}),
        });
        print(io, s.json, p, () => publishedText(p));
      });
    });
  adm
    .command('export <file>')
    .description('导出拟录取学员汇总表（XLSX，吉林附件4格式）')
    .option('--masked', '证件号码与手机号脱敏')
    .action(async (file: string, o: { masked?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const x = await s.call('admission.summaryXlsx', o.masked ? { reveal: false } : {});
        writePrivateFileAtomic(file, Buffer.from(x.contentBase64, 'base64'));
        print(io, s.json, { file, rows: x.rows, revealed: x.revealed }, () => `已导出 ${x.rows} 人到 ${file}`);
      });
    });
}

/** 二次补报 choices: the ID number off the command line when asked (--ids-file or `-`), the codes as arguments. */
function registerSecondChoices(adm: Command, io: CliIo): void {
  addIdsFileOption(
    adm
      .command('second-choices [args...]')
      .description(
        '登记二次补报志愿（北京：最多 2 个专业代码；下次计算录取时使用）。用法：second-choices 证件号码|- [专业代码...]，或 --ids-file 文件 [专业代码...]',
      )
      .option('--reason <text>', '在二次补报时间窗口之外登记的原因（窗口已启用时必填，记入审计）'),
  ).action(async (args: string[], o: { idsFile?: string; reason?: string }, cmd: Command) => {
    const g = cmd.optsWithGlobals<GlobalOptions>();
    await withSession(io, g, async (s) => {
      // With --ids-file every argument is a specialty code; otherwise the first is the ID number or `-`.
      const [idArgs, codes] = o.idsFile === undefined ? [args.slice(0, 1), args.slice(1)] : [[], args];
      const idNumber = await collectOneId(io, idArgs, o.idsFile, '登记二次补报志愿');
      const r = await s.call('admission.setSecondChoices', {
        idNumber,
        choices: codes,
        ...(o.reason ? { reason: o.reason } : {}),
      });
      print(io, s.json, r, () => `已登记二次补报志愿：${r.choices.join('、') || '（无）'}`);
    });
  });
}
