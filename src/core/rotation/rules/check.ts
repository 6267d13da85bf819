import type { Block, Department, SchedulerInput, TraineeToPlan, Violation } from './types';
import { traineeDemand, type DemandRow } from './demand';
import { MAX_PARTNER_MONTHS, MAX_PARTNER_SITES } from './scheme';
import { inRanges, rangeLabel, trainingYearOf } from './slots';

/**
 * Every broken rule in stored plans (the `rotation check` list): capacity per department and slot, overlaps
 * (with each other or with leave), gaps, months short or over per row, elective groups, stages, 协同 limits,
 * blocks shorter than their row, departments that do not teach the row. The plans are checked as given,
 * fixed blocks included, so this also audits plans made by hand.
 */
export type CheckInput = {
  trainees: Array<Pick<TraineeToPlan, 'id' | 'label' | 'scheme' | 'start' | 'mustServe' | 'leave' | 'retakes'>>;
  plans: Map<string, Block[]>;
  departments: Department[];
  occupied?: SchedulerInput['occupied'];
};

type Trainee = CheckInput['trainees'][number];

export function checkPlans(input: CheckInput): Violation[] {
  const depts = new Map(input.departments.map((d) => [d.id, d]));
  const out: Violation[] = [];
  for (const t of input.trainees) {
    const blocks = [...(input.plans.get(t.id) ?? [])].sort((a, b) => a.from - b.from || a.to - b.to);
    if (blocks.length === 0 || (t.scheme.rows.length === 0 && t.mustServe === null)) {
      out.push(v('NO_SCHEME', t, null, t.start, t.start, `${t.label} 没有轮转计划或方案为空`));
      continue;
    }
    out.push(
      ...departmentViolations(t, blocks, depts),
      ...overlapViolations(t, blocks),
      ...gapViolations(t, blocks),
      ...monthViolations(t, blocks),
      ...stageViolations(t, blocks),
      ...shortBlockViolations(t, blocks),
      ...partnerViolations(t, blocks, depts),
    );
  }
  out.push(...capacityViolations(input, depts));
  return out;
}

function v(
  code: Violation['code'],
  t: Trainee | null,
  departmentId: string | null,
  from: number,
  to: number,
  message: string,
): Violation {
  return { code, traineeId: t?.id ?? null, departmentId, from, to, message };
}

const served = (b: Block, leave: Trainee['leave']): number => {
  let n = 0;
  for (let s = b.from; s < b.to; s++) if (!inRanges(s, leave)) n++;
  return n;
};

function departmentViolations(t: Trainee, blocks: Block[], depts: Map<string, Department>): Violation[] {
  return blocks
    .filter((b) => !depts.get(b.departmentId)?.standardDepartments.includes(b.standardDepartment))
    .map((b) =>
      v(
        'WRONG_DEPARTMENT',
        t,
        b.departmentId,
        b.from,
        b.to,
        depts.has(b.departmentId)
          ? `${t.label} ${rangeLabel(b)} 在「${depts.get(b.departmentId)!.name}」轮转「${b.standardDepartment}」，该科室不对应这个标准科室`
          : `${t.label} ${rangeLabel(b)} 的科室「${b.departmentId}」不存在`,
      ),
    );
}

function overlapViolations(t: Trainee, blocks: Block[]): Violation[] {
  const out: Violation[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.to <= b.from) continue;
    for (let j = i + 1; j < blocks.length && blocks[j]!.from < b.to; j++) {
      const c = blocks[j]!;
      const range = { from: c.from, to: Math.min(b.to, c.to) };
      out.push(
        v(
          'OVERLAP',
          t,
          c.departmentId,
          range.from,
          range.to,
          `${t.label} 在 ${rangeLabel(range)} 同时排了「${b.standardDepartment}」和「${c.standardDepartment}」`,
        ),
      );
    }
    for (const l of t.leave) {
      const range = { from: Math.max(b.from, l.from), to: Math.min(b.to, l.to) };
      // A block may run across leave (it resumes afterwards) only if the leave is strictly inside it.
      if (range.from < range.to && (l.from <= b.from || l.to >= b.to)) {
        out.push(
          v(
            'OVERLAP',
            t,
            b.departmentId,
            range.from,
            range.to,
            `${t.label} 在 ${rangeLabel(range)} 请假，但排了「${b.standardDepartment}」`,
          ),
        );
      }
    }
  }
  return out;
}

