/**
 * Beijing's 临床实践经历 (seed 003 三（五）and 三（三）): which rows the base may recognise, each rule quoting
 * its sentence, and the review deadline. A row is accepted only when no rule fails and its proof is attached.
 */
import type { ExperienceKind, ReductionRuleResult } from '../../../shared/contract/reduction';

const BJ = '北京市 2023 年住院医师规范化培训招收通知';
const ACADEMIC_SOURCE = `${BJ} 三（三）：“在国家认可的住院医师规范化培训基地中的培训经历方予认可，学术学位研究生期间培训经历不予认可。”`;
const PROOF_SOURCE = `${BJ} 三（五）：“需要减免培训年限的报名者被培训基地录取后在招录网站上填写临床实践经历，并上传临床实践经历证明材料扫描件。”`;
const GRADUATE_PROOF = `${BJ} 三（五）：“专业学位研究生毕业生，应当提供研究生培养记录手册的原件或完整复印件（均需加盖培训单位公章），不能提供研究生培养记录手册的，研究生培养期间的临床实践经历不予认可。”`;
const PROVINCE_PROOF = `${BJ} 三（五）：“曾在外省参加过国家卫生健康委认可的住院医师规范化培训的人员，应当提供培训记录手册的原件或完整复印件（均需加盖培训单位公章）、省级卫生健康行政部门开展住院医师规范化培训工作的文件复印件”`;
export const REVIEW_DEADLINE_SOURCE = `${BJ} 三（五）：“培训基地于9月12日之前完成临床实践经历审核。”`;

export type ExperienceFacts = { kind: ExperienceKind; recognisedBase: boolean | null; hasProof: boolean };

function academicRule(e: ExperienceFacts): ReductionRuleResult {
  const base = { ruleId: 'BJ-EXPERIENCE-ACADEMIC', title: '学术学位研究生期间培训经历不予认可', source: ACADEMIC_SOURCE };
  return e.kind === 'academic-graduate'
    ? { ...base, outcome: 'fail', detail: '这是学术学位研究生期间的培训经历，不予认可。' }
    : { ...base, outcome: 'pass', detail: '不是学术学位研究生期间的经历。' };
}

function baseRule(e: ExperienceFacts): ReductionRuleResult {
  const base = { ruleId: 'BJ-EXPERIENCE-BASE', title: '在国家认可的住培基地中的培训经历方予认可', source: ACADEMIC_SOURCE };
  if (e.recognisedBase === null) return { ...base, outcome: 'unknown', detail: '尚未核实培训医院是否为国家认可的住培基地。' };
  return e.recognisedBase
    ? { ...base, outcome: 'pass', detail: '培训医院是国家认可的住培基地。' }
    : { ...base, outcome: 'fail', detail: '培训医院不是国家认可的住培基地，不予认可。' };
}

function proofRule(e: ExperienceFacts): ReductionRuleResult {
  const source =
    e.kind === 'professional-graduate' ? GRADUATE_PROOF : e.kind === 'other-province' ? PROVINCE_PROOF : PROOF_SOURCE;
  const what =
    e.kind === 'professional-graduate'
      ? '研究生培养记录手册（加盖培训单位公章）'
      : e.kind === 'other-province'
        ? '培训记录手册（加盖培训单位公章）和省级卫生健康行政部门开展住培工作的文件'
        : '临床实践经历证明材料';
  const base = { ruleId: 'BJ-EXPERIENCE-PROOF', title: '上传证明材料扫描件', source };
  return e.hasProof
    ? { ...base, outcome: 'pass', detail: `已上传证明材料，请核对是否为${what}。` }
    : { ...base, outcome: 'unknown', detail: `尚未上传证明材料：需${what}的扫描件。` };
}

export function checkExperience(e: ExperienceFacts): ReductionRuleResult[] {
  return [academicRule(e), baseRule(e), proofRule(e)];
}

/** Why a row cannot be accepted (a failing rule or a missing proof); null when it can. */
export function cannotAccept(checks: readonly ReductionRuleResult[]): string | null {
  const failed = checks.find((c) => c.outcome === 'fail');
  if (failed) return failed.detail;
  const open = checks.find((c) => c.outcome === 'unknown');
  return open ? open.detail : null;
}

/** The review deadline of the cohort year (9月12日), or null where the province gives none. */
export function reviewDeadline(province: string, cohortYear: number): string | null {
  return province === '北京市' ? `${cohortYear}-09-12` : null;
}

/** Beijing asks for 临床实践经历 rows and the 认定表; no other shipped notice does. */
export function experienceRowsRequired(province: string): boolean {
  return province === '北京市';
}
