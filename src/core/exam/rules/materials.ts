/**
 * The papers each kind of candidate hands in (重庆2024 一) and brings to 现场网报确认 (重庆2024 三(一)2): the
 * desk's checklist. Items marked `when` apply only to some people (changed base, reduced training).
 */
import type { ExamMaterialItem } from '../../../shared/contract/exam';

type Item = Omit<ExamMaterialItem, 'received' | 'receivedBy' | 'receivedAt'>;

const RESIDENCY: Item[] = [
  {
    key: 'application',
    label: '结业考核申请表',
    when: null,
    source: '重庆2024 一(一)1 《2024年重庆市住院医师规范化培训结业考核申请表》1份（附件4）',
  },
  {
    key: 'stage-record',
    label: '阶段考核培训记录汇总表',
    when: null,
    source: '重庆2024 一(一)2 《2024年重庆市住院医师规范化培训阶段考核培训记录汇总表》1份（附件6）',
  },
  { key: 'handbook', label: '轮转登记手册', when: null, source: '重庆2024 一(一)3 《住院医师规范化培训轮转登记手册》' },
  {
    key: 'qualification',
    label: '执业医师资格证书或资格考试合格成绩单复印件',
    when: null,
    source: '重庆2024 一(一)4 执业医师资格证书或资格考试合格成绩单复印件1份',
  },
  { key: 'diploma', label: '学历学位证书复印件', when: null, source: '重庆2024 一(一)5 学历学位证书复印件1份' },
  {
    key: 'admission-letter',
    label: '录取通知书复印件',
    when: null,
    source: '重庆2024 一(一)6 重庆市住院医师规范化培训录取通知书复印件1份',
  },
  {
    key: 'transfer',
    label: '变更基地申请表复印件',
    when: '变更培训基地或专业基地的',
    source: '重庆2024 一(一)7 变更培训基地或专业基地的报考人员需提供变更基地申请表复印件1份',
  },
  {
    key: 'reduction',
    label: '减免培训证明原件',
    when: '减免培训轮转时间的',
    source: '重庆2024 一(一)8 减免培训轮转时间的报考人员需提供减免培训证明原件',
  },
];

const AGP: Item[] = [
  {
    key: 'application',
    label: '结业考核申请表',
    when: null,
    source: '重庆2024 一(二)1 《2024年重庆市助理全科医生培训结业考核申请表》1份（附件5）',
  },
  {
    key: 'stage-record',
    label: '阶段考核培训记录汇总表',
    when: null,
    source: '重庆2024 一(二)2 《2024年重庆市助理全科医生培训阶段考核培训记录汇总表》1份（附件7）',
  },
  { key: 'handbook', label: '轮转登记手册', when: null, source: '重庆2024 一(二)3 《助理全科医生培训轮转登记手册》' },
  { key: 'diploma', label: '学历证书复印件', when: null, source: '重庆2024 一(二)4 学历证书复印件1份' },
  {
    key: 'admission-letter',
    label: '录取通知书复印件',
    when: null,
    source: '重庆2024 一(二)5 重庆市助理全科医生培训录取通知书复印件1份',
  },
  {
    key: 'transfer',
    label: '变更基地申请表复印件',
    when: '变更培训基地的',
    source: '重庆2024 一(二)6 变更培训基地的报考人员需提供变更基地申请表复印件1份',
  },
];

const RETAKE: Record<'residency' | 'agp', Item[]> = {
  residency: [
    {
      key: 'application',
      label: '结业考核申请表',
      when: null,
      source: '重庆2024 一(四)1 住院医师提供《2024年重庆市住院医师规范化培训结业考核申请表》1份（附件4）',
    },
  ],
  agp: [
    {
      key: 'application',
      label: '结业考核申请表',
      when: null,
      source: '重庆2024 一(四)2 助理全科医生提供《2024年重庆市助理全科医生培训结业考核申请表》1份（附件5）',
    },
  ],
};

export function materialsFor(program: 'residency' | 'agp', retake: boolean): Item[] {
  if (retake) return RETAKE[program];
  return program === 'agp' ? AGP : RESIDENCY;
}

/** What to bring to 现场网报确认: 住培 身份证、学历证、医师资格证复印件或成绩单、报名表; 助理全科 身份证和报名表. */
export function onsiteItems(program: 'residency' | 'agp'): string[] {
  return program === 'agp' ? ['身份证', '报名表'] : ['身份证', '学历证', '医师资格证复印件或资格考试合格成绩单', '报名表'];
}
