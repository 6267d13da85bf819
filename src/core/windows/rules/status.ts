/**
 * Where a recruitment window stands at a moment (Beijing time), in the words the desk banner uses, and
 * whether work it governs comes outside it. A window's consequence for those who miss it (重庆: 视为自动放弃)
 * is quoted, never applied: deciding it is a person's job.
 */
import {
  WINDOW_GOVERNS_LABELS,
  type RecruitmentWindow,
  type WindowGoverns,
  type WindowStatus,
} from '../../../shared/contract/windows';
import { closingMoment, daysBetween, momentLabel, openingMoment, shortMomentLabel } from '../../calendar';

function span(w: RecruitmentWindow): string {
  return w.opens === null ? `${shortMomentLabel(w.closes)}截止` : `${shortMomentLabel(w.opens)}—${shortMomentLabel(w.closes)}`;
}

export function windowStatus(w: RecruitmentWindow, now: string): WindowStatus {
  const closed = closingMoment(w.closes) < now;
  const upcoming = !closed && w.opens !== null && openingMoment(w.opens) > now;
  const state = closed ? 'closed' : upcoming ? 'upcoming' : 'open';
  const daysLeft = state === 'open' ? daysBetween(now.slice(0, 10), w.closes.slice(0, 10)) + 1 : null;
  const where =
    state === 'closed'
      ? '已截止'
      : state === 'upcoming'
        ? `尚未开始（${shortMomentLabel(w.opens!)}开始）`
        : daysLeft === 1
          ? `今天截止${w.closes.length > 10 ? `（${w.closes.slice(11)}）` : ''}`
          : `还剩 ${daysLeft} 天`;
  return {
    key: w.key,
    label: w.label,
    governs: w.governs,
    opens: w.opens,
    closes: w.closes,
    example: w.example,
    lateEffect: w.lateEffect,
    source: w.source,
    state,
    daysLeft,
    text: `${w.label}：${span(w)}，${where}${w.example ? '（示例日期，待核对）' : ''}`,
  };
}

/** The window a screen shows for some work: the open one, else the next to open, else the last to close. */
export function currentWindow(windows: readonly RecruitmentWindow[], governs: WindowGoverns, now: string): WindowStatus | null {
  const all = windows.filter((w) => w.governs === governs).map((w) => windowStatus(w, now));
  const byClose = [...all].sort((a, b) => closingMoment(a.closes).localeCompare(closingMoment(b.closes)));
  return (
    byClose.find((s) => s.state === 'open') ??
    byClose.find((s) => s.state === 'upcoming') ??
    byClose.filter((s) => s.state === 'closed').at(-1) ??
    null
  );
}

export type Outside = { code: 'WINDOW_CLOSED' | 'WINDOW_NOT_OPEN'; window: WindowStatus; message: string };

/** Null when the work is inside one of its windows (or it has none); otherwise what the warning says. */
export function outsideWindow(windows: readonly RecruitmentWindow[], governs: WindowGoverns, now: string): Outside | null {
  const shown = currentWindow(windows, governs, now);
  if (shown === null || shown.state === 'open') return null;
  const what = WINDOW_GOVERNS_LABELS[governs];
  const effect = shown.lateEffect ? `通知原文：“${shown.lateEffect}”（是否适用由经办人判断，系统不自动处理）。` : '';
  if (shown.state === 'closed') {
    return {
      code: 'WINDOW_CLOSED',
      window: shown,
      message: `${shown.label}时间已于 ${momentLabel(shown.closes)} 截止。${effect}${what}截止后办理须填写原因（记入审计）。`,
    };
  }
  return {
    code: 'WINDOW_NOT_OPEN',
    window: shown,
    message: `${shown.label}时间${shown.opens ? `从 ${momentLabel(shown.opens)} 开始` : '尚未开始'}，现在还未开始。${what}提前办理须填写原因（记入审计）。`,
  };
}

/** Problems a person must fix before saving a year's windows. */
export function windowsProblems(windows: readonly RecruitmentWindow[]): string[] {
  const out: string[] = [];
  const keys = new Set<string>();
  for (const w of windows) {
    if (keys.has(w.key)) out.push(`时间窗口“${w.label}”重复`);
    keys.add(w.key);
    if (w.opens !== null && openingMoment(w.opens) > closingMoment(w.closes)) {
      out.push(`“${w.label}”的开始时间 ${momentLabel(w.opens)} 晚于截止时间 ${momentLabel(w.closes)}`);
    }
  }
  return out;
}
