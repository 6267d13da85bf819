/**
 * Plain-data types of the admission allocation (择优录取). Everything here is JSON-serialisable so a result
 * can be stored as a snapshot, sent over IPC, and diffed against a later run.
 */
import type { Hundredths } from '../../scores/rules/hundredths';

/** One row of the recruitment plan. category is null when the specialty's quota is not split. */
export type Seats = { specialty: string; category: string | null; quota: number };

export type Applicant = {
  id: string;
  /** Province-defined category (单位人 / 社会人, 委托培训 / 自主培训 ...). */
  category: string | null;
  /** Rounded total, hundredths (TotalResult.total). */
  total: Hundredths;
  /** Component scores in hundredths, used by tie-breaks. */
  components: Record<string, Hundredths>;
  /** Specialty codes, choice 1..n. */
  choices: string[];
  /** 服从调剂 */
  acceptsAdjustment: boolean;
  /** False for anyone who failed qualification review or was absent from an exam (缺考). */
  eligible: boolean;
  ineligibleReason?: string;
};

export type ChoiceRound = 'choice-1' | 'choice-2' | 'choice-3';
export type SecondRound = 'second-1' | 'second-2';
export type AllocationRound = ChoiceRound | 'adjustment' | SecondRound;

/** A person's decision on a tie at the last seat(s) of one competition. */
export type TieResolution = {
  round: AllocationRound;
  specialty: string;
  category: string | null;
  /** Ids admitted from the tie: exactly the seats left, or more with overflowApproved. */
  admit: string[];
  /**
   * The tied ids the decision was made about (OpenTie.ids). Recommended: when given, the decision applies
   * only while the tie is exactly this group, so a re-run where someone new joined the tie (a corrected
   * score) asks again instead of silently leaving the newcomer out.
   */
  tiedIds?: string[];
  /** Approval to admit more tied applicants than seats left (超计划); each such admission is flagged. */
  overflowApproved?: boolean;
  reason: string;
};

/** 调剂 assignment chosen by the coordinator. The category is the applicant's own when seats are split. */
export type ManualAdjustment = { id: string; specialty: string; reason: string };

/** Approval to place one applicant into a specialty beyond its quota by manual adjustment. */
export type OverQuotaApproval = { id: string; specialty: string; reason: string };

export type Decisions = {
  tieResolutions?: TieResolution[];
  /** Applicants who declined (放弃): excluded from the whole run, which frees their seat. */
  declined?: string[];
  manualAdjustments?: ManualAdjustment[];
  overQuotaApprovals?: OverQuotaApproval[];
};

export type Options = {
  /** Choices the preset allows (Jilin 1, Chongqing 2, Beijing 3). Later choices are ignored with a warning. */
  rounds: number;
  /** Component keys (or 'category:<name>') compared after the total, descending. */
  tieBreaks: string[];
  /** Beijing 二次补报: two more choice rounds over the seats still open, with new choices. */
  secondWindow?: {
    choices: Record<string, string[]>;
    /**
     * When 调剂 happens relative to the second window. Default 'before-adjustment' follows Beijing's 2023
     * rules (京卫科教〔2023〕23号: 调剂 is for those "二次补报仍未被录取"); 'after-adjustment' runs 调剂 first.
     */
    stage?: 'before-adjustment' | 'after-adjustment';
  };
  /** Specialty codes that take no part in the second window (Beijing: 中医专业不参加二次补报). */
  secondWindowExcluded?: string[];
  /**
   * At equal totals, the category is admitted first in that specialty (Jilin 助理全科 单位人: 同等条件下优先录取).
   * It comes before the other tie-breaks, and only in that specialty's competitions.
   */
  priorities?: Priority[];
  /** Who decides 调剂 (default: the base). */
  adjustment?: AdjustmentPolicy;
};

export type Priority = { specialty: string; category: string };

export type AdjustmentPolicy = {
  /**
   * 'base': the coordinator assigns and the run proposes. 'province' / 'city': the province (Jilin) or city
   * (Beijing) decides; the base only records the outcome it is sent (may not refuse it) and proposes nothing.
   */
  authority: 'base' | 'province' | 'city';
  /** A category that may only be adjusted into these specialty codes (Beijing: 自主培训 only into 全科). */
  limits?: { category: string; specialties: string[] }[];
};

