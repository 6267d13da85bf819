/** Generated applicants inserted directly (the applicants service is another issue's); never real people. */
import type { Core } from '../../../src/core/context';
import { createRng, makeIdNumber, makeName } from '../../../src/core/testdata';

export type TestApplicant = { id: string; idNumber: string; name: string; specialty: string; category: string | null };

export async function addApplicants(
  core: Core,
  n: number,
  opts: {
    seed?: number;
    specialties?: string[];
    categories?: Array<string | null>;
    cohortYear?: number;
    /** On-site confirmation; confirmed by default, as only confirmed applicants sit examinations. */
    confirmation?: 'pending' | 'confirmed' | 'returned' | 'rejected';
  } = {},
): Promise<TestApplicant[]> {
  const rng = createRng(opts.seed ?? 7);
  const specialties = opts.specialties ?? ['0100'];
  const categories = opts.categories ?? ['单位人', '社会人'];
  const seen = new Set<string>();
  const out: TestApplicant[] = [];
  const now = new Date(0).toISOString();
  for (let i = 0; i < n; i++) {
    let idNumber = makeIdNumber(rng);
    while (seen.has(idNumber)) idNumber = makeIdNumber(rng);
    seen.add(idNumber);
    const a: TestApplicant = {
      id: `A${String(i + 1).padStart(5, '0')}`,
      idNumber,
      name: makeName(rng),
      specialty: specialties[i % specialties.length]!,
      category: categories[i % categories.length] ?? null,
    };
    out.push(a);
  }
  for (let i = 0; i < out.length; i += 200) {
    await core.db
      .insertInto('applicants')
      .values(
        out.slice(i, i + 200).map((a) => ({
          id: a.id,
          cohort_year: opts.cohortYear ?? 2024,
          id_number: a.idNumber,
          name: a.name,
          category: a.category,
          choices_json: JSON.stringify([a.specialty]),
          confirmation_status: opts.confirmation ?? 'confirmed',
          created_at: now,
          updated_at: now,
        })) as never,
      )
      .execute();
  }
  return out;
}

export type TestScore = { applicantId: string; component: string; value: number | null; absent?: boolean };

/** Scores stored directly (as an import leaves them, cohort 2024), for tests of what reads them. */
export async function storeScores(core: Core, scores: readonly TestScore[]): Promise<void> {
  const now = new Date(0).toISOString();
  for (let i = 0; i < scores.length; i += 200) {
    await core.db
      .insertInto('component_scores')
      .values(
        scores.slice(i, i + 200).map((s) => ({
          applicant_id: s.applicantId,
          component: s.component,
          cohort_year: 2024,
          value: s.value,
          absent: s.absent ? 1 : 0,
          source: 'import' as const,
          event_id: 'test',
          updated_at: now,
        })) as never,
      )
      .execute();
  }
}

export const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
export const file = (fileName: string, bytes: Uint8Array | string) => ({ fileName, contentBase64: b64(bytes) });
