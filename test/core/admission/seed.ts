/**
 * Test data for the admission service: applicants written straight into the applicants table (their import
 * is another feature's), plan quotas through the plan API, and examination results fed through the
 * injected results loader, so these tests do not depend on the scores feature.
 */
import { useFixedResults, type CandidateResult } from '../../../src/core/admission/deps';
import type { Core } from '../../../src/core/context';
import { createRng, makeIdNumber, makeName, makePhone } from '../../../src/core/testdata';
import { ok } from '../../helpers/core';

export type Person = {
  key: string;
  choices: string[];
  /** Total in points (87.3), or 'absent' / null for 缺考 / no score. */
  total: number | 'absent' | null;
  interview?: number;
  written?: number;
  category?: string | null;
  adjust?: boolean;
  status?: 'pending' | 'confirmed' | 'returned' | 'rejected';
  reduction?: number;
  employer?: string;
};

export type Seeded = { id: (key: string) => string; idNumber: (key: string) => string; name: (key: string) => string };

let seedNo = 1;

/**
 * `recordScores` also writes each person's component scores into the database, for a second core on the
 * same folder (the in-process CLI) that reads them with the real loader; fixed results stay with `core`.
 */
export async function seedApplicants(
  core: Core,
  people: Person[],
  cohortYear = 2024,
  opts: { recordScores?: boolean } = {},
): Promise<Seeded> {
  const rng = createRng(seedNo++);
  const ids = new Map<string, { id: string; idNumber: string; name: string }>();
  const results = new Map<string, CandidateResult>();
  const now = new Date(0).toISOString();
  for (const [i, p] of people.entries()) {
    const id = `app-${String(i + 1).padStart(4, '0')}-${p.key}`;
    const idNumber = makeIdNumber(rng);
    let name = makeName(rng);
    if ([...ids.values()].some((x) => x.name === name)) name += String(i);
    ids.set(p.key, { id, idNumber, name });
    await core.db
      .insertInto('applicants')
      .values({
        id,
        cohort_year: cohortYear,
        id_type: '居民身份证',
        id_number: idNumber,
        name,
        name_initials: '',
        sex: Number(idNumber[16]) % 2 === 1 ? '男' : '女',
        phone: makePhone(rng),
        highest_education: '本科',
        category: p.category ?? '社会人',
        employer: p.employer ?? null,
        choices_json: JSON.stringify(p.choices),
        accepts_adjustment: p.adjust === true ? 1 : 0,
        reduction_years: p.reduction ?? 0,
        confirmation_status: p.status ?? 'confirmed',
        rural_oriented: 0,
        extra_json: '{}',
        content_hash: '',
        created_at: now,
        updated_at: now,
      })
      .execute();
    const h = (x: number) => Math.round(x * 100);
    results.set(id, {
      applicantId: id,
      components:
        p.total === 'absent'
          ? { written: h(p.written ?? 80), interview: 'absent' }
          : p.total === null
            ? { written: null, interview: null }
            : { written: h(p.written ?? p.total), interview: h(p.interview ?? p.total) },
      total: typeof p.total === 'number' ? h(p.total) : null,
      status: p.total === 'absent' ? 'absent' : p.total === null ? 'incomplete' : 'complete',
    });
  }
  useFixedResults(core, results);
  if (opts.recordScores === true) await recordScores(core, results, cohortYear);
  const get = (key: string) => {
    const x = ids.get(key);
    if (x === undefined) throw new Error(`no seeded person ${key}`);
    return x;
  };
  return { id: (k) => get(k).id, idNumber: (k) => get(k).idNumber, name: (k) => get(k).name };
}

export async function setPlan(core: Core, session: string, rows: Array<[string | null, string | null, number]>): Promise<void> {
  for (const [specialtyCode, category, quota] of rows)
    await ok(core, session, 'plan.setQuota', { specialtyCode, category, quota });
}

async function recordScores(core: Core, results: Map<string, CandidateResult>, cohortYear: number): Promise<void> {
  const rows = [...results.values()].flatMap((r) =>
    Object.entries(r.components)
      .filter(([, v]) => v !== null)
      .map(([component, v]) => ({
        applicant_id: r.applicantId,
        component,
        cohort_year: cohortYear,
        value: v === 'absent' ? null : v,
        absent: v === 'absent' ? 1 : 0,
        source: 'import' as const,
        event_id: 'seed',
        updated_at: new Date(0).toISOString(),
      })),
  );
  if (rows.length > 0) await core.db.insertInto('component_scores').values(rows).execute();
}
