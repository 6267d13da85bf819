/** The department load the plan page's heatmap shows, read without the roster's names. */
import type { DepartmentLoadView } from '../../shared/contract/rotation';
import type { Tx } from '../context';
import { loadDepartments } from './departments';
import { slotEndDate, slotMonth, slotStartDate } from './rules';
import type { SlotRange } from './rules/types';
import { activeTrainees } from './trainees';
import { monthRange } from './views';
import { blockRange, leaveRange } from './world';

/**
 * Each department's most trainees at once per month, counted as the roster counts them (trainees in
 * training, leave excluded, a month's load the larger of its two halves): the heatmap needs only these,
 * and the roster's sorted names per cell and the base's whole rotation data cost it several times the time.
 */
export async function departmentLoad(tx: Tx, fromMonth: string, toMonth: string): Promise<DepartmentLoadView> {
  const { from, to } = monthRange(fromMonth, toMonth);
  const departments = await loadDepartments(tx);
  const active = new Set((await activeTrainees(tx)).map((t) => t.id));
  const blocks = await tx
    .selectFrom('rotation_blocks')
    .select(['trainee_id', 'department_id', 'start_date', 'end_date'])
    .where('end_date', '>=', slotStartDate(from))
    .where('start_date', '<=', slotEndDate(to - 1))
    .execute();
  const leave = new Map<string, SlotRange[]>();
  for (const l of await tx.selectFrom('rotation_leave').select(['trainee_id', 'from_date', 'to_date']).execute()) {
    const list = leave.get(l.trainee_id);
    if (list) list.push(leaveRange(l));
    else leave.set(l.trainee_id, [leaveRange(l)]);
  }
  // Trainees present per department and slot, the slot counted from `from`.
  const present = new Map(departments.map((d) => [d.id, new Array<number>(to - from).fill(0)]));
  for (const b of blocks) {
    const counts = present.get(b.department_id);
    if (!counts || !active.has(b.trainee_id)) continue;
    const range = blockRange(b);
    const away = leave.get(b.trainee_id) ?? [];
    for (let s = Math.max(range.from, from); s < Math.min(range.to, to); s++)
      if (!away.some((l) => s >= l.from && s < l.to)) counts[s - from]!++;
  }
  const months: string[] = [];
  for (let s = from; s < to; s += 2) months.push(slotMonth(s));
  return {
    months,
    departments: departments.map((d) => {
      const counts = present.get(d.id)!;
      return {
        departmentId: d.id,
        capacity: d.capacity,
        peaks: months.map((_, i) => Math.max(counts[2 * i]!, counts[2 * i + 1]!)),
      };
    }),
  };
}
