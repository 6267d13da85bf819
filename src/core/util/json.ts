/**
 * Parsing JSON the core wrote itself (JSON columns, stored decision payloads) against a schema instead of
 * casting it: a damaged or older row fails with a coded error that names the column, not with a TypeError
 * somewhere downstream.
 */
import { z } from 'zod';
import { AppError } from '../../shared/errors';

export function parseJsonAs<T>(schema: z.ZodType<T>, text: string, where: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw storedJsonInvalid(where);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw storedJsonInvalid(where);
  return parsed.data;
}

export function storedJsonInvalid(where: string): AppError {
  return new AppError(
    'STORED_JSON_INVALID',
    `数据库中「${where}」的内容无法读取（格式不符），数据可能已损坏：请先运行数据库检查（db.check）或从备份恢复。`,
    { where },
  );
}

export const stringList = z.array(z.string());
