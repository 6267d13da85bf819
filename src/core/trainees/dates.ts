import { AppError } from '../../shared/errors';
import { isRealDate } from '../identity';

/** 'YYYY-MM-DD' that names a real day; anything else is refused with the field's name. */
export function requireRealDate(s: string, what: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new AppError('TRAINEE_BAD_DATE', `${what}「${s}」不是有效日期，应为 YYYY-MM-DD。`);
  }
  return s;
}
