/**
 * Loads what the pure rotation rules work on from SQLite: departments, schemes, trainees with their stored
 * blocks (as half-month slots), leave and 补轮, and the load everyone else already places.
 */
import { AppError } from '../../shared/errors';
import type { Core, Tx } from '../context';
import { loadDepartments } from './departments';
import { slotContaining, slotStartingOn } from './rules';
import type { Block, Department, Scheme, SlotRange, TraineeToPlan } from './rules/types';
import { schemeIndex, schemeKey } from './schemes';
import type { RotationBlockTable } from './tables';
import { activeTrainees, type RotationTrainee } from './trainees';

export type StoredBlock = RotationBlockTable & SlotRange;

export type World = {
  departments: Department[];
  departmentById: Map<string, Department>;
  schemes: Map<string, { id: string; scheme: Scheme }>;
  trainees: RotationTrainee[];
  traineeById: Map<string, RotationTrainee>;
  blocks: Map<string, StoredBlock[]>;
  leave: Map<string, SlotRange[]>;
};

/** The slot of today on the core's clock: slots before it are the past. */
export function nowSlot(core: Core): number {
  return slotContaining(new Date(core.clock.nowMs()).toISOString().slice(0, 10));
}

export function blockRange(b: { start_date: string; end_date: string }): SlotRange {
  return { from: slotContaining(b.start_date), to: slotContaining(b.end_date) + 1 };
}

/** Leave covers every half month it touches: the rotation unit is half a month. */
export function leaveRange(l: { from_date: string; to_date: string }): SlotRange {
  return { from: slotContaining(l.from_date), to: slotContaining(l.to_date) + 1 };
}

export function traineeStart(t: RotationTrainee): number {
  const date = t.startDate ?? `${t.cohortYear}-09-01`;
  const day = Number(date.slice(8, 10));
  return day === 1 || day === 16 ? slotStartingOn(date) : slotContaining(date);
}

export async function loadWorld(tx: Tx): Promise<World> {
  const departments = await loadDepartments(tx);
  const trainees = await activeTrainees(tx);
  const blockRows = await tx.selectFrom('rotation_blocks').selectAll().orderBy('trainee_id').orderBy('start_date').execute();
  const leaveRows = await tx.selectFrom('rotation_leave').selectAll().orderBy('trainee_id').orderBy('from_date').execute();
  const blocks = new Map<string, StoredBlock[]>();
  for (const b of blockRows) push(blocks, b.trainee_id, { ...b, ...blockRange(b) });
  const leave = new Map<string, SlotRange[]>();
  for (const l of leaveRows) push(leave, l.trainee_id, leaveRange(l));
  return {
    departments,
    departmentById: new Map(departments.map((d) => [d.id, d])),
    schemes: await schemeIndex(tx),
    trainees,
    traineeById: new Map(trainees.map((t) => [t.id, t])),
    blocks,
    leave,
  };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function schemeFor(world: World, t: RotationTrainee): { id: string; scheme: Scheme } | null {
  return world.schemes.get(schemeKey({ program: t.program, specialtyCode: t.specialtyCode, years: t.years })) ?? null;
}

/** Refuses the whole run when any trainee has no scheme, naming them: nothing is planned half-way. */
export function requireSchemes(world: World, trainees: RotationTrainee[]): void {
  const missing = trainees.filter((t) => schemeFor(world, t) === null);
  if (missing.length === 0) return;
  const names = missing
    .slice(0, 20)
    .map((t) => `${t.name}（${t.program === 'agp' ? '助理全科' : '住培'} ${t.specialtyCode}，${t.years}年）`)
    .join('、');
  throw new AppError(
    'ROTATION_NO_SCHEME',
    `以下 ${missing.length} 名学员没有对应的轮转方案：${names}${missing.length > 20 ? ' 等' : ''}。请先导入这些专业和年限的轮转方案。未保存任何计划。`,
    { traineeIds: missing.map((t) => t.id) },
  );
}

export function toRulesBlock(b: StoredBlock, now: number): Block {
  return {
    from: b.from,
    to: b.to,
    departmentId: b.department_id,
    standardDepartment: b.standard_department,
    fixed: b.from < now,
  };
}

/** 补轮 owed after each failed 出科考核: the failed block's months, once per failure. */
export function retakesOf(blocks: readonly StoredBlock[]): Array<{ standardDepartment: string; months: number }> {
  return blocks
    .filter((b) => b.exit_exam_result === 'fail')
    .map((b) => ({ standardDepartment: b.standard_department, months: (b.to - b.from) / 2 }));
}

export function toTraineeToPlan(world: World, t: RotationTrainee, now: number): TraineeToPlan {
  const found = schemeFor(world, t);
  if (!found) requireSchemes(world, [t]);
  const blocks = (world.blocks.get(t.id) ?? []).map((b) => toRulesBlock(b, now));
  return {
    id: t.id,
    label: t.name,
    scheme: found!.scheme,
    start: traineeStart(t),
    mustServe: t.mustServe,
    leave: world.leave.get(t.id) ?? [],
    retakes: retakesOf(world.blocks.get(t.id) ?? []),
    fixedBlocks: blocks.filter((b) => b.fixed),
    currentBlocks: blocks.filter((b) => !b.fixed),
  };
}

/** Load of everyone not in `except`, from their stored blocks (leave excluded): departmentId → slot → count. */
export function occupiedBy(world: World, except: ReadonlySet<string>): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const [traineeId, blocks] of world.blocks) {
    if (except.has(traineeId) || !world.traineeById.has(traineeId)) continue;
    const leave = world.leave.get(traineeId) ?? [];
    for (const b of blocks) {
      let bySlot = out.get(b.department_id);
      if (!bySlot) out.set(b.department_id, (bySlot = new Map()));
      for (let s = b.from; s < b.to; s++) {
        if (leave.some((l) => s >= l.from && s < l.to)) continue;
        bySlot.set(s, (bySlot.get(s) ?? 0) + 1);
      }
    }
  }
  return out;
}
