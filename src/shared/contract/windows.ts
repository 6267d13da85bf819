/**
 * Recruitment windows (招收工作的时间窗口) as data: per cohort year, each window with its start, its end (with a
 * time where the notice gives one), what base work it governs and the sentence it comes from. The desk and
 * the admission screens show the current one; work outside it needs a reason once the base has put the
 * year's windows into effect.
 */
import { z } from 'zod';
import { op, perm } from './define';

/** The base work a window governs. */
export const WINDOW_GOVERNS = ['desk-confirmation', 'admission-publication', 'second-choices'] as const;
export type WindowGoverns = (typeof WINDOW_GOVERNS)[number];
export const WINDOW_GOVERNS_LABELS: Record<WindowGoverns, string> = {
  'desk-confirmation': '现场确认',
  'admission-publication': '录取与公示',
  'second-choices': '二次补报',
};

/** A date, or a date and local (Beijing) time: 2022-04-29T18:00. */
const moment = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, '时间格式应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM');

export const RecruitmentWindowSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9-]*$/),
  label: z.string().trim().min(1).max(60),
  governs: z.enum(WINDOW_GOVERNS),
  opens: moment.nullable(),
  /** A bare date closes at the end of that day. */
  closes: moment,
  /** What the notice says happens to those who miss it (重庆: 视为自动放弃): shown, never applied by itself. */
  lateEffect: z.string().trim().max(200).nullable().default(null),
  /** 示例: copied from another year; cleared when the coordinator edits or confirms the window. */
  example: z.boolean().default(false),
  source: z.string().trim().min(4).max(400),
});
export type RecruitmentWindow = z.output<typeof RecruitmentWindowSchema>;

export const RecruitmentWindowsSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  province: z.string().trim().min(2).max(20),
  year: z.number().int().min(2000).max(2100),
  windows: z.array(RecruitmentWindowSchema),
  /** Windows removed at this base, kept so they can be restored. */
  removedWindows: z.array(RecruitmentWindowSchema).default([]),
  copiedFrom: z.string().trim().max(60).nullable().default(null),
});
export type RecruitmentWindows = z.output<typeof RecruitmentWindowsSchema>;

/** A window as a screen shows it now. */
export type WindowStatus = {
  key: string;
  label: string;
  governs: WindowGoverns;
  opens: string | null;
  closes: string;
  example: boolean;
  lateEffect: string | null;
  source: string;
  state: 'upcoming' | 'open' | 'closed';
  /** Days left including today while open, else null. */
  daysLeft: number | null;
  /** 现场确认：7月1日—7月4日，还剩 2 天 / 已截止. */
  text: string;
};

export type WindowSource = { id: string; label: string; year: number; builtIn: boolean };

export type WindowsState = {
  year: number;
  province: string;
  windows: RecruitmentWindows | null;
  /** The base put this year's windows into effect (confirmed, copied or edited): work outside them needs a reason. */
  inEffect: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
  sources: WindowSource[];
  /** Per governed work, the window a screen shows: the open one, else the next, else the last closed. */
  current: Partial<Record<WindowGoverns, WindowStatus>>;
};

const year = z.number().int().min(2000).max(2100);
const reason = z.string().trim().min(2, '请填写原因（至少 2 个字）').max(500);

export const windowsOps = {
  'windows.state': op<WindowsState>()({
    input: z.strictObject({ year: year.optional() }),
    access: perm('windows.view'),
    summary: '招收工作时间窗口（默认本届）：每个窗口的起止、所管事项、原文依据和当前状态',
  }),
  'windows.copy': op<RecruitmentWindows>()({
    input: z.strictObject({ year, from: z.string().trim().min(1).max(60), reason }),
    access: perm('windows.edit'),
    summary: '从内置或往年时间窗口复制本年度窗口（日期标为示例，待逐项核对）',
  }),
  'windows.set': op<RecruitmentWindows>()({
    input: z.strictObject({ windows: RecruitmentWindowsSchema, reason }),
    access: perm('windows.edit'),
    summary: '修改、确认并启用本年度招收时间窗口（记入审计）',
  }),
};
