/**
 * The 审批表 outcome (seed 002 五（一）："明确符合减免学员的培训时间和需要补足培训时间的培训内容"): the months
 * granted and what must be made up. Training length in the registry is whole years (the admission flow grants
 * 1 or 2 years), and rotation counts half months, so both are checked here before anything is stored.
 */
import type { MakeupRow } from '../../../shared/contract/reduction';
import { AppError } from '../../../shared/errors';

export function checkOutcome(input: { monthsGranted: number; makeup: MakeupRow[] }, defaultYears: number): MakeupRow[] {
  const { monthsGranted } = input;
  if (monthsGranted % 12 !== 0) {
    throw new AppError(
      'REDUCTION_MONTHS_NOT_YEARS',
      `减免 ${monthsGranted} 个月不是整年：培训年限按整年登记（减免 12 或 24 个月），请核对审批表。未做任何更改。`,
    );
  }
  if (monthsGranted >= defaultYears * 12) {
    throw new AppError(
      'REDUCTION_TOO_LONG',
      `培训年限为 ${defaultYears} 年（${defaultYears * 12} 个月），不能减免 ${monthsGranted} 个月。未做任何更改。`,
    );
  }
  const seen = new Set<string>();
  const rows = input.makeup.map((r) => ({ department: r.department.trim(), months: r.months }));
  for (const r of rows) {
    if (!Number.isInteger(r.months * 2)) {
      throw new AppError(
        'REDUCTION_BAD_MONTHS',
        `“${r.department}”的 ${r.months} 个月不是半个月的整数倍（轮转以半个月为单位）。`,
      );
    }
    if (seen.has(r.department)) throw new AppError('REDUCTION_MAKEUP_DUPLICATE', `“${r.department}”出现了多次，请合并为一行。`);
    seen.add(r.department);
  }
  const remaining = defaultYears * 12 - monthsGranted;
  const total = rows.reduce((s, r) => s + r.months, 0);
  if (total > remaining) {
    throw new AppError(
      'REDUCTION_MAKEUP_TOO_LONG',
      `需补足的培训合计 ${total} 个月，超过减免后的培训时间 ${remaining} 个月。请核对审批表。`,
    );
  }
  if (monthsGranted > 0 && rows.length === 0) {
    throw new AppError(
      'REDUCTION_MAKEUP_MISSING',
      '审批表批准了减免，请填写需要补足培训时间的培训内容（科室和月数），轮转计划按它“缺什么、补什么”。',
    );
  }
  return rows;
}
