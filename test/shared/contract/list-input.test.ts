import { describe, expect, it } from 'vitest';
import { applicantsOps } from '../../../src/shared/contract/applicants';
import { traineesOps } from '../../../src/shared/contract/trainees';

// The applicant and trainee lists share their paging fields: each op's input keeps its own shape and defaults.
describe('person list inputs', () => {
  it('applicants.list fills the sort and paging defaults and keeps the filters', () => {
    const parsed = applicantsOps['applicants.list'].input.parse({ status: 'pending', query: '张' });
    expect(parsed).toEqual({ status: 'pending', query: '张', sort: 'name', dir: 'asc', limit: 100, offset: 0, reveal: false });
  });

  it('applicants.export takes the same filters and sort, and no paging', () => {
    const input = applicantsOps['applicants.export'].input;
    expect(input.parse({ specialty: '0100' })).toEqual({ specialty: '0100', sort: 'name', dir: 'asc', reveal: false });
    expect(input.safeParse({ limit: 10 }).success).toBe(false);
  });

  it('trainees.list fills the paging defaults and keeps the filters', () => {
    const parsed = traineesOps['trainees.list'].input.parse({ cohortYear: 2025, status: 'active' });
    expect(parsed).toEqual({ cohortYear: 2025, status: 'active', limit: 100, offset: 0, reveal: false });
  });

  it('both lists refuse a page size past the limit and a negative offset', () => {
    for (const input of [applicantsOps['applicants.list'].input, traineesOps['trainees.list'].input]) {
      expect(input.safeParse({ limit: 100_001 }).success).toBe(false);
      expect(input.safeParse({ offset: -1 }).success).toBe(false);
      expect(input.safeParse({ limit: 0 }).success).toBe(false);
    }
  });
});
