import { z } from 'zod';

/**
 * The paging and reveal fields every person list takes (applicants, trainees): spread into the op's input
 * object. Numbers leave the core masked unless `reveal` is set (a permission, audited).
 */
export const pagedListFields = {
  limit: z.number().int().min(1).max(100_000).default(100),
  offset: z.number().int().min(0).default(0),
  reveal: z.boolean().default(false),
};
