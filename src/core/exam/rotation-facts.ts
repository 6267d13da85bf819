/**
 * A trainee's rotation as the completion exam reads it, from the rotation module's stored plan: the last
 * day (leave and 补轮 included), months served or planned (leave and failed 出科 blocks excluded, since a
 * failed block is served again), and the required standard departments or elective groups still short.
 */
import type { Tx } from '../context';
import { slotEndDate } from '../rotation/rules';
import { traineeDemand } from '../rotation/rules/demand';
import type { SlotRange } from '../rotation/rules/types';
import { loadWorld, schemeFor, type StoredBlock, type World } from '../rotation/world';
import type { RotationFacts } from './rules';

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

export function rotationFactsOf(world: World, traineeId: string): RotationFacts | null {
  const t = world.traineeById.get(traineeId);
  const blocks = world.blocks.get(traineeId) ?? [];
  if (!t || blocks.length === 0) return null;
  const leave = world.leave.get(traineeId) ?? [];
  const end = Math.max(...blocks.map((b) => b.to), ...leave.map((l) => l.to));
  const got = servedSlots(blocks, leave);
  const months = [...got.values()].reduce((a, n) => a + n, 0) / 2;
  const leaveSlots = leave.reduce((a, l) => a + (l.to - l.from), 0);
  const retakeSlots = blocks.filter((b) => b.exit_exam_result === 'fail').reduce((a, b) => a + (b.to - b.from), 0);
  const scheme = schemeFor(world, t)?.scheme;
  if (!scheme) {
    return {
      end: slotEndDate(end - 1),
      months,
      requiredMonths: t.years * 12,
      short: [],
      schemeMissing: true,
      extendedMonths: (leaveSlots + retakeSlots) / 2,
    };
  }
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
  return {
    end: slotEndDate(end - 1),
    months,
    requiredMonths: required / 2,
    short,
    schemeMissing: false,
    extendedMonths: (leaveSlots + retakeSlots) / 2,
  };
}

export async function loadRotationWorld(tx: Tx): Promise<World> {
  return loadWorld(tx);
}
