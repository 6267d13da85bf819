/**
 * The pure allocation has its own property tests (test/core/admission). This one checks what the service
 * persists, through the API: random plans and applicants, a run, random declines; the stored admitted list
 * never exceeds a quota, holds each applicant once, and nobody ranked higher in a competition lost that
 * seat to someone ranked lower.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useFixedResults, type CandidateResult } from '../../../src/core/admission/deps';
import { ok, setupBase } from '../../helpers/core';

const SPECIALTIES = ['0100', '0200', '0700'];

const scenario = fc.record({
  quotas: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
  people: fc.array(
    fc.record({
      total: fc.integer({ min: 60, max: 63 }),
      interview: fc.integer({ min: 0, max: 1 }),
      choices: fc.array(fc.constantFrom(...SPECIALTIES), { minLength: 1, maxLength: 3 }),
      adjust: fc.boolean(),
    }),
    { minLength: 1, maxLength: 14 },
  ),
  declines: fc.array(fc.nat(), { maxLength: 2 }),
});

describe('admission service, persisted (property)', () => {
  it('never exceeds a quota, never admits twice, never passes over a higher rank', async () => {
    const { core, session } = await setupBase('beijing-2023');
    const results = new Map<string, CandidateResult>();
    useFixedResults(core, results);
    await fc.assert(
      fc.asyncProperty(scenario, async ({ quotas, people, declines }) => {
        for (const t of ['admission_runs', 'admission_decisions', 'admissions', 'applicants', 'plan_rows'] as const) {
          await core.db.deleteFrom(t).execute();
        }
        results.clear();
        const quota = new Map<string, number>();
        for (const [i, q] of quotas.entries()) {
          if (q === 0) continue;
          quota.set(SPECIALTIES[i]!, q);
          await core.db
            .insertInto('plan_rows')
            .values({ cohort_year: 2024, specialty_code: SPECIALTIES[i]!, category: '', quota: q, updated_at: '' })
            .execute();
        }
        if (quota.size === 0) return;
        for (const [i, p] of people.entries()) {
          const id = `p${String(i).padStart(3, '0')}`;
          await core.db
            .insertInto('applicants')
            .values({
              id,
              cohort_year: 2024,
              id_number: `ID${i}`,
              name: `考生${i}`,
              choices_json: JSON.stringify([...new Set(p.choices)]),
              accepts_adjustment: p.adjust ? 1 : 0,
              confirmation_status: 'confirmed',
              id_type: '居民身份证',
              name_initials: '',
              reduction_years: 0,
              rural_oriented: 0,
              extra_json: '{}',
              content_hash: '',
              created_at: '',
              updated_at: '',
            })
            .execute();
          results.set(id, {
            applicantId: id,
            components: { written: p.total * 100, interview: p.interview * 100 },
            total: p.total * 100,
            status: 'complete',
          });
        }
        let view = await ok(core, session, 'admission.run', { skipInvalidChoices: true });
        for (const d of declines) {
          const target = view.admitted[d % Math.max(1, view.admitted.length)];
          if (target !== undefined) view = await ok(core, session, 'admission.decline', { applicantId: target.applicantId });
        }
        const rows = await core.db.selectFrom('admissions').selectAll().execute();
        const per = new Map<string, number>();
        for (const r of rows) {
          per.set(r.specialty_code, (per.get(r.specialty_code) ?? 0) + 1);
          expect(r.over_quota).toBe(0);
        }
        for (const [code, n] of per) expect(n).toBeLessThanOrEqual(quota.get(code) ?? 0);
        expect(new Set(rows.map((r) => r.applicant_id)).size).toBe(rows.length);
        expect(rows.map((r) => r.applicant_id).sort()).toEqual(view.admitted.map((a) => a.applicantId).sort());
        for (const c of await ok(core, session, 'admission.competitions', {})) {
          const worstAdmitted = Math.max(0, ...c.ranked.filter((e) => e.admitted).map((e) => e.rank));
          for (const e of c.ranked) if (!e.admitted && e.rank < worstAdmitted) expect.fail(`${e.applicantId} passed over`);
        }
      }),
      { numRuns: 25, seed: 20240710 },
    );
  });
});
