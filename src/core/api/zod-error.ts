import type { z } from 'zod';
import { AppError } from '../../shared/errors';

/** zod issues become one INVALID_INPUT error naming each field, in Chinese. */
export function zodToAppError(error: z.ZodError): AppError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));
  const text = issues.map((i) => (i.path ? `${i.path}：${i.message}` : i.message)).join('；');
  return new AppError('INVALID_INPUT', `输入不正确：${text}`, { issues });
}
