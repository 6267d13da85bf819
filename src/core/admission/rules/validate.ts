/** Structural checks of allocation input. These throw: a result computed from such input would be wrong. */
import { AppError } from '../../../shared/errors';
import { isHundredths } from '../../scores/rules/hundredths';
import type { Applicant, Options, Seats } from './types';

export function validateInput(seats: readonly Seats[], applicants: readonly Applicant[], options: Options): void {
  if (!Number.isInteger(options.rounds) || options.rounds < 1 || options.rounds > 3) {
    throw new AppError('ALLOC_BAD_ROUNDS', `志愿轮数「${options.rounds}」无效：应为 1 到 3 之间的整数，请检查招录方案。`, {
      rounds: options.rounds,
    });
  }
  const stage = options.secondWindow?.stage;
  if (stage !== undefined && stage !== 'before-adjustment' && stage !== 'after-adjustment') {
    throw new AppError('ALLOC_BAD_OPTIONS', `二次补报阶段设置「${String(stage)}」无效。`, { stage });
  }
  const splitBySpecialty = new Map<string, boolean>();
  const seen = new Set<string>();
  for (const s of seats) {
    if (s.specialty.trim() === '') throw new AppError('ALLOC_BAD_SEAT', '招收计划中有一行缺少专业代码，请补全。');
    if (!Number.isInteger(s.quota) || s.quota < 0) {
      throw new AppError(
        'ALLOC_BAD_QUOTA',
        `专业「${s.specialty}」${s.category === null ? '' : `（${s.category}）`}的计划数「${s.quota}」无效：应为不小于 0 的整数。`,
        {
          specialty: s.specialty,
          category: s.category,
          quota: s.quota,
        },
      );
    }
    const key = `${s.specialty}\u0001${s.category ?? '\u0000'}`;
    if (seen.has(key)) {
      throw new AppError(
        'ALLOC_DUPLICATE_SEAT',
        `招收计划中专业「${s.specialty}」${s.category === null ? '' : `（${s.category}）`}出现了两行，请合并。`,
        {
          specialty: s.specialty,
          category: s.category,
        },
      );
    }
    seen.add(key);
    const split = s.category !== null;
    const prev = splitBySpecialty.get(s.specialty);
    if (prev !== undefined && prev !== split) {
      throw new AppError('ALLOC_MIXED_SPLIT', `专业「${s.specialty}」的计划既有按人员类别分列的行，又有不分类别的行，请统一。`, {
        specialty: s.specialty,
      });
    }
    splitBySpecialty.set(s.specialty, split);
  }
  // Duplicate ids are detected by allocate while indexing applicants (see duplicateApplicant).
  for (const a of applicants) {
    if (!isHundredths(a.total) || a.total < 0) {
      throw new AppError(
        'ALLOC_BAD_SCORE',
        `考生「${a.id}」的总成绩无效：应为四舍五入到两位小数后的分数（以百分之一分为单位的非负整数）。`,
        { id: a.id },
      );
    }
    for (const k in a.components) {
      if (!isHundredths(a.components[k])) {
        throw new AppError('ALLOC_BAD_SCORE', `考生「${a.id}」的「${k}」成绩无效：应为以百分之一分为单位的整数。`, {
          id: a.id,
          key: k,
        });
      }
    }
  }
}

export function duplicateApplicant(id: string): AppError {
  return new AppError('ALLOC_DUPLICATE_APPLICANT', `考生「${id}」在名单中出现了两次，请去重后再计算录取。`, { id });
}
