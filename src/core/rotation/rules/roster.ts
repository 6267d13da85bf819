import type { Block, Department, SchedulerInput, TraineeToPlan } from './types';
import { inRanges, slotMonth } from './slots';

/**
 * Department × month load and who is where: the 科室轮转表 and the load heatmap. A month has two slots;
 * its load is the larger of the two (what the department must hold), and its trainees are everyone present
 * in either half.
 */

export type RosterCell = {
  /** Most trainees present at once in the month (including `occupied`). */
  peak: number;
  /** peak / capacity (0 when the capacity is 0). */
  ratio: number;
  /** Trainee-months spent there in the month (0.5 per trainee per slot). */
  traineeMonths: number;
  /** Labels of the trainees present, sorted. */
  trainees: string[];
};

export type Roster = {
  months: string[];
  rows: Array<{ departmentId: string; name: string; capacity: number; cells: RosterCell[] }>;
};

/** One collator for every sort: `localeCompare(b, 'zh')` builds a new one per comparison. */
const byPinyin = new Intl.Collator('zh').compare;

export function roster(input: {
  trainees: Array<Pick<TraineeToPlan, 'id' | 'label' | 'leave'>>;
  plans: Map<string, Block[]>;
  departments: Department[];
  occupied?: SchedulerInput['occupied'];
  from: number;
  to: number;
}): Roster {
  const from = input.from - (input.from % 2);
  const to = input.to + (input.to % 2);
  const months: string[] = [];
  for (let s = from; s < to; s += 2) months.push(slotMonth(s));
  const byTrainee = new Map(input.trainees.map((t) => [t.id, t]));
  const rows = input.departments.map((d) => {
    const perSlot = new Map<number, string[]>();
    for (const [id, blocks] of input.plans) {
      const t = byTrainee.get(id);
      for (const b of blocks) {
        if (b.departmentId !== d.id) continue;
        for (let s = Math.max(b.from, from); s < Math.min(b.to, to); s++) {
          if (t && inRanges(s, t.leave)) continue;
          const present = perSlot.get(s);
          if (present) present.push(t?.label ?? id);
          else perSlot.set(s, [t?.label ?? id]);
        }
      }
    }
    const occupied = input.occupied?.get(d.id);
    const cells = months.map((_, i): RosterCell => {
      const halves = [from + 2 * i, from + 2 * i + 1].map((s) => (perSlot.get(s) ?? []).length + (occupied?.get(s) ?? 0));
      const peak = Math.max(...halves);
      const present = new Set([...(perSlot.get(from + 2 * i) ?? []), ...(perSlot.get(from + 2 * i + 1) ?? [])]);
      return {
        peak,
        ratio: d.capacity > 0 ? peak / d.capacity : 0,
        traineeMonths: (halves[0]! + halves[1]!) / 2,
        trainees: [...present].sort(byPinyin),
      };
    });
    return { departmentId: d.id, name: d.name, capacity: d.capacity, cells };
  });
  return { months, rows };
}
