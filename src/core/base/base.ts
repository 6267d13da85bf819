import { z } from 'zod';
import type { BaseView } from '../../shared/contract/base';
import { AppError } from '../../shared/errors';
import { getPreset } from '../presets';
import { ProgramSchema, type Preset, type Program } from '../../shared/preset';
import type { Tx } from '../context';
import type { BaseTable } from '../db/schema';
import { parseJsonAs } from '../util/json';

export async function getBase(tx: Tx): Promise<BaseTable | null> {
  return (await tx.selectFrom('base').selectAll().where('id', '=', 1).executeTakeFirst()) ?? null;
}

export async function requireBase(tx: Tx): Promise<BaseTable> {
  const b = await getBase(tx);
  if (!b)
    throw new AppError('SETUP_REQUIRED', '尚未完成首次设置：请先建立基地信息和管理员账号（basedesk init 或应用首次运行向导）。');
  return b;
}

export async function currentPreset(tx: Tx): Promise<Preset> {
  return getPreset((await requireBase(tx)).preset_id);
}

const programList = z.array(ProgramSchema);

/** The programs this base trains, from its JSON column. */
export function programsOf(b: Pick<BaseTable, 'programs'>): Program[] {
  return parseJsonAs(programList, b.programs, 'base.programs');
}

export function baseView(b: BaseTable): BaseView {
  return {
    name: b.name,
    code: b.code,
    province: b.province,
    programs: programsOf(b),
    cohortYear: b.cohort_year,
    presetId: b.preset_id,
  };
}