function gapViolations(t: Trainee, blocks: Block[]): Violation[] {
  const out: Violation[] = [];
  const end = Math.max(...blocks.map((b) => b.to));
  let gapStart: number | null = null;
  for (let s = t.start; s <= end; s++) {
    const free = s < end && !inRanges(s, blocks) && !inRanges(s, t.leave);
    if (free && gapStart === null) gapStart = s;
    if (!free && gapStart !== null) {
      const range = { from: gapStart, to: s };
      out.push(v('GAP', t, null, range.from, range.to, `${t.label} 在 ${rangeLabel(range)} 没有安排轮转，也没有请假记录`));
      gapStart = null;
    }
  }
  return out;
}

function rowsOf(t: Trainee): { required: DemandRow[]; groups: ReturnType<typeof traineeDemand>['groups'] } {
  return traineeDemand(t);
}

function monthViolations(t: Trainee, blocks: Block[]): Violation[] {
  const out: Violation[] = [];
  const got = new Map<string, number>();
  for (const b of blocks) got.set(b.standardDepartment, (got.get(b.standardDepartment) ?? 0) + served(b, t.leave));
  const demand = rowsOf(t);
  const expected = new Map<string, number>();
  for (const r of demand.required) expected.set(r.standardDepartment, (expected.get(r.standardDepartment) ?? 0) + r.slots);
  const span = { from: t.start, to: Math.max(...blocks.map((b) => b.to)) };
  for (const g of demand.groups) {
    const chosen = g.rows.filter((r) => (got.get(r.standardDepartment) ?? 0) > 0);
    // A row started is a row chosen, and a chosen row counts whole (a short one is also MONTHS_SHORT).
    const total = chosen.reduce((a, r) => a + r.slots, 0);
    if (total !== g.slots) {
      out.push(
        v(
          'ELECTIVE_GROUP',
          t,
          null,
          span.from,
          span.to,
          `${t.label} 的选轮组「${g.name}」应轮转 ${g.slots / 2} 个月，实际 ${total / 2} 个月`,
        ),
      );
    }
    for (const r of chosen) expected.set(r.standardDepartment, (expected.get(r.standardDepartment) ?? 0) + r.slots);
  }
  for (const [std, want] of expected) {
    const have = got.get(std) ?? 0;
    if (have < want)
      out.push(
        v('MONTHS_SHORT', t, null, span.from, span.to, `${t.label} 的「${std}」应轮转 ${want / 2} 个月，只排了 ${have / 2} 个月`),
      );
    if (have > want)
      out.push(
        v('MONTHS_OVER', t, null, span.from, span.to, `${t.label} 的「${std}」应轮转 ${want / 2} 个月，排了 ${have / 2} 个月`),
      );
  }
  for (const [std, have] of got) {
    const elective = demand.groups.some((g) => g.rows.some((r) => r.standardDepartment === std));
    if (!expected.has(std) && !elective) {
      out.push(
        v('MONTHS_OVER', t, null, span.from, span.to, `${t.label} 排了「${std}」${have / 2} 个月，但轮转方案中没有这个科室`),
      );
    }
  }
  return out;
}

function stageViolations(t: Trainee, blocks: Block[]): Violation[] {
  if (t.mustServe !== null) return [];
  const out: Violation[] = [];
  for (const b of blocks) {
    const row = t.scheme.rows.find((r) => r.standardDepartment === b.standardDepartment);
    if (!row || row.stage === null || (t.retakes ?? []).some((r) => r.standardDepartment === b.standardDepartment)) continue;
    const first = trainingYearOf(b.from, t.start, t.leave);
    const last = trainingYearOf(b.to - 1, t.start, t.leave);
    if (first !== row.stage || last !== row.stage) {
      out.push(
        v(
          'STAGE',
          t,
          b.departmentId,
          b.from,
          b.to,
          `${t.label} 的「${b.standardDepartment}」应在第${row.stage}年轮转，${rangeLabel(b)} 是第${first === last ? first : `${first}-${last}`}年`,
        ),
      );
    }
  }
  return out;
}

/** Consecutive blocks of the same row and department, separated only by leave, are one stretch. */
function stretches(t: Trainee, blocks: Block[]): Array<{ std: string; dept: string; from: number; to: number; slots: number }> {
  const out: Array<{ std: string; dept: string; from: number; to: number; slots: number }> = [];
  for (const b of blocks) {
    const last = out.at(-1);
    let joined = last !== undefined && last.std === b.standardDepartment && last.dept === b.departmentId;
    if (joined) for (let s = last!.to; s < b.from; s++) if (!inRanges(s, t.leave)) joined = false;
    if (joined && last) {
      last.to = b.to;
      last.slots += served(b, t.leave);
    } else out.push({ std: b.standardDepartment, dept: b.departmentId, from: b.from, to: b.to, slots: served(b, t.leave) });
  }
  return out;
}

