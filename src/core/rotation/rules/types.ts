/**
 * The shapes the pure rotation rules (scheme checks, the scheduler, the plan checker) work on.
 * No database, no file system: the rotation service loads these from SQLite and stores what comes back.
 *
 * Time is counted in half months ("slots"): the rotation unit is 0.5 month and blocks start on the 1st or
 * the 16th (see `slots.ts`). A slot range is [from, to) — `to` exclusive — so a block's length in months
 * is (to - from) / 2.
 */

export type Program = 'residency' | 'agp';

/** Where a department's trainees actually are: the base itself, a 协同单位, or a 基层实践基地. */
export type SiteType = 'base' | 'partner' | 'primary';

/** One row of a rotation scheme (轮转方案): a standard department and its months. */
export type SchemeRow = {
  /** 标准科室 name as the scheme writes it, e.g. "心血管内科". */
  standardDepartment: string;
  /** Months in 0.5 steps. For an elective row: the months this department takes if it is chosen. */
  months: number;
  kind: 'required' | 'elective';
  /** Elective group name (选轮组); null for required rows. */
  electiveGroup: string | null;
  /** Stage (第1/2/3年) the row must fall in, or null when it may fall anywhere. */
  stage: 1 | 2 | 3 | null;
  siteType: SiteType;
  /** true when the row may be served as several shorter blocks (each at least 0.5 month). */
  splittable: boolean;
};

/** An elective group: choose rows of the group whose months add up to exactly `months`. */
export type ElectiveGroup = { name: string; months: number };

export type Scheme = {
  program: Program;
  specialtyCode: string;
  years: 1 | 2 | 3;
  rows: SchemeRow[];
  electiveGroups: ElectiveGroup[];
  /** true for shipped examples: every screen and export must say 示例. */
  example: boolean;
  /**
   * The specialty's own standard department (e.g. "全科医学科" for 全科): where a new trainee starts when that
   * does not raise the peak load. Absent or null = no preference.
   */
  home?: string | null;
};

/** A department of this base (科室), mapped to the standard departments it can teach. */
export type Department = {
  id: string;
  name: string;
  standardDepartments: string[];
  /** Most trainees at once. */
  capacity: number;
  /** null = 本院; otherwise the 协同单位 / 基层 site's name. */
  site: string | null;
  siteType: SiteType;
};

export type SlotRange = { from: number; to: number };

/** A block of a plan: one department over a slot range, serving one scheme row. */
export type Block = SlotRange & {
  departmentId: string;
  /** The scheme row (its standard department) this block serves. */
  standardDepartment: string;
  /** Past and current blocks are fixed: re-planning never moves them. */
  fixed: boolean;
};

/** One trainee as the scheduler sees them. */
export type TraineeToPlan = {
  id: string;
  /** Shown in explanations (e.g. "张三（3位学员）"); never the ID number. */
  label: string;
  scheme: Scheme;
  /** First slot of training (default 9月1日 of the cohort year). */
  start: number;
  /**
   * The scheme rows this trainee still has to serve, when it differs from the whole scheme: a reduced-year
   * trainee's "需要补足培训时间的培训内容". null = the whole scheme.
   */
  mustServe: Array<{ standardDepartment: string; months: number }> | null;
  /** Recorded leave: slots with no block, which push the end of the plan back. */
  leave: SlotRange[];
  /**
   * Months to serve again after a failed 出科考核 (补轮), on top of the scheme or `mustServe`; each is one block.
   * Absent = none.
   */
  retakes?: Array<{ standardDepartment: string; months: number }>;
  /** Blocks already served or being served: kept exactly as they are. */
  fixedBlocks: Block[];
  /** The blocks of the current plan, if any: re-planning changes as few of them as it can. */
  currentBlocks: Block[];
};

export type SchedulerInput = {
  trainees: TraineeToPlan[];
  departments: Department[];
  /** Load already placed by trainees outside this run (they keep their plans): departmentId → slot → count. */
  occupied: Map<string, Map<number, number>>;
  /** Slots before this one are the past: nothing new is placed there. */
  now: number;
  /** Fixed seed so the same input always gives the same plan. */
  seed: number;
};

/** Why no valid plan exists: which department is short, when, by how much. */
export type Shortfall = {
  /** Standard department (or base department name) that lacks places. */
  department: string;
  from: number;
  to: number;
  shortTraineeMonths: number;
  /** Chinese explanation, naming trainees or rows where that helps. */
  message: string;
  /**
   * Absent: proven by counting (or by one trainee's own rules), and `shortTraineeMonths` is what no plan can
   * avoid. 'search': no count proves a shortage, but neither search nor repair found a plan; the range is
   * where the closest arrangement found is still over capacity (`department` is the 科室), by `overBy`
   * trainees at most and `shortTraineeMonths` trainee-months in all. 'exhausted': the same evidence, and
   * every arrangement was tried, so no plan exists.
   */
  basis?: 'search' | 'exhausted';
  overBy?: number;
};

export type PeakLoad = { departmentId: string; capacity: number; peak: number };

export type SchedulerResult =
  | {
      ok: true;
      plans: Map<string, Block[]>;
      peakLoad: PeakLoad[];
      /** Largest load / capacity over all departments and slots, and the LP lower bound of the same figure. */
      imbalance: { achieved: number; lowerBound: number };
      /** New blocks that differ from `currentBlocks` (same department, row and slots = unchanged), in total… */
      changedBlocks: number;
      /** …and per trainee (only trainees with at least one changed block). */
      changedByTrainee: Map<string, number>;
    }
  | { ok: false; infeasible: Shortfall[] };

/** A broken rule found in a stored plan (the `rotation check` list). */
export type Violation = {
  code:
    | 'CAPACITY_EXCEEDED'
    | 'OVERLAP'
    | 'GAP'
    | 'MONTHS_SHORT'
    | 'MONTHS_OVER'
    | 'ELECTIVE_GROUP'
    | 'STAGE'
    | 'PARTNER_LIMIT'
    | 'BLOCK_TOO_SHORT'
    | 'WRONG_DEPARTMENT'
    | 'NO_SCHEME';
  traineeId: string | null;
  departmentId: string | null;
  from: number;
  to: number;
  message: string;
};
