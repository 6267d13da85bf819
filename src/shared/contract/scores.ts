import { z } from 'zod';
import { op, perm } from './define';
import { FileInput } from './define';
import type { AdmissionStaleness } from './admission';

export type ExamComponent = { key: string; name: string; max: number; weight: number };

export type ComponentsView = {
  cohortYear: number;
  components: ExamComponent[];
  fromPreset: boolean;
  aggregation: 'mean' | 'trimmed-mean';
  tieBreaks: string[];
  quotasByCategory: boolean;
};

export type ImportRejection = { row: number; field: string; code: string; message: string };

/** Same shape as the applicants import. Nothing is written unless `rejected` is empty. */
export type ScoreImportReport = {
  imported: number;
  updated: number;
  unchanged: number;
  rejected: ImportRejection[];
  applied: boolean;
};

export type ResultRow = {
  applicantId: string;
  name: string;
  idMasked: string;
  specialty: string | null;
  category: string | null;
  components: Record<string, number | 'absent' | null>;
  total: number | null;
  totalDisplay: string | null;
  status: 'complete' | 'absent' | 'incomplete';
};

/** Who passed on-site confirmation (现场确认); the same values as the applicants contract. */
export type ResultConfirmation = 'pending' | 'confirmed' | 'returned' | 'rejected';

export type ResultPageRow = ResultRow & { specialtyName: string | null; confirmation: ResultConfirmation };

/** One page of the results: `total` matches the filters, `cohortTotal` is everyone of the cohort. */
export type ResultPage = { rows: ResultPageRow[]; total: number; cohortTotal: number; offset: number; limit: number };

/** Columns the results can be sorted by; `component:<key>` sorts by one component's raw score. */
export const RESULT_SORT = /^(name|idNumber|specialty|confirmation|status|total|component:[\w-]{1,32})$/;

export type InterviewItem = { key: string; name: string; max: number };

export type SessionSummary = {
  id: string;
  name: string;
  date: string;
  site: string;
  cohortYear: number;
  items: InterviewItem[];
  aggregation: 'mean' | 'trimmed-mean';
  seed: number;
  panel: Array<{ username: string; head: boolean }>;
  origin: 'local' | 'station';
  candidateCount: number;
  signed: number;
};

export type MarkView = { interviewer: string; item: string; value: number | null; unable: boolean };

export type MarkConflict = {
  interviewer: string;
  item: string;
  marks: Array<{ id: string; value: number | null; unable: boolean; stationId: string; actor: string }>;
};

export type CandidateState = 'open' | 'absent' | 'signed' | 'reopened';

export type CandidateSheet = {
  candidateId: string;
  drawNo: number;
  name: string;
  idMasked: string | null;
  absent: boolean;
  state: CandidateState;
  /** Marks the caller may see: only their own until the head signs the candidate off. */
  marks: MarkView[];
  /** Only for the head / coordinator, or after sign-off. */
  conflicts: MarkConflict[];
  panel:
    | {
        status: 'ok';
        score: number;
        display: string;
        applied: string;
        interviewers: Array<{ interviewer: string; display: string; dropped?: string }>;
      }
    | { status: 'incomplete' | 'unassessable' | 'conflict' | 'hidden' | 'absent' };
  signoff: { version: number; score: number | null; absent: boolean; by: string; at: string } | null;
  /** Marks changed (e.g. a station bundle arrived) after the last sign-off: needs reopen + re-sign-off. */
  changedAfterSignoff: boolean;
};

export type SessionDetail = SessionSummary & { candidates: CandidateSheet[]; me: { head: boolean; member: boolean } };

