import { describe, expect, it } from 'vitest';
import { allowedNext, checkTransition } from '../../../../src/core/trainees/rules/status';
import { parseCohortYear, parseExamResult, parseProgram, parseYears } from '../../../../src/core/trainees/rules/validate-row';

describe('trainee cell parsing', () => {
  it('年级 and 培训年限 as people write them', () => {
    expect(['2022', '2022级', '２０２２', ' 2022年 ', '2022.0'].map(parseCohortYear)).toEqual([2022, 2022, 2022, 2022, 2022]);
    expect(['22', '二〇二二', '1999', '2022-09'].map(parseCohortYear)).toEqual([null, null, null, null]);
    expect(['3', '3年', '2.0', '１'].map(parseYears)).toEqual([3, 3, 2, 1]);
    expect(['0', '4', '3.5', '三年'].map(parseYears)).toEqual([null, null, null, null]);
  });

  it('培训项目 and examination results', () => {
    expect(['住培', '住院医师规范化培训', '助理全科', '助理全科医生培训', 'agp'].map(parseProgram)).toEqual([
      'residency',
      'residency',
      'agp',
      'agp',
      'agp',
    ]);
    expect(parseProgram('专科医师培训')).toBeNull();
    expect(['合格', '不合格', '未考', '通过', '缺考'].map(parseExamResult)).toEqual(['pass', 'fail', 'none', 'pass', 'none']);
    expect(parseExamResult('优秀')).toBeNull();
  });
});

describe('training status transitions', () => {
  it('退培 and 结业 end training; only a correction back to 在培 leaves them', () => {
    expect(allowedNext('withdrawn')).toEqual(['active']);
    expect(allowedNext('completed')).toEqual(['active']);
    expect(() => checkTransition('张三', 'suspended', 'completed')).toThrow(
      expect.objectContaining({ code: 'TRAINEE_STATUS_TRANSITION' }),
    );
    expect(() => checkTransition('张三', 'active', 'active')).toThrow(
      expect.objectContaining({ code: 'TRAINEE_STATUS_UNCHANGED' }),
    );
    expect(() => checkTransition('张三', 'active', 'extended')).not.toThrow();
  });
});
