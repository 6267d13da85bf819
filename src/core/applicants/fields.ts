/**
 * The columns of a provincial platform's applicant export that are recognised without configuration.
 * Each field: its Chinese label (used as `field` in problems and reports) and the header aliases seen in
 * exports. Other layouts are mapped once in the UI and saved (saved_mappings, kind 'applicants').
 */
import type { ApplicantFieldKey } from '../../shared/contract/applicants';

export type FieldDef = { key: ApplicantFieldKey; label: string; aliases: readonly string[]; required?: boolean };

export const FIELDS: readonly FieldDef[] = [
  { key: 'name', label: '姓名', aliases: ['姓名', '考生姓名', '学员姓名'], required: true },
  { key: 'sex', label: '性别', aliases: ['性别'] },
  { key: 'idType', label: '证件类型', aliases: ['证件类型', '证件种类'] },
  {
    key: 'idNumber',
    label: '证件号码',
    aliases: ['证件号码', '身份证号', '身份证号码', '公民身份号码', '证件号'],
    required: true,
  },
  { key: 'ethnicity', label: '民族', aliases: ['民族'] },
  { key: 'birthDate', label: '出生日期', aliases: ['出生日期', '出生年月'] },
  { key: 'phone', label: '手机号码', aliases: ['手机号码', '手机', '手机号', '移动电话', '联系电话'], required: true },
  { key: 'email', label: '电子邮箱', aliases: ['电子邮箱', '电子邮件', '邮箱', 'Email', 'E-mail'] },
  { key: 'highestEducation', label: '最高学历', aliases: ['最高学历', '学历'] },
  { key: 'highestDegree', label: '最高学位', aliases: ['最高学位', '学位'] },
  { key: 'school', label: '毕业院校', aliases: ['毕业院校', '毕业学校'] },
  { key: 'major', label: '毕业专业', aliases: ['毕业专业', '所学专业'] },
  { key: 'graduationDate', label: '毕业时间', aliases: ['毕业时间', '毕业年月', '毕业日期'] },
  { key: 'fullTime', label: '是否全日制', aliases: ['是否全日制', '学习形式', '全日制'] },
  { key: 'category', label: '人员类型', aliases: ['人员类型', '人员类别', '人员属性', '报名类别'], required: true },
  { key: 'employer', label: '工作单位', aliases: ['工作单位', '单位名称', '所在单位', '委派单位'] },
  { key: 'ruralOriented', label: '是否农村订单定向', aliases: ['是否农村订单定向', '农村订单定向', '是否订单定向'] },
  {
    key: 'qualificationCertNo',
    label: '医师资格证书编号',
    aliases: ['医师资格证书编号', '医师资格证书编码', '医师资格证书号码', '执业助理医师资格证书号码'],
  },
  { key: 'practisingCertNo', label: '医师执业证书编号', aliases: ['医师执业证书编号', '医师执业证书编码', '执业证书编号'] },
  // A 志愿 column holds a specialty, or a base where the preset's choices name bases (Chongqing 助理全科); rosters
  // whose choices are base + specialty (Beijing) have a base column and a specialty column per choice.
  {
    key: 'choice1',
    label: '第一志愿',
    aliases: ['第一志愿', '志愿一', '报考专业', '培训专业', '第一志愿专业', '第一志愿(专业)', '第一志愿培训专业', '志愿一专业'],
    required: true,
  },
  {
    key: 'choice2',
    label: '第二志愿',
    aliases: ['第二志愿', '志愿二', '第二志愿专业', '第二志愿(专业)', '第二志愿培训专业', '志愿二专业'],
  },
  {
    key: 'choice3',
    label: '第三志愿',
    aliases: ['第三志愿', '志愿三', '第三志愿专业', '第三志愿(专业)', '第三志愿培训专业', '志愿三专业'],
  },
  {
    key: 'choice1Base',
    label: '第一志愿基地',
    aliases: ['第一志愿基地', '第一志愿(基地)', '第一志愿培训基地', '志愿一基地', '报考基地', '报考培训基地'],
  },
  { key: 'choice2Base', label: '第二志愿基地', aliases: ['第二志愿基地', '第二志愿(基地)', '第二志愿培训基地', '志愿二基地'] },
  { key: 'choice3Base', label: '第三志愿基地', aliases: ['第三志愿基地', '第三志愿(基地)', '第三志愿培训基地', '志愿三基地'] },
  { key: 'acceptsAdjustment', label: '是否服从调剂', aliases: ['是否服从调剂', '服从调剂'] },
  { key: 'reductionYears', label: '申请减免年限', aliases: ['申请减免年限', '减免年限'] },
  // Facts some provinces' rules need; rosters often lack them, and then they are unknown, never "no".
  {
    key: 'enrolledStudent',
    label: '是否全日制在校研究生',
    aliases: ['是否全日制在校研究生', '全日制在校研究生', '是否在校研究生', '是否在校生', '是否在读'],
  },
  { key: 'ruralBreach', label: '是否定向违约', aliases: ['是否定向违约', '定向违约', '是否违约'] },
  {
    key: 'ruralCounty',
    label: '定向就业县（市、区）',
    aliases: ['定向就业县（市、区）', '定向就业县(市、区)', '定向就业县（市区）', '定向就业县', '定向县'],
  },
  { key: 'discipline', label: '毕业专业类别', aliases: ['毕业专业类别', '专业类别', '学科类别', '医学类别'] },
];

export const FIELD_BY_KEY = new Map(FIELDS.map((f) => [f.key, f]));

export function fieldLabel(key: ApplicantFieldKey): string {
  return FIELD_BY_KEY.get(key)?.label ?? key;
}

/** Alias groups for findHeaderRow: the first alias of each group is the field key (prefixed to keep them apart). */
export const HEADER_GROUPS: readonly (readonly string[])[] = FIELDS.map((f) => [`@${f.key}`, ...f.aliases]);