export type RankedRow = {
  rank: number;
  tied: boolean;
  applicantId: string;
  name: string;
  idMasked: string;
  category: string | null;
  total: number;
  totalDisplay: string;
  components: Record<string, number | 'absent' | null>;
  manualOrder: number | null;
  manualReason: string | null;
  /** 现场确认 status: only 'confirmed' applicants can be admitted. */
  confirmation: RankConfirmation;
  /** False for anyone the allocation leaves out (现场确认 not passed, below the minimum total). */
  admissible: boolean;
  /** Why not admissible, in words; null when admissible. */
  notAdmissible: string | null;
  /** A tie at the last seat that 择优录取 decided: this row's part in it, who decided and when. */
  tieDecision: RankTieDecision | null;
  /** The round the candidate belongs to here: the order of their first choice naming this base (1 = 第一志愿). */
  round?: number | null;
  /** Their choices naming other bases, as lines (“第一志愿：其他基地（某医院）”). */
  otherChoices?: string[];
};

export type RankConfirmation = 'pending' | 'confirmed' | 'returned' | 'rejected';

export type RankTieDecision = { admitted: boolean; decidedBy: string; decidedAt: string; reason: string };

export type RankingGroup = {
  groupKey: string;
  specialty: string;
  specialtyName: string;
  category: string | null;
  /** The category admitted first at equal totals in this specialty (Jilin 助理全科: 单位人), which orders the ranking too. */
  priorityCategory?: string | null;
  ranked: RankedRow[];
  ties: Array<{ rank: number; applicantIds: string[] }>;
  unranked: Array<{
    applicantId: string;
    name: string;
    idMasked: string;
    status: 'absent' | 'incomplete';
    confirmation: RankConfirmation;
  }>;
};

/** One line of a group's table on the 成绩排名 screen: a ranked candidate, or one without a complete result. */
export type RankingLine = { kind: 'ranked'; row: RankedRow } | { kind: 'unranked'; row: RankingGroup['unranked'][number] };

/** One group on one page of the 成绩排名 screen: its head, every open tie (with names) and its current page. */
export type RankingPageGroup = Pick<
  RankingGroup,
  'groupKey' | 'specialty' | 'specialtyName' | 'category' | 'priorityCategory'
> & {
  ties: Array<{ rank: number; candidates: Array<{ applicantId: string; name: string }> }>;
  /** Lines of this group that match the search and filters, across all its pages. */
  total: number;
  /** The page shown (1-based; a page past the end shows the last one). */
  page: number;
  pageSize: number;
  lines: RankingLine[];
};

/** The 成绩排名 screen's data: each selected group's current page, the filter options and the staleness. */
export type RankingPageView = {
  cohortYear: number;
  tieBreaks: string[];
  /** Every group's specialty and every category of the cohort, for the filters (not narrowed by them). */
  specialties: Array<{ code: string; name: string }>;
  categories: string[];
  groups: RankingPageGroup[];
  admission: AdmissionStaleness | null;
};

export type RankingView = {
  cohortYear: number;
  tieBreaks: string[];
  groups: RankingGroup[];
  /** Whether the latest 择优录取 run is out of date (null before the first run). */
  admission: AdmissionStaleness | null;
};

export type StationImportReport = {
  kind: 'session' | 'bundle';
  stationId: string | null;
  sessionId: string;
  eventsAdded: number;
  marksAdded: number;
  absencesAdded: number;
  alreadyImported: boolean;
  conflicts: number;
};

export type FileOutput = { fileName: string; contentBase64: string };

const cohort = z.strictObject({ cohortYear: z.number().int().optional() });
const scoreText = z.union([z.string().max(20), z.number()]);
const candidateRef = z.strictObject({
  sessionId: z.string().min(1),
  /** interview candidate id, or the applicant's ID number, or (on a laptop) the draw number */
  candidate: z.string().min(1).max(40),
});