export type Admission = {
  id: string;
  specialty: string;
  category: string | null;
  round: AllocationRound;
  /** Rank within that round's competition for that specialty/category (for 'adjustment': merit order). */
  rank: number;
  /** Admitted beyond the quota with approval (tie overflow or approved manual adjustment). */
  overQuota?: boolean;
  /** Why, when a person decided it (tie resolution, manual adjustment). */
  reason?: string;
  /** The approval's reason for an over-quota manual adjustment. */
  overQuotaReason?: string;
  /** An adjustment recorded as the province's or city's outcome, not decided by the base. */
  assignedBy?: 'province' | 'city';
};

export type NotAdmittedCode = 'INELIGIBLE' | 'DECLINED' | 'NO_SEAT' | 'AWAITING_TIE';

export type NotAdmitted = { id: string; code: NotAdmittedCode; message: string };

export type OpenTie = {
  round: AllocationRound;
  specialty: string;
  category: string | null;
  seatsLeft: number;
  /** Tied applicants, in id order. */
  ids: string[];
  total: Hundredths;
  /** The rank they share in that competition. */
  rank: number;
};

export type Proposal = { id: string; specialty: string; category: string | null; /** 1-based merit order */ order: number };

export type CompetitionEntry = { id: string; total: Hundredths; rank: number; admitted: boolean; tied?: boolean };

export type Competition = {
  round: AllocationRound;
  specialty: string;
  category: string | null;
  /** Seats open when this competition ran (0 when full, or held for an open tie). */
  seatsBefore: number;
  /** True when the seats were held for an unresolved tie of an earlier round. */
  heldForTie?: boolean;
  /** The category ranked first at equal totals in this competition (Options.priorities). */
  priorityCategory?: string;
  ranked: CompetitionEntry[];
};

export type WarningCode =
  | 'CHOICE_NOT_IN_PLAN'
  | 'CHOICE_CATEGORY_NOT_IN_PLAN'
  | 'CHOICE_BEYOND_ROUNDS'
  | 'CHOICE_DUPLICATE'
  | 'SECOND_WINDOW_UNKNOWN_APPLICANT'
  | 'SECOND_WINDOW_NOT_ELIGIBLE'
  | 'DECISION_UNKNOWN_APPLICANT'
  | 'TIE_RESOLUTION_UNUSED'
  | 'OVER_QUOTA_APPROVAL_UNUSED'
  | 'CHOICE_EXCLUDED_SECOND_WINDOW';

export type AllocationWarning = {
  code: WarningCode;
  message: string;
  id?: string;
  specialty?: string;
  details?: Record<string, unknown>;
};

export type DecisionErrorCode =
  | 'ALLOC_OVER_QUOTA'
  | 'ALLOC_SEAT_HELD_FOR_TIE'
  | 'ALLOC_TIE_RESOLUTION_MISMATCH'
  | 'ALLOC_TIE_RESOLUTION_COUNT'
  | 'ALLOC_TIE_RESOLUTION_DUPLICATE'
  | 'ALLOC_ADJUST_NOT_IN_PLAN'
  | 'ALLOC_ADJUST_NOT_AVAILABLE'
  | 'ALLOC_ADJUST_NOT_ACCEPTED'
  | 'ALLOC_ADJUST_NOT_ALLOWED'
  | 'ALLOC_ADJUST_DUPLICATE';

/** A decision that could not be applied on this run (it is ignored; everything else proceeds). */
export type DecisionError = {
  code: DecisionErrorCode;
  message: string;
  kind: 'tieResolution' | 'manualAdjustment';
  id?: string;
  specialty?: string;
  category?: string | null;
  round?: AllocationRound;
};

export type AllocationResult = {
  admissions: Admission[];
  notAdmitted: NotAdmitted[];
  /** Seats still open (quota = seats left), excluding seats held for an open tie. */
  unfilled: Seats[];
  ties: OpenTie[];
  /** 调剂 suggestions (greedy), never admissions until a person confirms them as manualAdjustments. */
  proposals: Proposal[];
  explanation: Competition[];
  warnings: AllocationWarning[];
  decisionErrors: DecisionError[];
  /**
   * True while a tie is open: the tied applicants are held out of later rounds, so resolving the tie can
   * send the ones not chosen into later rounds elsewhere and change those results.
   */
  provisional: boolean;
};
