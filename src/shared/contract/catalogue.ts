import { z } from 'zod';
import { op, perm } from './define';

export type Specialty = { code: string; name: string; local: boolean; active: boolean };

export const catalogueOps = {
  'catalogue.list': op<Specialty[]>()({ input: z.strictObject({}), access: perm('plan.view'), summary: '专业目录' }),
  'catalogue.add': op<Specialty>()({
    input: z.strictObject({
      name: z.string().trim().min(1).max(50),
      code: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9]{1,8}$/)
        .optional(),
    }),
    access: perm('catalogue.edit'),
    summary: '新增本地专业',
  }),
  'catalogue.update': op<Specialty>()({
    input: z.strictObject({
      code: z.string(),
      name: z.string().trim().min(1).max(50).optional(),
      active: z.boolean().optional(),
    }),
    access: perm('catalogue.edit'),
    summary: '修改专业名称或停用',
  }),
};
