/**
 * A cohort year's recruitment windows: the preset for the base's province and year, shown as is, until the
 * coordinator confirms, copies or edits them; from then on they are the base's (recruitment_windows) and work
 * outside them needs a reason. Jilin's notice leaves the exact days to each base ("具体时间及安排详见各培训
 * 基地通知"), so the base decides when its windows bind; every change is audited with its reason.
 */
import {
  RecruitmentWindowsSchema,
  WINDOW_GOVERNS,
  type RecruitmentWindows,
  type WindowSource,
  type WindowsState,
  type WindowStatus,
  type WindowGoverns,
} from '../../shared/contract/windows';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import { requireBase } from '../base/base';
import { beijingMoment, keepRemoved, moveToYear, settleEdited } from '../calendar';
import type { Actor, Core, Tx } from '../context';
import { isoNow } from '../util/clock';
import { parseJsonAs } from '../util/json';
import { windowPresetFor, WINDOW_PRESETS } from './presets';
import { currentWindow, windowsProblems } from './rules';

type Stored = { windows: RecruitmentWindows; updatedBy: string; updatedAt: string };

async function storedWindows(tx: Tx, year: number): Promise<Stored | null> {
  const row = await tx.selectFrom('recruitment_windows').selectAll().where('year', '=', year).executeTakeFirst();
  if (!row) return null;
  return {
    windows: parseJsonAs(RecruitmentWindowsSchema, row.windows_json, 'recruitment_windows.windows_json'),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

/** The year's windows and whether the base put them into effect; null when there are none at all. */
export async function windowsFor(tx: Tx, year: number): Promise<{ windows: RecruitmentWindows; inEffect: boolean } | null> {
  const stored = await storedWindows(tx, year);
  if (stored) return { windows: stored.windows, inEffect: true };
  const base = await requireBase(tx);
  const preset = windowPresetFor(base.province, year);
  return preset ? { windows: preset, inEffect: false } : null;
}

async function windowSources(tx: Tx, year: number): Promise<Array<WindowSource & { windows: RecruitmentWindows }>> {
  const base = await requireBase(tx);
  const rows = await tx.selectFrom('recruitment_windows').select(['year', 'windows_json']).where('year', '!=', year).execute();
  const own = rows.map((r) => ({
    id: `year-${r.year}`,
    label: `${r.year} 年时间窗口（本基地）`,
    year: r.year,
    builtIn: false,
    windows: parseJsonAs(RecruitmentWindowsSchema, r.windows_json, 'recruitment_windows.windows_json'),
  }));
  const shipped = WINDOW_PRESETS.filter((w) => w.province === base.province).map((w) => ({
    id: w.id,
    label: `${w.province} ${w.year} 年时间窗口（内置）`,
    year: w.year,
    builtIn: true,
    windows: w,
  }));
  return [...own, ...shipped].sort((a, b) => b.year - a.year);
}

export async function windowsState(core: Core, year?: number): Promise<WindowsState> {
  const tx = core.db;
  const base = await requireBase(tx);
  const y = year ?? base.cohort_year;
  const stored = await storedWindows(tx, y);
  const found = await windowsFor(tx, y);
  const now = beijingMoment(core.clock.nowMs());
  const current: Partial<Record<WindowGoverns, WindowStatus>> = {};
  for (const g of WINDOW_GOVERNS) {
    const shown = found ? currentWindow(found.windows.windows, g, now) : null;
    if (shown) current[g] = shown;
  }
  const sources = (await windowSources(tx, y)).map(({ windows: _w, ...s }) => s);
  return {
    year: y,
    province: base.province,
    windows: found?.windows ?? null,
    inEffect: found?.inEffect ?? false,
    updatedBy: stored?.updatedBy ?? null,
    updatedAt: stored?.updatedAt ?? null,
    sources,
    current,
  };
}

async function save(tx: Tx, core: Core, actor: Actor, windows: RecruitmentWindows, reason: string): Promise<void> {
  const values = { windows_json: JSON.stringify(windows), reason, updated_by: actor.username, updated_at: isoNow(core.clock) };
  await tx
    .insertInto('recruitment_windows')
    .values({ year: windows.year, ...values })
    .onConflict((oc) => oc.column('year').doUpdateSet(values))
    .execute();
}

/**
 * Saves the year's windows as the coordinator edited or confirmed them: a moved or new window loses its 示例
 * mark, a dropped one is kept aside to be restored. Saving puts the windows into effect.
 */
export async function setWindows(
  core: Core,
  actor: Actor,
  edited: RecruitmentWindows,
  reason: string,
): Promise<RecruitmentWindows> {
  const problems = windowsProblems(edited.windows);
  if (problems.length > 0) throw new AppError('WINDOWS_INVALID', `时间窗口有误，未保存：${problems.join('；')}。`, { problems });
  return core.db.transaction().execute(async (tx) => {
    const before = await windowsFor(tx, edited.year);
    const prior = before?.windows ?? null;
    const windows: RecruitmentWindows = prior
      ? {
          ...edited,
          windows: settleEdited(prior.windows, edited.windows),
          removedWindows: keepRemoved(prior.windows, edited.windows, prior.removedWindows),
        }
      : edited;
    await save(tx, core, actor, windows, reason);
    await appendEvent(tx, core, actor.username, {
      action: 'windows.set',
      entity: 'recruitment_windows',
      entityId: String(windows.year),
      before: before?.inEffect ? prior : null,
      after: windows,
      reason,
    });
    return windows;
  });
}

/** Starts a year's windows from another year's (shipped or this base's): dates moved to the year, marked 示例. */
export async function copyWindows(
  core: Core,
  actor: Actor,
  year: number,
  from: string,
  reason: string,
): Promise<RecruitmentWindows> {
  return core.db.transaction().execute(async (tx) => {
    if (await storedWindows(tx, year)) {
      throw new AppError('WINDOWS_EXIST', `${year} 年已有本基地的招收时间窗口，请逐项修改，不能用复制覆盖。`);
    }
    const source = (await windowSources(tx, year)).find((s) => s.id === from);
    if (!source) throw new AppError('WINDOWS_SOURCE_UNKNOWN', `没有可复制的时间窗口“${from}”，请从列出的窗口中选择。`);
    const by = year - source.windows.year;
    const windows: RecruitmentWindows = {
      ...source.windows,
      id: `${source.windows.id.replace(/-\d{4}$/, '')}-${year}`,
      year,
      windows: moveToYear(source.windows.windows, by),
      removedWindows: moveToYear(source.windows.removedWindows, by),
      copiedFrom: source.label,
    };
    await save(tx, core, actor, windows, reason);
    await appendEvent(tx, core, actor.username, {
      action: 'windows.copy',
      entity: 'recruitment_windows',
      entityId: String(year),
      before: null,
      after: { from: source.id, windows },
      reason,
    });
    return windows;
  });
}
