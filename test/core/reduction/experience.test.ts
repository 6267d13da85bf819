import { describe, expect, it } from 'vitest';
import { cannotAccept, checkExperience, reviewDeadline } from '../../../src/core/reduction/rules';

describe('Beijing 临床实践经历 rules', () => {
  it('“学术学位研究生期间培训经历不予认可”', () => {
    const checks = checkExperience({ kind: 'academic-graduate', recognisedBase: true, hasProof: true });
    expect(checks.find((c) => c.ruleId === 'BJ-EXPERIENCE-ACADEMIC')!.outcome).toBe('fail');
    expect(cannotAccept(checks)).toContain('学术学位');
  });

  it('“在国家认可的住院医师规范化培训基地中的培训经历方予认可”: unknown until checked, fails when not', () => {
    expect(checkExperience({ kind: 'other', recognisedBase: null, hasProof: true })[1]!.outcome).toBe('unknown');
    expect(cannotAccept(checkExperience({ kind: 'other', recognisedBase: false, hasProof: true }))).toContain('不是国家认可');
  });

  it('a professional graduate needs the 研究生培养记录手册; without a proof the row cannot be accepted', () => {
    const checks = checkExperience({ kind: 'professional-graduate', recognisedBase: true, hasProof: false });
    expect(cannotAccept(checks)).toContain('研究生培养记录手册');
    expect(cannotAccept(checkExperience({ kind: 'professional-graduate', recognisedBase: true, hasProof: true }))).toBeNull();
  });

  it('“培训基地于9月12日之前完成临床实践经历审核”: Beijing only', () => {
    expect(reviewDeadline('北京市', 2023)).toBe('2023-09-12');
    expect(reviewDeadline('吉林省', 2024)).toBeNull();
  });
});
