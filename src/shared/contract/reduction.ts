/**
 * Training-year reduction (年限减免, 住培 only): who may apply (rules quoting the province's notice), the
 * 审批表 outcome the province decided as the base records it (months granted, the training still to
 * complete, which the rotation plan serves), Beijing's 临床实践经历 rows with proof and the base's review,
 * the applicant's signed agreement, and the 临床实践经历认定表. ID numbers leave the core masked.
 */
import { z } from 'zod';
import { FileInput, op, perm } from './define';

/** What the applicant's 申请表 says; a fact nobody recorded is unknown and never fails a rule. */
export type ReductionFacts = {
  /** The highest graduate degree: 硕士 / 博士 / none. */
  degreeLevel?: 'master' | 'doctor' | 'none' | undefined;
  /** 专业学位 or 学术学位. */
  degreeType?: 'professional' | 'academic' | undefined;
  /** 临床医学 / 口腔医学 / another discipline. */
  degreeDiscipline?: 'clinical' | 'stomatology' | 'other' | undefined;
  /** The graduate major as written on the degree (所学专业). */
  degreeMajor?: string | undefined;
  /** Whether that major is the training specialty's direction (培训专业方向). */
  majorMatchesSpecialty?: boolean | undefined;
  /** A doctorate from abroad: in 临床医学/口腔医学, in another discipline, or none. */
  foreignDoctorate?: 'clinical' | 'non-clinical' | 'none' | undefined;
  /** Years of clinical work as a physician (已有一定年限临床工作经历). */
  clinicalWorkYears?: number | undefined;
};

export type RuleOutcome = 'pass' | 'fail' | 'unknown' | 'na';

export type ReductionRuleResult = {
  ruleId: string;
  title: string;
  outcome: RuleOutcome;
  /** Why, in Chinese, for this applicant. */
  detail: string;
  /** The source sentence the rule comes from, quoted. */
  source: string;
};

export type ReductionEligibility = {
  overall: 'eligible' | 'ineligible' | 'unknown' | 'no-rules';
  rules: ReductionRuleResult[];
};

export type MakeupRow = { department: string; months: number };

export type ExperienceKind = 'professional-graduate' | 'academic-graduate' | 'other-province' | 'other';
export const EXPERIENCE_KIND_LABELS: Record<ExperienceKind, string> = {
  'professional-graduate': '专业学位研究生培养',
  'academic-graduate': '学术学位研究生培养',
  'other-province': '外省住院医师规范化培训',
  other: '其他临床实践',
};

export type ExperienceView = {
  id: string;
  kind: ExperienceKind;
  hospital: string;
  specialty: string;
  from: string;
  to: string;
  recognisedBase: boolean | null;
  proof: { fileName: string; mime: string } | null;
  review: 'pending' | 'accepted' | 'rejected';
  reviewReason: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  /** The rules on recognising this row (学术学位 not recognised, only national bases, the proof each kind needs). */
  checks: ReductionRuleResult[];
};

/** Where the rotation plan stands with the recorded reduction. */
export type RotationLink =
  | { state: 'no-outcome' }
  | { state: 'not-enrolled' }
  | { state: 'years-differ'; traineeYears: number; expectedYears: number }
  | { state: 'not-applied' }
  | { state: 'applied' };

export type ReductionRow = {
  applicantId: string;
  name: string;
  /** Masked. */
  idNumber: string;
  specialtyCode: string | null;
  specialtyName: string | null;
  program: 'residency' | 'agp';
  defaultYears: number;
  facts: ReductionFacts;
  eligibility: ReductionEligibility;
  /** The 审批表 outcome; null until recorded. */
  outcome: {
    monthsGranted: number;
    years: number;
    makeup: MakeupRow[];
    decidedOn: string;
    note: string | null;
    recordedBy: string;
    recordedAt: string;
  } | null;
  agreement: { signedOn: string; recordedBy: string } | null;
  experiences: ExperienceView[];
  rotation: RotationLink;
};

export type ReductionList = {
  cohortYear: number;
  province: string;
  /** Beijing: 临床实践经历 reviewed by the base by this date (YYYY-MM-DD); null where no source gives one. */
  reviewDeadline: string | null;
  /** Whether the province's notice asks for 临床实践经历 rows and the 认定表 (Beijing). */
  experienceRows: boolean;
  rows: ReductionRow[];
};

