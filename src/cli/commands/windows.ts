/** `basedesk windows`: the cohort year's recruitment windows; put into effect, copied from another year. */
import type { Command } from 'commander';
import type { WindowsState } from '../../shared/contract/windows';
import { withSession, type GlobalOptions } from '../context';
import { fail, print, type CliIo } from '../io';

function yearOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{4}$/.test(raw)) fail('USAGE', `--year 应为四位年份：${raw}`);
  return Number(raw);
}

function stateText(s: WindowsState): string {
  if (!s.windows)
    return `${s.year} 年没有招收时间窗口。可用 windows copy --from 从以下窗口复制：${s.sources.map((x) => x.id).join('、') || '（无）'}`;
  const lines = Object.values(s.current).map(
    (w) => `${w.text}\n  依据：${w.source}${w.lateEffect ? `\n  逾期：${w.lateEffect}` : ''}`,
  );
  const effect = s.inEffect
    ? '已启用：窗口之外办理须填写原因（--reason）。'
    : '预置日期，尚未启用：用 windows confirm --reason 核对后启用。';
  return [`${s.year} 年招收时间窗口（${s.province}）`, ...lines, effect].join('\n');
}

export function registerWindows(program: Command, io: CliIo): void {
  const win = program
    .command('windows')
    .description('招收工作时间窗口（现场确认、录取、二次补报）：起止时间、原文依据、当前状态')
    .option('--year <YYYY>', '年度（默认本届）')
    .action(async (o: { year?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const state = await s.call('windows.state', { year: yearOf(o.year) });
        print(io, s.json, state, () => stateText(state));
      });
    });
  win
    .command('confirm')
    .description('核对并启用本年度时间窗口（示例日期视为已核对；启用后窗口之外办理须填写原因）')
    .requiredOption('--reason <text>', '启用依据（如当年通知文号）')
    .action(async (o: { reason: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions & { year?: string }>();
      await withSession(io, g, async (s) => {
        const state = await s.call('windows.state', { year: yearOf(g.year) });
        if (!state.windows) fail('WINDOWS_NONE', `${state.year} 年没有招收时间窗口，请先用 windows copy --from 复制。`);
        const confirmed = { ...state.windows, windows: state.windows.windows.map((w) => ({ ...w, example: false })) };
        const saved = await s.call('windows.set', { windows: confirmed, reason: o.reason });
        print(io, s.json, saved, () => `已启用 ${saved.year} 年招收时间窗口（${saved.windows.length} 个）`);
      });
    });
  win
    .command('copy')
    .description('从内置或往年时间窗口复制到本年度（日期标为示例，待核对）')
    .requiredOption('--from <id>', '来源（windows --year 列出）')
    .requiredOption('--reason <text>', '原因')
    .action(async (o: { from: string; reason: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions & { year?: string }>();
      await withSession(io, g, async (s) => {
        const year = yearOf(g.year) ?? (await s.call('windows.state', {})).year;
        const saved = await s.call('windows.copy', { year, from: o.from, reason: o.reason });
        print(io, s.json, saved, () => `已复制到 ${saved.year} 年（日期为示例，请逐项核对）`);
      });
    });
}
