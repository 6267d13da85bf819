import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { fieldPathLabel } from '../../shared/field-labels';

/**
 * zod issues become one INVALID_INPUT error naming each field by its label ("基地名称：数值过大"), never by its
 * internal key. The details keep the path for support and give the labels so the renderer can word it in
 * another language.
 */
export function zodToAppError(error: z.ZodError): AppError {
  const issues = error.issues.map((i) => ({
    path: i.path.join('.'),
    label: fieldPathLabel(i.path, 'zh'),
    labelEn: fieldPathLabel(i.path, 'en'),
    message: i.message,
    code: i.code,
  }));
  const text = issues.map((i) => (i.label ? `${i.label}：${i.message}` : i.message)).join('；');
  const fields = issues.map((i) => i.labelEn ?? 'input').join(', ');
  return new AppError('INVALID_INPUT', `输入不正确：${text}`, { issues, fields });
}