export type ReductionFile = { fileName: string; contentBase64: string };

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
/** An applicant by record id or ID number. */
const applicant = z.string().trim().min(1).max(64);

const facts = z.strictObject({
  degreeLevel: z.enum(['master', 'doctor', 'none']).optional(),
  degreeType: z.enum(['professional', 'academic']).optional(),
  degreeDiscipline: z.enum(['clinical', 'stomatology', 'other']).optional(),
  degreeMajor: z.string().trim().min(1).max(100).optional(),
  majorMatchesSpecialty: z.boolean().optional(),
  foreignDoctorate: z.enum(['clinical', 'non-clinical', 'none']).optional(),
  clinicalWorkYears: z.number().min(0).max(60).optional(),
});

export const makeupRow = z.strictObject({
  department: z.string().trim().min(1, '请填写需补足的科室').max(50),
  months: z.number().positive('补足月数应大于 0').max(36),
});

export const reductionOps = {
  'reduction.list': op<ReductionList>()({
    input: z.strictObject({}),
    access: perm('reduction.view'),
    summary: '年限减免：申请人、资格核对、审批结果与临床实践经历',
  }),
  'reduction.apply': op<ReductionRow>()({
    input: z.strictObject({ applicant, facts, reason: z.string().trim().max(500).optional() }),
    access: perm('reduction.manage'),
    summary: '登记年限减免申请（申请表所填情况）',
  }),
  'reduction.record': op<ReductionRow>()({
    input: z.strictObject({
      applicant,
      monthsGranted: z.number().int().min(0).max(36),
      makeup: z.array(makeupRow).max(40),
      decidedOn: date,
      note: z.string().trim().max(500).optional(),
    }),
    access: perm('reduction.manage'),
    summary: '登记年限减免审批结果（减免月数与需补足的培训内容）',
  }),
  'reduction.agreement': op<ReductionRow>()({
    input: z.strictObject({ applicant, signedOn: date }),
    access: perm('reduction.manage'),
    summary: '登记报名者对认定培训年限的书面意见',
  }),
  'reduction.addExperience': op<ReductionRow>()({
    input: z.strictObject({
      applicant,
      kind: z.enum(['professional-graduate', 'academic-graduate', 'other-province', 'other']),
      hospital: z.string().trim().min(1, '请填写培训医院').max(100),
      specialty: z.string().trim().min(1, '请填写专业或科室').max(50),
      from: date,
      to: date,
      recognisedBase: z.boolean().optional(),
      proof: FileInput.optional(),
    }),
    access: perm('reduction.manage'),
    summary: '登记临床实践经历（附证明材料扫描件）',
  }),
  'reduction.proof': op<{ fileName: string; mime: string; contentBase64: string }>()({
    input: z.strictObject({ id: z.string().min(1) }),
    access: perm('reduction.view'),
    summary: '查看临床实践经历的证明材料扫描件',
  }),
  'reduction.reviewExperience': op<ReductionRow>()({
    input: z.strictObject({
      id: z.string().min(1),
      accept: z.boolean(),
      reason: z.string().trim().max(500).optional(),
    }),
    access: perm('reduction.manage'),
    summary: '审核临床实践经历',
  }),
  'reduction.applyToRotation': op<ReductionRow>()({
    input: z.strictObject({ applicant, reason: z.string().trim().min(1, '请说明原因').max(500) }),
    access: perm('reduction.manage'),
    summary: '把审批表中需补足的培训内容交给轮转计划',
  }),
  'reduction.recognitionXlsx': op<ReductionFile>()({
    input: z.strictObject({ applicant: applicant.optional() }),
    access: perm('reduction.view'),
    summary: '导出北京市住院医师规范化培训临床实践经历认定表（XLSX）',
  }),
  'reduction.recognitionHtml': op<{ title: string; html: string }>()({
    input: z.strictObject({ applicant: applicant.optional() }),
    access: perm('reduction.view'),
    summary: '临床实践经历认定表（打印页）',
  }),
};
