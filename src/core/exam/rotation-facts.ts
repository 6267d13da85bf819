/**
 * A trainee's rotation as the completion exam reads it, from the rotation module's stored plan: the last
 * day (leave and 补轮 included), months served or planned (leave and failed 出科 blocks excluded, since a
 * failed block is served again), and the required standard departments or elective groups still short.
 * Loads only the trainees asked for: a desk action on one candidate must not read the whole base.
 */
import type { Tx } from '../context';
import { slotEndDate } from '../rotation/rules';
import { traineeDemand } from '../rotation/rules/demand';
import type { Scheme, SlotRange } from '../rotation/rules/types';
import { schemeIndex, schemeKey } from '../rotation/schemes';
import { activeTrainees, type RotationTrainee } from '../rotation/trainees';
import { blockRange, leaveRange, type StoredBlock } from '../rotation/world';
import type { RotationFacts } from './rules';

export type RotationRecords = {
  trainees: Map<string, RotationTrainee>;
  schemes: Map<string, { id: string; scheme: Scheme }>;
  blocks: Map<string, StoredBlock[]>;
  leave: Map<string, SlotRange[]>;
};

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Rotation records of `traineeIds`, or of every trainee when omitted. */
export async function loadRotationRecords(tx: Tx, traineeIds?: string[]): Promise<RotationRecords> {
  const trainees = await activeTrainees(tx, traineeIds ? { ids: traineeIds } : {});
  let blockQuery = tx.selectFrom('rotation_blocks').selectAll();
  let leaveQuery = tx.selectFrom('rotation_leave').selectAll();
  if (traineeIds) {
    blockQuery = blockQuery.where('trainee_id', 'in', traineeIds.concat(['']));
    leaveQuery = leaveQuery.where('trainee_id', 'in', traineeIds.concat(['']));
  }
  const blocks = new Map<string, StoredBlock[]>();
  for (const b of await blockQuery.orderBy('trainee_id').orderBy('start_date').execute())
    push(blocks, b.trainee_id, { ...b, ...blockRange(b) });
  const leave = new Map<string, SlotRange[]>();
  for (const l of await leaveQuery.orderBy('trainee_id').orderBy('from_date').execute()) push(leave, l.trainee_id, leaveRange(l));
  return { trainees: new Map(trainees.map((t) => [t.id, t])), schemes: await schemeIndex(tx), blocks, leave };
}

const inRange = (s: number, ranges: readonly SlotRange[]): boolean => ranges.some((r) => s >= r.from && s < r.to);

function servedSlots(blocks: readonly StoredBlock[], leave: readonly SlotRange[]): Map<string, number> {
  const got = new Map<string, number>();
  for (const b of blocks) {
    if (b.exit_exam_result === 'fail') continue;
    let n = 0;
    for (let s = b.from; s < b.to; s++) if (!inRange(s, leave)) n++;
    got.set(b.standard_department, (got.get(b.standard_department) ?? 0) + n);
  }
  return got;
}

function shortfalls(
  scheme: Scheme,
  t: RotationTrainee,
  got: Map<string, number>,
): { short: RotationFacts['short']; required: number } {
  const demand = traineeDemand({ scheme, mustServe: t.mustServe, retakes: [] });
  const short: RotationFacts['short'] = [];
  let required = 0;
  const want = new Map<string, number>();
  for (const r of demand.required) want.set(r.standardDepartment, (want.get(r.standardDepartment) ?? 0) + r.slots);
  for (const [std, slots] of want) {
    required += slots;
    const have = got.get(std) ?? 0;
    if (have < slots) short.push({ standardDepartment: std, required: slots / 2, planned: have / 2 });
  }
  for (const g of demand.groups) {
    required += g.slots;
    const have = g.rows.reduce((a, r) => a + Math.min(r.slots, got.get(r.standardDepartment) ?? 0), 0);
    if (have < g.slots) short.push({ standardDepartment: `选轮组 ${g.name}`, required: g.slots / 2, planned: have / 2 });
  }
  return { short, required: required / 2 };
}

export function rotationFactsOf(records: RotationRecords, traineeId: string): RotationFacts | null {
  const t = records.trainees.get(traineeId);
  const blocks = records.blocks.get(traineeId) ?? [];
  if (!t || blocks.length === 0) return null;
  const leave = records.leave.get(traineeId) ?? [];
  const end = Math.max(...blocks.map((b) => b.to), ...leave.map((l) => l.to));
  const got = servedSlots(blocks, leave);
  const months = [...got.values()].reduce((a, n) => a + n, 0) / 2;
  const leaveSlots = leave.reduce((a, l) => a + (l.to - l.from), 0);
  const retakeSlots = blocks.filter((b) => b.exit_exam_result === 'fail').reduce((a, b) => a + (b.to - b.from), 0);
  const common = { end: slotEndDate(end - 1), months, extendedMonths: (leaveSlots + retakeSlots) / 2 };
  const scheme = records.schemes.get(schemeKey({ program: t.program, specialtyCode: t.specialtyCode, years: t.years }))?.scheme;
  if (!scheme) return { ...common, requiredMonths: t.years * 12, short: [], schemeMissing: true };
  const { short, required } = shortfalls(scheme, t, got);
  return { ...common, requiredMonths: required, short, schemeMissing: false };
}
