import type { Block, Scheme, TraineeToPlan } from './types';
import { overlap } from './slots';

/**
 * What a trainee has to serve, in slots: the scheme's required rows (or, for a reduced-year trainee, the
 * `mustServe` list: "缺什么、补什么"), elective groups, and any 补轮 after a failed 出科考核.
 */

export type DemandRow = {
  standardDepartment: string;
  slots: number;
  stage: 1 | 2 | 3 | null;
  splittable: boolean;
  /** Elective group, null for required rows and retakes. */
  group: string | null;
  retake: boolean;
};

export type DemandGroup = { name: string; slots: number; rows: DemandRow[] };

export type Demand = { required: DemandRow[]; groups: DemandGroup[] };

type DemandSource = Pick<TraineeToPlan, 'scheme' | 'mustServe' | 'retakes'>;

const toSlots = (months: number): number => Math.round(months * 2);

export function traineeDemand(t: DemandSource): Demand {
  const retakes: DemandRow[] = (t.retakes ?? []).map((r) => ({
    standardDepartment: r.standardDepartment,
    slots: toSlots(r.months),
    stage: null,
    splittable: false,
    group: null,
    retake: true,
  }));
  if (t.mustServe !== null) {
    // A reduced-year trainee's personal list: stages follow the full scheme's years, which no longer apply.
    const required = t.mustServe.map((m): DemandRow => {
      const row = t.scheme.rows.find((r) => r.standardDepartment === m.standardDepartment);
      return {
        standardDepartment: m.standardDepartment,
        slots: toSlots(m.months),
        stage: null,
        splittable: row?.splittable ?? false,
        group: null,
        retake: false,
      };
    });
    return { required: [...required, ...retakes], groups: [] };
  }
  return { required: [...schemeRows(t.scheme, null), ...retakes], groups: schemeGroups(t.scheme) };
}

function schemeRows(scheme: Scheme, group: string | null): DemandRow[] {
  return scheme.rows
    .filter((r) => (group === null ? r.kind === 'required' : r.kind === 'elective' && r.electiveGroup === group))
    .map((r) => ({
      standardDepartment: r.standardDepartment,
      slots: toSlots(r.months),
      stage: r.stage,
      splittable: r.splittable,
      group,
      retake: false,
    }));
}

function schemeGroups(scheme: Scheme): DemandGroup[] {
  return scheme.electiveGroups.map((g) => ({ name: g.name, slots: toSlots(g.months), rows: schemeRows(scheme, g.name) }));
}

/** Slots served per standard department by some blocks, not counting slots on leave. */
export function servedSlots(blocks: readonly Block[], leave: TraineeToPlan['leave']): Map<string, number> {
  const out = new Map<string, number>();
  for (const b of blocks) {
    const onLeave = leave.reduce((a, l) => a + overlap(l, b), 0);
    out.set(b.standardDepartment, (out.get(b.standardDepartment) ?? 0) + Math.max(0, b.to - b.from - onLeave));
  }
  return out;
}

/** A row still to serve, after what fixed blocks already served. */
export type OpenRow = DemandRow & { left: number };

export type OpenDemand = {
  /** Rows that must be served (required, retakes, and electives already started). */
  rows: OpenRow[];
  /** Per elective group: slots still to choose and the untouched rows to choose them from. */
  choices: Array<{ name: string; need: number; options: OpenRow[] }>;
};

/**
 * Subtracts what was served, row by row in scheme order (a retake is served after the row it repeats). An
 * elective row already started is chosen: it is finished, and the group's remainder is chosen among the rest.
 */
export function openDemand(demand: Demand, served: Map<string, number>): OpenDemand {
  const left = new Map(served);
  const take = (row: DemandRow): OpenRow => {
    const have = left.get(row.standardDepartment) ?? 0;
    const used = Math.min(have, row.slots);
    left.set(row.standardDepartment, have - used);
    return { ...row, left: row.slots - used };
  };
  const required = demand.required.filter((r) => !r.retake).map(take);
  const retakes = demand.required.filter((r) => r.retake).map(take);
  const rows: OpenRow[] = [...required, ...retakes];
  const choices: OpenDemand['choices'] = [];
  for (const g of demand.groups) {
    const taken = g.rows.map(take);
    const started = taken.filter((r) => r.left < r.slots);
    const startedTotal = started.reduce((a, r) => a + r.slots, 0);
    rows.push(...started);
    choices.push({ name: g.name, need: g.slots - startedTotal, options: taken.filter((r) => r.left === r.slots) });
  }
  return { rows: rows.filter((r) => r.left > 0), choices };
}
