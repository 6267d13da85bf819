import { z } from 'zod';
import { op, perm } from './define';

export type BaseView = {
  name: string;
  code: string;
  province: string;
  programs: Array<'residency' | 'agp'>;
  cohortYear: number;
  presetId: string;
};

export const baseOps = {
  'base.get': op<BaseView>()({ input: z.strictObject({}), access: perm('base.view'), summary: '基地设置' }),
  'base.update': op<BaseView>()({
    input: z.strictObject({
      name: z.string().trim().min(2).max(100),
      code: z.string().trim().min(1).max(32),
      province: z.string().trim().min(1).max(20),
      cohortYear: z.number().int().min(2000).max(2100),
    }),
    access: perm('base.edit'),
    summary: '修改基地设置',
  }),
};
