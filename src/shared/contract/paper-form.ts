/**
 * Manual entry of an applicant from the paper 报名表 (Jilin 助理全科 register on paper: seed 002 三（六）, 附件3),
 * and the filled 报名表 for printing. A hand entry goes through the roster import's row validation, so it is the
 * same record with the same errors as an imported row.
 */
import { z } from 'zod';
import { APPLICANT_FIELD_KEYS, type ApplicantSummary, type EducationRow, type WorkRow } from './applicants';
import { op, perm } from './define';

/** 附件3's 外语能力 boxes: “四级 / 六级 / 其他：”. */
export const FOREIGN_LANGUAGE_LEVELS = ['四级', '六级', '其他'] as const;

const text = (max: number) => z.string().trim().max(max).optional();

/** The 报名表 fields the roster has no column for, as 附件3 names them. */
export const PaperFormFieldsInput = z.strictObject({
  politicalStatus: text(20), // 政治面貌
  hukou: text(60), // 户口所在地
  maritalStatus: text(10), // 婚姻状况
  healthStatus: text(20), // 健康状况
  landline: text(30), // 固定电话
  address: text(100), // 通讯地址
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{6})?$/, '邮政编码应为 6 位数字')
    .optional(),
  foreignLanguage: text(20), // 外语能力（语种）
  foreignLanguageLevel: z.enum(FOREIGN_LANGUAGE_LEVELS).optional(),
  foreignLanguageOther: text(30), // 其他：
});
export type PaperFormFields = z.infer<typeof PaperFormFieldsInput>;

const ym = z.string().trim().max(10).optional();
/** 教育情况: 内容（学历）/ 起止时间 / 学校名称（院系）/ 专业. */
const EducationInput = z.object({
  level: z.string().trim().min(1, '请填写学历（如大专）').max(20),
  degree: z.string().trim().max(30).optional(),
  school: z.string().trim().max(60),
  major: z.string().trim().max(60),
  from: ym,
  to: ym,
  fullTime: z.boolean().nullable().optional(),
});
/** 临床工作经历: 医院名称 / 等级 / 科室 / 起止时间 / 职务 / 证明人. */
const WorkInput = z.object({
  hospital: z.string().trim().min(1, '请填写医院名称').max(60),
  grade: z.string().trim().max(20).optional(),
  department: z.string().trim().max(30).optional(),
  from: ym,
  to: ym,
  title: z.string().trim().max(30).optional(),
  referee: z.string().trim().max(30).optional(),
});

/** The roster's fields by key, as text the way a roster cell holds it (“是/否”, “2024-07-01”, “内科”). */
const FieldsInput = z.partialRecord(z.enum(APPLICANT_FIELD_KEYS), z.string().max(200));

export const AddApplicantInput = z.strictObject({
  fields: FieldsInput,
  form: PaperFormFieldsInput.default({}),
  education: z.array(EducationInput).max(10).default([]),
  work: z.array(WorkInput).max(20).default([]),
});

/** A problem of one field, as the import reports it (same code and message, without the row number). */
export type FieldProblem = { field: string; label: string; code: string; message: string };

export type AddApplicantResult = { applicant: ApplicantSummary; warnings: FieldProblem[] };

export type PaperFormView = {
  applicantId: string;
  form: PaperFormFields;
  education: EducationRow[];
  work: WorkRow[];
  /** '纸质报名表' for a hand entry; null when the applicant came from a roster and no form was entered. */
  source: string | null;
  enteredBy: string | null;
  enteredAt: string | null;
};

export const paperFormOps = {
  'applicants.add': op<AddApplicantResult>()({
    input: AddApplicantInput,
    access: perm('applicants.add'),
    summary: '手工录入报名人员（纸质报名表）',
  }),
  'applicants.paperForm': op<PaperFormView>()({
    input: z.strictObject({ id: z.string() }),
    access: perm('applicants.view'),
    summary: '报名表的其他栏目（政治面貌、通讯地址、外语能力等）',
  }),
  'applicants.paperFormHtml': op<{ html: string; revealed: boolean }>()({
    input: z.strictObject({ id: z.string(), reveal: z.boolean().default(true) }),
    access: perm('applicants.view'),
    summary: '打印报名表（A4；完整证件号码仅限有权查看的角色，记入审计）',
  }),
};
