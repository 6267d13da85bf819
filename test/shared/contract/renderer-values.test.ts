import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as applicants from '../../../src/shared/contract/applicants';
import * as applicantValues from '../../../src/shared/contract/applicants-values';
import * as exam from '../../../src/shared/contract/exam';
import * as examValues from '../../../src/shared/contract/exam-values';
import * as trainees from '../../../src/shared/contract/trainees';
import * as traineeValues from '../../../src/shared/contract/trainees-values';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CONTRACT = join(ROOT, 'src', 'shared', 'contract');
const RENDERER = join(ROOT, 'src', 'renderer', 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Every import statement of a file that brings in values (not `import type`), with what it imports from. */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);
}

// The renderer never validates (the core does, on every call), so the contract's zod schemas must not reach
// its bundle: the screens take the contract's types, and its constants from the zod-free *-values files.
describe('what the renderer takes from the shared contract', () => {
  it('the *-values files import nothing, so no zod comes with them', () => {
    const values = readdirSync(CONTRACT).filter((f) => f.endsWith('-values.ts'));
    expect(values.length).toBeGreaterThan(0);
    for (const f of values) expect(valueImports(join(CONTRACT, f)), f).toEqual([]);
  });

  it('renderer files import contract and preset modules only as types, or from a *-values file', () => {
    const offenders = filesUnder(RENDERER).flatMap((file) =>
      valueImports(file)
        .filter((from) => /shared\/(contract|preset)/.test(from) && !/-values$/.test(from))
        .map((from) => `${relative(ROOT, file)} imports ${from}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the namespace files still export the same constants', () => {
    expect(applicants.APPLICANT_FIELD_KEYS).toBe(applicantValues.APPLICANT_FIELD_KEYS);
    expect(applicants.APPLICANT_FIELD_LABELS).toBe(applicantValues.APPLICANT_FIELD_LABELS);
    expect(exam.EXAM_DECISIONS).toBe(examValues.EXAM_DECISIONS);
    expect(exam.EXAM_REJECTION_REASONS).toBe(examValues.EXAM_REJECTION_REASONS);
    expect(exam.EXAM_DEADLINES).toBe(examValues.EXAM_DEADLINES);
    expect(trainees.TRAINEE_STATUSES).toBe(traineeValues.TRAINEE_STATUSES);
  });
});
