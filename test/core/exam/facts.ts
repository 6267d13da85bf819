/** Hand-made trainees for the completion-exam rules: made-up names, no ID numbers needed. */
import type { ExamCalendar } from '../../../src/shared/contract/exam';
import { ExamCalendarSchema } from '../../../src/shared/contract/exam';
import chongqing from '../../../resources/exam-calendars/chongqing-2024.json';
import fujian from '../../../resources/exam-calendars/fujian-2024.json';
import type { ExamFacts, RotationFacts } from '../../../src/core/exam/rules';

export const CHONGQING: ExamCalendar = ExamCalendarSchema.parse(chongqing);
export const FUJIAN: ExamCalendar = ExamCalendarSchema.parse(fujian);

export function rotation(over: Partial<RotationFacts> = {}): RotationFacts {
  return { end: '2024-08-31', months: 36, requiredMonths: 36, short: [], schemeMissing: false, extendedMonths: 0, ...over };
}

/** A 住培 trainee of the 2021 cohort, plan served to 2024-08-31, with a 执业医师资格证书. */
export function residency(over: Partial<ExamFacts> = {}): ExamFacts {
  return {
    traineeId: 't-res',
    name: '测试甲',
    program: 'residency',
    status: 'active',
    startDate: '2021-09-01',
    years: 3,
    qualificationCertNo: '202350110000000000000000001',
    qualificationExam: 'pass',
    theoryStageExam: 'none',
    processAssessment: null,
    rotation: rotation(),
    leaveMonths: 0,
    results: [],
    ...over,
  };
}

/** A 助理全科 trainee of the 2022 cohort (2 years), plan to 2024-08-31, stage exam and process assessment passed. */
export function agp(over: Partial<ExamFacts> = {}): ExamFacts {
  return {
    traineeId: 't-agp',
    name: '测试乙',
    program: 'agp',
    status: 'active',
    startDate: '2022-09-01',
    years: 2,
    qualificationCertNo: null,
    qualificationExam: 'none',
    theoryStageExam: 'pass',
    processAssessment: 'pass',
    rotation: rotation({ months: 24, requiredMonths: 24 }),
    leaveMonths: 0,
    results: [],
    ...over,
  };
}
