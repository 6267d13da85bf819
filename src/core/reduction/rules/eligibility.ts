/**
 * Who may apply for a training-year reduction, as the province's notice writes it. Each rule quotes its
 * sentence; a fact the 申请表 did not give makes the rule "unknown", never "fail". Only Jilin's notice (seed
 * 002) states who may and may not apply; Beijing's (seed 003) leaves the length to the base under the national
 * documents, so it has no applicant rules here (its 临床实践经历 rules are in ./experience).
 */
import type { ReductionEligibility, ReductionFacts, ReductionRuleResult } from '../../../shared/contract/reduction';

export type Program = 'residency' | 'agp';

const JL_PROGRAM_SOURCE = '吉林省 2024 年招收通知 五、培训年限减免（住培学员）；六（二）“《年限减免审批表》（助理全科培训无）”';
const JL_BASIS_SOURCE =
  '吉林省 2024 年招收通知 三（三）4：“具有临床医学硕士专业学位、临床医学博士学位者（含口腔医学）或已有一定年限临床工作经历的医师可以申请培训年限减免。”';
const JL_EXCLUDED_SOURCE =
  '吉林省 2024 年招收通知 五（二）：“对于硕士（博士）所学专业与培训专业方向不一致及具有国外非临床医学（口腔医学）类博士学位者不得申请减免。”';

function programRule(program: Program): ReductionRuleResult {
  const agp = program === 'agp';
  return {
    ruleId: 'JL-REDUCTION-PROGRAM',
    title: '年限减免只适用于住培学员',
    outcome: agp ? 'fail' : 'pass',
    detail: agp ? '助理全科医生培训没有年限减免。' : '住院医师规范化培训学员。',
    source: JL_PROGRAM_SOURCE,
  };
}

const clinicalDiscipline = (f: ReductionFacts) => f.degreeDiscipline === 'clinical' || f.degreeDiscipline === 'stomatology';

/** Which of the three bases the facts show; null when none is shown. */
function basisShown(f: ReductionFacts): string | null {
  if (f.degreeLevel === 'master' && f.degreeType === 'professional' && clinicalDiscipline(f))
    return '临床医学（口腔医学）硕士专业学位';
  if (f.degreeLevel === 'doctor' && clinicalDiscipline(f)) return '临床医学（口腔医学）博士学位';
  if (f.clinicalWorkYears !== undefined && f.clinicalWorkYears > 0) {
    // "一定年限" is not a number the notice gives: the province's 能力测评 judges it, so any years count here.
    return `已有 ${f.clinicalWorkYears} 年临床工作经历（年限是否足够由省住培指导中心能力测评认定）`;
  }
  return null;
}

/** The degree facts are settled when the level is none, or level, type (for a master) and discipline are given. */
function degreeSettled(f: ReductionFacts): boolean {
  if (f.degreeLevel === 'none') return true;
  if (f.degreeLevel === undefined || f.degreeDiscipline === undefined) return false;
  return f.degreeLevel === 'doctor' || f.degreeType !== undefined;
}

function basisRule(f: ReductionFacts): ReductionRuleResult {
  const base = { ruleId: 'JL-REDUCTION-BASIS', title: '具备申请年限减免的学位或临床工作经历', source: JL_BASIS_SOURCE };
  const shown = basisShown(f);
  if (shown !== null) return { ...base, outcome: 'pass', detail: shown };
  if (!degreeSettled(f) || f.clinicalWorkYears === undefined) {
    return { ...base, outcome: 'unknown', detail: '申请表未填写学位类型、学科或临床工作年限，无法判断。' };
  }
  return { ...base, outcome: 'fail', detail: '既无临床医学（口腔医学）硕士专业学位或博士学位，也无临床工作经历。' };
}

function majorRule(f: ReductionFacts): ReductionRuleResult {
  const base = { ruleId: 'JL-REDUCTION-MAJOR', title: '硕士（博士）所学专业与培训专业方向一致', source: JL_EXCLUDED_SOURCE };
  if (f.degreeLevel === 'none') return { ...base, outcome: 'na', detail: '没有硕士或博士学位，不适用。' };
  if (f.degreeLevel === undefined || f.majorMatchesSpecialty === undefined) {
    return { ...base, outcome: 'unknown', detail: '申请表未说明所学专业与培训专业方向是否一致。' };
  }
  const major = f.degreeMajor ? `（${f.degreeMajor}）` : '';
  return f.majorMatchesSpecialty
    ? { ...base, outcome: 'pass', detail: `所学专业${major}与培训专业方向一致。` }
    : { ...base, outcome: 'fail', detail: `所学专业${major}与培训专业方向不一致，不得申请减免。` };
}

function foreignRule(f: ReductionFacts): ReductionRuleResult {
  const base = {
    ruleId: 'JL-REDUCTION-FOREIGN',
    title: '不具有国外非临床医学（口腔医学）类博士学位',
    source: JL_EXCLUDED_SOURCE,
  };
  if (f.foreignDoctorate === undefined) return { ...base, outcome: 'unknown', detail: '申请表未说明是否具有国外博士学位。' };
  if (f.foreignDoctorate === 'non-clinical') {
    return { ...base, outcome: 'fail', detail: '具有国外非临床医学（口腔医学）类博士学位，不得申请减免。' };
  }
  return {
    ...base,
    outcome: 'pass',
    detail: f.foreignDoctorate === 'clinical' ? '国外博士学位属临床医学（口腔医学）类。' : '没有国外博士学位。',
  };
}

export function overallOf(rules: readonly ReductionRuleResult[]): ReductionEligibility['overall'] {
  if (rules.length === 0) return 'no-rules';
  if (rules.some((r) => r.outcome === 'fail')) return 'ineligible';
  if (rules.some((r) => r.outcome === 'unknown')) return 'unknown';
  return 'eligible';
}

/** The rules of the province whose notice states them; other provinces have none (said, not invented). */
export function checkEligibility(province: string, program: Program, facts: ReductionFacts): ReductionEligibility {
  if (province !== '吉林省') return { overall: 'no-rules', rules: [] };
  const program_ = programRule(program);
  const rules = program === 'agp' ? [program_] : [program_, basisRule(facts), majorRule(facts), foreignRule(facts)];
  return { overall: overallOf(rules), rules };
}
