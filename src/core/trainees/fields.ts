/**
 * The columns of the provincial platform's trainee export that are recognised without configuration: each
 * field's Chinese label (the `field` of problems) and the header spellings seen in exports.
 */
import type { TraineeFieldKey } from '../../shared/contract/trainees';

export type TraineeFieldDef = { key: TraineeFieldKey; label: string; aliases: readonly string[] };

export const TRAINEE_FIELDS: readonly TraineeFieldDef[] = [
  { key: 'name', label: '姓名', aliases: ['姓名', '学员姓名'] },
  { key: 'idType', label: '证件类型', aliases: ['证件类型', '证件种类'] },
  { key: 'idNumber', label: '证件号码', aliases: ['证件号码', '身份证号', '身份证号码', '公民身份号码', '证件号'] },
  { key: 'sex', label: '性别', aliases: ['性别'] },
  { key: 'phone', label: '手机号码', aliases: ['手机号码', '手机', '手机号', '移动电话', '联系电话'] },
  { key: 'program', label: '培训项目', aliases: ['培训项目', '培训类别', '培训类型'] },
  { key: 'specialty', label: '培训专业', aliases: ['培训专业', '专业', '专业名称', '专业代码', '专业基地'] },
  { key: 'cohortYear', label: '年级', aliases: ['年级', '招收年度', '入培年度'] },
  { key: 'startDate', label: '培训开始日期', aliases: ['培训开始日期', '培训开始时间', '入培日期', '开始培训时间'] },
  { key: 'years', label: '培训年限', aliases: ['培训年限', '培养年限', '学制'] },
  { key: 'personType', label: '人员类型', aliases: ['人员类型', '人员类别', '人员属性', '学员类型'] },
  { key: 'employer', label: '工作单位', aliases: ['工作单位', '单位名称', '所在单位', '委派单位'] },
  { key: 'partnerSite', label: '协同单位', aliases: ['协同单位', '协同基地'] },
  { key: 'mergedPostgraduate', label: '是否并轨研究生', aliases: ['是否并轨研究生', '并轨研究生', '是否专硕并轨'] },
  {
    key: 'qualificationCertNo',
    label: '医师资格证书编号',
    aliases: ['医师资格证书编号', '医师资格证书编码', '医师资格证书号码', '执业助理医师资格证书号码'],
  },
  { key: 'practisingCertNo', label: '医师执业证书编号', aliases: ['医师执业证书编号', '医师执业证书编码', '执业证书编号'] },
  {
    key: 'qualificationExam',
    label: '医师资格考试成绩',
    aliases: ['医师资格考试成绩', '医师资格考试', '是否通过医师资格考试', '执业医师资格考试成绩'],
  },
  {
    key: 'theoryStageExam',
    label: '集中理论培训阶段考试',
    aliases: ['集中理论培训阶段考试', '集中理论培训阶段考试成绩', '阶段考试'],
  },
  { key: 'processAssessment', label: '培训过程考核', aliases: ['培训过程考核', '过程考核', '培训过程考核结果'] },
];

export const TRAINEE_FIELD_BY_KEY = new Map(TRAINEE_FIELDS.map((f) => [f.key, f]));

export function traineeFieldLabel(key: TraineeFieldKey): string {
  return TRAINEE_FIELD_BY_KEY.get(key)?.label ?? key;
}

/** Alias groups for findHeaderRow: each group's first entry is the field key, prefixed to keep it apart. */
export const TRAINEE_HEADER_GROUPS: readonly (readonly string[])[] = TRAINEE_FIELDS.map((f) => [`@${f.key}`, ...f.aliases]);