export const scoresOps = {
  'scores.components': op<ComponentsView>()({ input: cohort, access: perm('scores.view'), summary: '考核项目与权重' }),
  'scores.setComponents': op<ComponentsView>()({
    input: cohort.extend({
      components: z
        .array(
          z.object({
            key: z.string().trim().min(1).max(32),
            name: z.string().trim().min(1).max(20),
            max: z.number().positive().max(1000),
            weight: z.number().min(0).max(100),
          }),
        )
        .min(1)
        .max(10),
      reason: z.string().trim().max(500).optional(),
    }),
    access: perm('scores.import'),
    summary: '修改考核项目的满分与权重',
  }),
  'scores.previewImport': op<ScoreImportReport>()({
    input: FileInput.extend({ replace: z.boolean().default(false), reason: z.string().trim().max(500).optional() }).strict(),
    access: perm('scores.import'),
    summary: '预览成绩导入（不写入）',
  }),
  'scores.import': op<ScoreImportReport>()({
    input: FileInput.extend({ replace: z.boolean().default(false), reason: z.string().trim().max(500).optional() }).strict(),
    access: perm('scores.import'),
    summary: '导入笔试/技能/面试成绩',
  }),
  'scores.results': op<ResultRow[]>()({ input: cohort, access: perm('scores.view'), summary: '考生成绩' }),
  'scores.page': op<ResultPage>()({
    input: cohort.extend({
      /** a name, pinyin initials, or the first or last digits of the ID number */
      query: z.string().trim().max(40).optional(),
      specialty: z.string().max(20).optional(),
      status: z.enum(['complete', 'absent', 'incomplete']).optional(),
      confirmation: z.enum(['pending', 'confirmed', 'returned', 'rejected']).optional(),
      sort: z.string().regex(RESULT_SORT, '排序列无效').default('idNumber'),
      dir: z.enum(['asc', 'desc']).default('asc'),
      limit: z.number().int().min(1).max(5000).default(50),
      offset: z.number().int().min(0).default(0),
    }),
    access: perm('scores.view'),
    summary: '考生成绩（分页、查找、筛选、排序）',
  }),
  'scores.export': op<FileOutput>()({
    input: cohort.extend({
      query: z.string().trim().max(40).optional(),
      specialty: z.string().max(20).optional(),
      status: z.enum(['complete', 'absent', 'incomplete']).optional(),
      confirmation: z.enum(['pending', 'confirmed', 'returned', 'rejected']).optional(),
      sort: z.string().regex(RESULT_SORT, '排序列无效').default('idNumber'),
      dir: z.enum(['asc', 'desc']).default('asc'),
    }),
    access: perm('scores.view'),
    summary: '导出考核成绩（当前查找、筛选和排序，XLSX）',
  }),
  'scores.summaryXlsx': op<FileOutput>()({
    input: cohort.extend({ specialty: z.string().min(1) }),
    access: perm('ranking.view'),
    summary: '导出成绩汇总表（XLSX）',
  }),

  'interview.createSession': op<SessionSummary>()({
    input: z.strictObject({
      name: z.string().trim().min(1).max(50),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
      site: z.string().trim().min(1).max(100),
      items: z
        .array(
          z.object({
            key: z.string().trim().min(1).max(32),
            name: z.string().trim().min(1).max(20),
            max: z.number().positive().max(1000),
          }),
        )
        .min(1)
        .max(12)
        .optional(),
      panel: z
        .array(z.object({ username: z.string().min(1), head: z.boolean().default(false) }))
        .min(1)
        .max(9),
      /** applicant ids or ID numbers */
      candidates: z.array(z.string().min(1)).min(1).max(5000),
      seed: z.number().int().min(0).max(0xffffffff).optional(),
      aggregation: z.enum(['mean', 'trimmed-mean']).optional(),
    }),
    access: perm('stations.manage'),
    summary: '建立面试场次（专家组、抽签顺序）',
  }),
  'interview.listSessions': op<SessionSummary[]>()({
    input: z.strictObject({}),
    access: perm('scores.enter'),
    summary: '面试场次',
  }),
  'interview.session': op<SessionDetail>()({
    input: z.strictObject({ sessionId: z.string().min(1) }),
    access: perm('scores.enter'),
    summary: '面试场次与评分表',
  }),
  'interview.setScore': op<CandidateSheet>()({
    input: candidateRef.extend({
      interviewer: z.string().min(1).optional(),
      item: z.string().min(1),
      /** a score, or '无法评价' */
      score: scoreText,
    }),
    access: perm('scores.enter'),
    summary: '录入面试评分',
  }),
  'interview.markAbsent': op<CandidateSheet>()({ input: candidateRef, access: perm('scores.enter'), summary: '标记缺考' }),
  'interview.signOff': op<CandidateSheet>()({ input: candidateRef, access: perm('scores.signoff'), summary: '组长签字确认' }),
  'interview.reopen': op<CandidateSheet>()({
    input: candidateRef.extend({ reason: z.string().trim().min(2, '请填写更正原因').max(500) }),
    access: perm('scores.signoff'),
    summary: '签字后更正（需原因，更正后重新签字）',
  }),
  'interview.resolveConflict': op<CandidateSheet>()({
    input: candidateRef.extend({
      interviewer: z.string().min(1),
      item: z.string().min(1),
      score: scoreText,
      reason: z.string().trim().min(2, '请填写处理原因').max(500),
    }),
    access: perm('scores.signoff'),
    summary: '处理评分冲突',
  }),
  'interview.blankSheetHtml': op<{ html: string }>()({
    input: z.strictObject({ sessionId: z.string().min(1), interviewer: z.string().optional() }),
    access: perm('scores.enter'),
    summary: '打印空白评分表',
  }),
  'interview.resultSheetHtml': op<{ html: string }>()({
    input: z.strictObject({ sessionId: z.string().min(1) }),
    access: perm('scores.enter'),
    summary: '打印专家组签字结果表',
  }),

  'ranking.show': op<RankingView>()({
    input: cohort.extend({ specialty: z.string().optional(), category: z.string().optional() }),
    access: perm('ranking.view'),
    summary: '按专业排名',
  }),
  'ranking.page': op<RankingPageView>()({
    input: cohort.extend({
      specialty: z.string().max(20).optional(),
      category: z.string().max(20).optional(),
      /** a name, pinyin initials, or the first or last digits of the ID number */
      query: z.string().trim().max(40).optional(),
      /** leave out everyone who cannot be admitted (and everyone without a complete result) */
      onlyAdmissible: z.boolean().default(false),
      /** lines per group page; by default 50 when one group is shown, 20 each when several are */
      pageSize: z.number().int().min(1).max(500).optional(),
      /** the page (1-based) per group key; a group not named shows its first page */
      pages: z.record(z.string(), z.number().int().min(1)).default({}),
    }),
    access: perm('ranking.view'),
    summary: '按专业排名（分页、查找、筛选）',
  }),
  'ranking.reorder': op<RankingView>()({
    input: cohort.extend({
      groupKey: z.string().min(1),
      /** applicant ids of one tie, in the decided order */
      order: z.array(z.string().min(1)).min(2),
      reason: z.string().trim().min(2, '人工排序必须填写原因').max(500),
    }),
    access: perm('ranking.reorder'),
    summary: '并列考生的人工排序（需原因）',
  }),

  'stations.exportSession': op<FileOutput>()({
    input: z.strictObject({ sessionId: z.string().min(1), interviewer: z.string().min(1) }),
    access: perm('stations.manage'),
    summary: '导出面试官离线评分文件',
  }),
  'stations.exportBundle': op<FileOutput>()({
    input: z.strictObject({ sessionId: z.string().min(1).optional() }),
    access: perm('scores.enter'),
    summary: '导出本机签名评分包',
  }),
  'stations.import': op<StationImportReport>()({
    input: FileInput.strict(),
    access: perm('scores.enter'),
    summary: '导入离线评分文件或评分包',
  }),
};
