import type { Block, Department, Scheme, SchemeRow, TraineeToPlan } from '../../../../src/core/rotation/rules';
import { cohortStartSlot } from '../../../../src/core/rotation/rules';

/** Small hand-checkable rotation cases: start = 2025-09-01. */
export const START = cohortStartSlot(2025);

export const row = (standardDepartment: string, months: number, extra: Partial<SchemeRow> = {}): SchemeRow => ({
  standardDepartment,
  months,
  kind: 'required',
  electiveGroup: null,
  stage: null,
  siteType: 'base',
  splittable: false,
  ...extra,
});

export const scheme = (years: 1 | 2 | 3, rows: SchemeRow[], extra: Partial<Scheme> = {}): Scheme => ({
  program: 'residency',
  specialtyCode: '0100',
  years,
  rows,
  electiveGroups: [],
  example: true,
  ...extra,
});

export const dept = (
  id: string,
  standardDepartments: string[],
  capacity: number,
  extra: Partial<Department> = {},
): Department => ({
  id,
  name: `${id}科`,
  standardDepartments,
  capacity,
  site: null,
  siteType: 'base',
  ...extra,
});

export const trainee = (id: string, s: Scheme, extra: Partial<TraineeToPlan> = {}): TraineeToPlan => ({
  id,
  label: `学员${id}`,
  scheme: s,
  start: START,
  mustServe: null,
  leave: [],
  fixedBlocks: [],
  currentBlocks: [],
  ...extra,
});

/** Blocks relative to START, as "std@dept[from,to)", for readable expectations. */
export const show = (blocks: Block[]): string[] =>
  blocks.map((b) => `${b.standardDepartment}@${b.departmentId}[${b.from - START},${b.to - START})${b.fixed ? '*' : ''}`);
