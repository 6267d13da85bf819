import { describe, expect, it } from 'vitest';
import { checkEligibility } from '../../../src/core/reduction/rules';
import type { ReductionFacts } from '../../../src/shared/contract/reduction';

const jl = (facts: ReductionFacts, program: 'residency' | 'agp' = 'residency') => checkEligibility('吉林省', program, facts);
const outcome = (facts: ReductionFacts, id: string) => jl(facts).rules.find((r) => r.ruleId === id)?.outcome;

const settled: ReductionFacts = { majorMatchesSpecialty: true, foreignDoctorate: 'none' };

describe('who may apply for a reduction (Jilin 2024)', () => {
  it('“具有临床医学硕士专业学位…者…可以申请培训年限减免”: a clinical professional master may apply', () => {
    const r = jl({ ...settled, degreeLevel: 'master', degreeType: 'professional', degreeDiscipline: 'clinical' });
    expect(r.overall).toBe('eligible');
    expect(r.rules.find((x) => x.ruleId === 'JL-REDUCTION-BASIS')!.source).toContain('临床医学硕士专业学位');
  });

  it('“临床医学博士学位者（含口腔医学）”: a stomatology doctorate counts; an academic clinical master does not by degree', () => {
    expect(jl({ ...settled, degreeLevel: 'doctor', degreeDiscipline: 'stomatology' }).overall).toBe('eligible');
    const academic = {
      ...settled,
      degreeLevel: 'master' as const,
      degreeType: 'academic' as const,
      degreeDiscipline: 'clinical' as const,
    };
    expect(outcome({ ...academic, clinicalWorkYears: 0 }, 'JL-REDUCTION-BASIS')).toBe('fail');
  });

  it('“已有一定年限临床工作经历的医师”: clinical work qualifies; the notice gives no number, so none is invented', () => {
    const r = jl({ ...settled, degreeLevel: 'none', clinicalWorkYears: 1 });
    expect(r.overall).toBe('eligible');
    expect(r.rules.find((x) => x.ruleId === 'JL-REDUCTION-BASIS')!.detail).toContain('能力测评');
  });

  it('facts the 申请表 did not give are unknown, never a failure', () => {
    const r = jl({});
    expect(r.overall).toBe('unknown');
    expect(r.rules.filter((x) => x.outcome === 'fail')).toEqual([]);
  });

  it('“硕士（博士）所学专业与培训专业方向不一致…者不得申请减免”', () => {
    const facts: ReductionFacts = {
      degreeLevel: 'master',
      degreeType: 'professional',
      degreeDiscipline: 'clinical',
      degreeMajor: '外科学',
      majorMatchesSpecialty: false,
      foreignDoctorate: 'none',
    };
    const r = jl(facts);
    expect(r.overall).toBe('ineligible');
    expect(r.rules.find((x) => x.ruleId === 'JL-REDUCTION-MAJOR')).toMatchObject({
      outcome: 'fail',
      detail: expect.stringContaining('外科学'),
    });
  });

  it('“具有国外非临床医学（口腔医学）类博士学位者不得申请减免”; a foreign clinical doctorate is not excluded', () => {
    const base: ReductionFacts = { degreeLevel: 'doctor', degreeDiscipline: 'clinical', majorMatchesSpecialty: true };
    expect(jl({ ...base, foreignDoctorate: 'non-clinical' }).overall).toBe('ineligible');
    expect(jl({ ...base, foreignDoctorate: 'clinical' }).overall).toBe('eligible');
  });

  it('“（助理全科培训无）”: 助理全科 has no reduction whatever the facts', () => {
    const r = jl(
      { degreeLevel: 'doctor', degreeDiscipline: 'clinical', majorMatchesSpecialty: true, foreignDoctorate: 'none' },
      'agp',
    );
    expect(r.overall).toBe('ineligible');
    expect(r.rules.map((x) => [x.ruleId, x.outcome])).toEqual([['JL-REDUCTION-PROGRAM', 'fail']]);
  });

  it('a province whose notice states no applicant rules gets none (Beijing)', () => {
    expect(checkEligibility('北京市', 'residency', { degreeLevel: 'none' })).toEqual({ overall: 'no-rules', rules: [] });
  });
});
