/**
 * Validation messages in Chinese for every transport (zod's built-in zh-CN locale). Imported for its effect
 * by whatever builds or loads contract schemas: the full contract and the per-namespace loaders alike.
 */
import { z } from 'zod';

z.config(z.locales.zhCN());