function shortBlockViolations(t: Trainee, blocks: Block[]): Violation[] {
  const demand = rowsOf(t);
  const rows = [...demand.required, ...demand.groups.flatMap((g) => g.rows)];
  const out: Violation[] = [];
  for (const s of stretches(t, blocks)) {
    const mine = rows.filter((r) => r.standardDepartment === s.std);
    if (mine.length === 0 || mine.some((r) => r.splittable)) {
      if (s.slots < 1) out.push(v('BLOCK_TOO_SHORT', t, s.dept, s.from, s.to, `${t.label} 的「${s.std}」轮转块为空`));
      continue;
    }
    const shortest = Math.min(...mine.map((r) => r.slots));
    if (s.slots < shortest) {
      out.push(
        v(
          'BLOCK_TOO_SHORT',
          t,
          s.dept,
          s.from,
          s.to,
          `${t.label} 的「${s.std}」不可拆分，应连续 ${shortest / 2} 个月，${rangeLabel(s)} 只有 ${s.slots / 2} 个月`,
        ),
      );
    }
  }
  return out;
}

function partnerViolations(t: Trainee, blocks: Block[], depts: Map<string, Department>): Violation[] {
  const sites = new Set<string>();
  let slots = 0;
  for (const b of blocks) {
    const d = depts.get(b.departmentId);
    if (d?.siteType !== 'partner') continue;
    sites.add(d.site ?? d.name);
    slots += served(b, t.leave);
  }
  const span = { from: t.start, to: Math.max(...blocks.map((b) => b.to)) };
  const out: Violation[] = [];
  if (sites.size > MAX_PARTNER_SITES) {
    out.push(
      v(
        'PARTNER_LIMIT',
        t,
        null,
        span.from,
        span.to,
        `${t.label} 去了 ${sites.size} 个协同单位（${[...sites].join('、')}），最多 ${MAX_PARTNER_SITES} 个`,
      ),
    );
  }
  if (slots > MAX_PARTNER_MONTHS * 2) {
    out.push(
      v(
        'PARTNER_LIMIT',
        t,
        null,
        span.from,
        span.to,
        `${t.label} 在协同单位共 ${slots / 2} 个月，最多 ${MAX_PARTNER_MONTHS} 个月`,
      ),
    );
  }
  return out;
}

function capacityViolations(input: CheckInput, depts: Map<string, Department>): Violation[] {
  const load = new Map<string, Map<number, number>>();
  const add = (dept: string, slot: number, n: number): void => {
    if (!load.has(dept)) load.set(dept, new Map());
    const m = load.get(dept)!;
    m.set(slot, (m.get(slot) ?? 0) + n);
  };
  for (const [dept, bySlot] of input.occupied ?? new Map<string, Map<number, number>>())
    for (const [s, n] of bySlot) add(dept, s, n);
  const leaveOf = new Map(input.trainees.map((t) => [t.id, t.leave]));
  for (const [id, blocks] of input.plans) {
    for (const b of blocks)
      for (let s = b.from; s < b.to; s++) if (!inRanges(s, leaveOf.get(id) ?? [])) add(b.departmentId, s, 1);
  }
  const out: Violation[] = [];
  for (const [id, bySlot] of [...load].sort(([a], [b]) => a.localeCompare(b))) {
    const d = depts.get(id);
    if (!d) continue;
    const over = [...bySlot].filter(([, n]) => n > d.capacity).sort(([a], [b]) => a - b);
    // Consecutive over-full slots are reported as one range with its worst load.
    let i = 0;
    while (i < over.length) {
      let j = i;
      while (j + 1 < over.length && over[j + 1]![0]! === over[j]![0]! + 1) j++;
      const range = { from: over[i]![0]!, to: over[j]![0]! + 1 };
      const worst = Math.max(...over.slice(i, j + 1).map(([, n]) => n));
      out.push(
        v(
          'CAPACITY_EXCEEDED',
          null,
          id,
          range.from,
          range.to,
          `「${d.name}」在 ${rangeLabel(range)} 最多有 ${worst} 名学员，容量 ${d.capacity}`,
        ),
      );
      i = j + 1;
    }
  }
  return out;
}
