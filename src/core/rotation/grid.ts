/** The plan grid's read: one cohort's rows in list order, whole or a page at a time, with facts over the whole cohort. */
import type { PlanGridBlock, PlanGridRow, PlanGridSummary, PlanGridView } from '../../shared/contract/rotation';
import type { Tx } from '../context';
import { schemeIndex, schemeKey } from './schemes';
import type { RotationBlockTable } from './tables';
import { cohortInListOrder, cohortYears, type RotationTrainee } from './trainees';

export type GridPage = { offset?: number | undefined; limit?: number | undefined };

/** SQLite's bound-parameter limit is far above this; smaller lists keep each statement short. */
const IDS_PER_QUERY = 500;

/**
 * One cohort's plans for the grid, reading only that cohort's rows and only the columns the grid draws: the
 * grid opens on a whole cohort, and the full views (every block's department details, leave, the base's
 * whole rotation data loaded per call) cost several times the time and bytes. A page (`offset`, `limit`)
 * reads the blocks of its rows only, so a screen of thousands of rows can show its first rows at once; the
 * summary is over the whole cohort either way.
 */
export async function planGrid(tx: Tx, cohortYear?: number, page: GridPage = {}): Promise<PlanGridView> {
  const cohorts = await cohortYears(tx);
  const shown = cohortYear ?? cohorts[0] ?? null;
  if (shown === null) return emptyGrid(cohorts);
  const trainees = await cohortInListOrder(tx, shown);
  const offset = Math.min(page.offset ?? 0, trainees.length);
  const sent = trainees.slice(offset, page.limit === undefined ? undefined : offset + page.limit);
  const status = await planStatuses(tx, shown);
  const counts = await blockCounts(tx, shown);
  const read = await gridBlocks(tx, shown, sent.length === trainees.length ? null : sent);
  const schemes = await schemeIndex(tx);
  const exampleOf = (t: RotationTrainee) => schemes.get(schemeKey(t))?.scheme.example ?? false;
  const rows = sent.map((t): PlanGridRow => ({
    traineeId: t.id,
    name: t.name,
    startDate: startOf(t),
    years: t.years,
    traineeStatus: t.status as PlanGridRow['traineeStatus'],
    planStatus: status.get(t.id) ?? null,
    example: exampleOf(t),
    blocks: read.blocks.get(t.id) ?? [],
  }));
  return {
    cohorts,
    cohortYear: shown,
    departmentIds: read.departmentIds,
    standardDepartments: read.standardDepartments,
    rows,
    offset,
    total: trainees.length,
    summary: summaryOf(trainees, status, counts, exampleOf),
  };
}

function emptyGrid(cohorts: number[]): PlanGridView {
  return {
    cohorts,
    cohortYear: null,
    departmentIds: [],
    standardDepartments: [],
    rows: [],
    offset: 0,
    total: 0,
    summary: { start: null, maxYears: 1, unapproved: 0, unplanned: 0, example: false },
  };
}

const startOf = (t: RotationTrainee) => t.startDate ?? `${t.cohortYear}-09-01`;

/**
 * The page's facts as it counts them from the rows: a plan without blocks is no plan, so it is unapproved
 * and says nothing about examples.
 */
function summaryOf(
  trainees: readonly RotationTrainee[],
  status: ReadonlyMap<string, PlanGridRow['planStatus']>,
  counts: ReadonlyMap<string, number>,
  exampleOf: (t: RotationTrainee) => boolean,
): PlanGridSummary {
  let start: string | null = null;
  let maxYears = 1;
  let unapproved = 0;
  let unplanned = 0;
  let example = false;
  for (const t of trainees) {
    const s = startOf(t);
    if (start === null || s < start) start = s;
    maxYears = Math.max(maxYears, t.years);
    const planned = (counts.get(t.id) ?? 0) > 0;
    if (!planned || (status.get(t.id) ?? 'draft') === 'draft') unapproved++;
    if (!planned) unplanned++;
    if (planned && exampleOf(t)) example = true;
  }
  return { start, maxYears, unapproved, unplanned, example };
}

const cohortIds = (tx: Tx, cohortYear: number) => tx.selectFrom('trainees').select('id').where('cohort_year', '=', cohortYear);

async function planStatuses(tx: Tx, cohortYear: number): Promise<Map<string, PlanGridRow['planStatus']>> {
  const plans = await tx
    .selectFrom('rotation_plans')
    .select(['trainee_id', 'status'])
    .where('trainee_id', 'in', cohortIds(tx, cohortYear))
    .execute();
  return new Map(plans.map((p) => [p.trainee_id, p.status]));
}

async function blockCounts(tx: Tx, cohortYear: number): Promise<Map<string, number>> {
  const found = await tx
    .selectFrom('rotation_blocks')
    .select(['trainee_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('trainee_id', 'in', cohortIds(tx, cohortYear))
    .groupBy('trainee_id')
    .execute();
  return new Map(found.map((r) => [r.trainee_id, Number(r.n)]));
}

type BlockRow = Pick<
  RotationBlockTable,
  'id' | 'trainee_id' | 'department_id' | 'standard_department' | 'start_date' | 'end_date'
>;

type GridBlocks = { departmentIds: string[]; standardDepartments: string[]; blocks: Map<string, PlanGridBlock[]> };

/** The blocks of the given trainees (null = the whole cohort), as tuples with departments numbered. */
async function gridBlocks(tx: Tx, cohortYear: number, only: readonly RotationTrainee[] | null): Promise<GridBlocks> {
  const found: BlockRow[] = [];
  const columns = ['id', 'trainee_id', 'department_id', 'standard_department', 'start_date', 'end_date'] as const;
  const select = () => tx.selectFrom('rotation_blocks').select(columns).orderBy('trainee_id').orderBy('start_date');
  if (only === null) found.push(...(await select().where('trainee_id', 'in', cohortIds(tx, cohortYear)).execute()));
  else
    for (let i = 0; i < only.length; i += IDS_PER_QUERY) {
      const ids = only.slice(i, i + IDS_PER_QUERY).map((t) => t.id);
      found.push(...(await select().where('trainee_id', 'in', ids).execute()));
    }
  const departments = positions();
  const standards = positions();
  const blocks = new Map<string, PlanGridBlock[]>();
  for (const b of found) {
    const block: PlanGridBlock = [
      b.id,
      departments.of(b.department_id),
      standards.of(b.standard_department),
      b.start_date,
      b.end_date,
    ];
    const list = blocks.get(b.trainee_id);
    if (list) list.push(block);
    else blocks.set(b.trainee_id, [block]);
  }
  return { departmentIds: departments.list, standardDepartments: standards.list, blocks };
}

/** Distinct values numbered in the order first seen. */
function positions(): { list: string[]; of: (value: string) => number } {
  const index = new Map<string, number>();
  const list: string[] = [];
  return {
    list,
    of: (value) => {
      let at = index.get(value);
      if (at === undefined) {
        at = list.push(value) - 1;
        index.set(value, at);
      }
      return at;
    },
  };
}
