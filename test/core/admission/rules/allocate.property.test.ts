import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  type AllocationResult,
  type Applicant,
  type Decisions,
  type Options,
  type Seats,
} from '../../../../src/core/admission/rules';

const SPECIALTIES = ['0100', '0200', '0700', '0900', '2000'];
const CATEGORIES = ['委托培训', '自主培训'];

/** A random plan: each specialty absent, unsplit, or split by category; quotas 0..4. */
const planArb: fc.Arbitrary<Seats[]> = fc
  .tuple(
    ...SPECIALTIES.map(() =>
      fc.tuple(fc.constantFrom('absent', 'unsplit', 'split'), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })),
    ),
  )
  .map((rows) =>
    rows.flatMap(([kind, q1, q2], i): Seats[] => {
      const specialty = SPECIALTIES[i]!;
      if (kind === 'absent') return [];
      if (kind === 'unsplit') return [{ specialty, category: null, quota: q1 }];
      return [
        { specialty, category: CATEGORIES[0]!, quota: q1 },
        { specialty, category: CATEGORIES[1]!, quota: q2 },
      ];
    }),
  );

const choiceArb = fc.constantFrom(...SPECIALTIES, '9999');

/** Few distinct totals and components so ties are common. */
const applicantArb = (id: string): fc.Arbitrary<Applicant> =>
  fc
    .record({
      total: fc.integer({ min: 60, max: 62 }),
      interview: fc.integer({ min: 0, max: 1 }),
      written: fc.integer({ min: 0, max: 1 }),
      category: fc.constantFrom<string | null>(null, ...CATEGORIES),
      choices: fc.array(choiceArb, { minLength: 0, maxLength: 4 }),
      acceptsAdjustment: fc.boolean(),
      ineligible: fc.integer({ min: 0, max: 9 }), // 1 in 10 ineligible
    })
    .map((r) => ({
      id,
      category: r.category,
      total: r.total * 100,
      components: { interview: r.interview * 100, written: r.written * 100 },
      choices: r.choices,
      acceptsAdjustment: r.acceptsAdjustment,
      eligible: r.ineligible !== 0,
    }));

const scenarioArb = fc
  .tuple(planArb, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 3 }), fc.boolean())
  .chain(([seats, n, rounds, withSecond]) =>
    fc.record({
      seats: fc.constant(seats),
      applicants: fc
        .tuple(...Array.from({ length: n }, (_, i) => applicantArb(`P${String(i).padStart(3, '0')}`)))
        .map((a) => a as Applicant[]),
      rounds: fc.constant(rounds),
      declinedMask: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      second: withSecond ? fc.array(fc.array(choiceArb, { maxLength: 2 }), { minLength: n, maxLength: n }) : fc.constant(null),
      stage: fc.constantFrom<'before-adjustment' | 'after-adjustment'>('before-adjustment', 'after-adjustment'),
      shuffleSeed: fc.integer(),
      // Half of the scenarios squash scores to two standings so that ties at the last seat are frequent.
      flat: fc.boolean(),
    }),
  )
  .map((s) => {
    if (s.flat) s.applicants = s.applicants.map((a) => ({ ...a, total: a.total >= 6100 ? 6100 : 6000, components: {} }));
    const declined = s.applicants.filter((_, i) => s.declinedMask[i] && i % 4 === 0).map((a) => a.id);
    const options: Options = { rounds: s.rounds, tieBreaks: ['interview', 'written'] };
    if (s.second !== null) {
      const choices: Record<string, string[]> = {};
      s.second.forEach((c, i) => {
        if (c.length > 0) choices[s.applicants[i]!.id] = c;
      });
      options.secondWindow = { choices, stage: s.stage };
    }
    return {
      seats: s.seats,
      applicants: s.applicants,
      decisions: { declined } as Decisions,
      options,
      shuffleSeed: s.shuffleSeed,
    };
  });

function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let x = seed | 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const j = Math.abs(x) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const rowKey = (specialty: string, category: string | null) => `${specialty}|${category ?? ''}`;

/** The invariants every allocation must satisfy. Returns a description of the first violation. */
function violations(seats: Seats[], applicants: Applicant[], decisions: Decisions, r: AllocationResult): string | null {
  const quota = new Map(seats.map((s) => [rowKey(s.specialty, s.category), s.quota]));
  const within = new Map<string, number>();
  const seen = new Set<string>();
  const byId = new Map(applicants.map((a) => [a.id, a]));
  const declined = new Set(decisions.declined ?? []);
  for (const a of r.admissions) {
    if (seen.has(a.id)) return `admitted twice: ${a.id}`;
    seen.add(a.id);
    const app = byId.get(a.id)!;
    if (!app.eligible || declined.has(a.id)) return `ineligible or declined admitted: ${a.id}`;
    const k = rowKey(a.specialty, a.category);
    if (!quota.has(k)) return `admitted outside the plan: ${a.id} ${k}`;
    if (a.category !== null && a.category !== app.category) return `wrong category: ${a.id}`;
    if (a.overQuota !== true) within.set(k, (within.get(k) ?? 0) + 1);
  }
  for (const [k, n] of within) if (n > quota.get(k)!) return `quota exceeded: ${k} ${n} > ${quota.get(k)}`;
  const listed = new Set([...r.admissions.map((a) => a.id), ...r.notAdmitted.map((n) => n.id)]);
  if (listed.size !== applicants.length || r.admissions.length + r.notAdmitted.length !== applicants.length)
    return 'applicants not accounted for exactly once';
  for (const c of r.explanation) {
    const admittedRanks = c.ranked.filter((x) => x.admitted).map((x) => x.rank);
    const worstAdmitted = Math.max(...admittedRanks, 0);
    if (c.ranked.some((x) => !x.admitted && x.rank < worstAdmitted))
      return `merit violated in ${c.round} ${c.specialty} ${c.category}`;
    if (
      c.ranked.filter((x) => x.admitted && r.admissions.find((a) => a.id === x.id)?.overQuota !== true).length > c.seatsBefore
    ) {
      return `competition admitted more than its seats: ${c.round} ${c.specialty}`;
    }
    // No wasted seat: someone lost while seats were left, only when the boundary is an open tie.
    const openTie = r.ties.some((t) => t.round === c.round && t.specialty === c.specialty && t.category === c.category);
    if (c.ranked.some((x) => !x.admitted) && c.ranked.filter((x) => x.admitted).length < c.seatsBefore && !openTie) {
      return `seat wasted in ${c.round} ${c.specialty} ${c.category}`;
    }
  }
  for (const t of r.ties) if (t.ids.length <= t.seatsLeft) return 'a tie that fits is not a tie';
  return null;
}

/** Resolve every open tie (admit the first seatsLeft ids, or all of them with approval), re-run. */
function resolveAll(
  seats: Seats[],
  applicants: Applicant[],
  decisions: Decisions,
  options: Options,
  overflow: boolean,
): AllocationResult {
  let d = decisions;
  let r = allocate(seats, applicants, d, options);
  for (let guard = 0; r.ties.length > 0 && guard < 50; guard++) {
    d = {
      ...d,
      tieResolutions: [
        ...(d.tieResolutions ?? []),
        ...r.ties.map((t) => ({
          round: t.round,
          specialty: t.specialty,
          category: t.category,
          tiedIds: t.ids,
          admit: overflow ? t.ids : t.ids.slice(0, t.seatsLeft),
          overflowApproved: overflow,
          reason: '测试',
        })),
      ],
    };
    r = allocate(seats, applicants, d, options);
  }
  expect(r.ties).toEqual([]);
  expect(r.decisionErrors).toEqual([]);
  return r;
}

const RUNS = { seed: 20240801, numRuns: 300 };

describe('allocate: properties', () => {
  it('never exceeds quotas, admits nobody twice, and never lets a lower rank take a seat from a higher one', () => {
    fc.assert(
      fc.property(scenarioArb, ({ seats, applicants, decisions, options }) => {
        const r = allocate(seats, applicants, decisions, options);
        expect(violations(seats, applicants, decisions, r)).toBeNull();
      }),
      RUNS,
    );
  });

  it('is deterministic and independent of input order', () => {
    fc.assert(
      fc.property(scenarioArb, ({ seats, applicants, decisions, options, shuffleSeed }) => {
        const r = allocate(seats, applicants, decisions, options);
        expect(allocate(seats, applicants, decisions, options)).toEqual(r);
        const shuffled = allocate(
          shuffle(seats, shuffleSeed),
          shuffle(applicants, shuffleSeed + 1),
          { declined: shuffle(decisions.declined ?? [], shuffleSeed + 2) },
          options,
        );
        expect(shuffled).toEqual(r);
      }),
      RUNS,
    );
  });

  it('after every tie is resolved, the invariants still hold (over-quota only with approval)', () => {
    fc.assert(
      fc.property(scenarioArb, fc.boolean(), ({ seats, applicants, decisions, options }, overflow) => {
        const r = resolveAll(seats, applicants, decisions, options, overflow);
        expect(violations(seats, applicants, decisions, r)).toBeNull();
        if (!overflow) expect(r.admissions.some((a) => a.overQuota)).toBe(false);
      }),
      RUNS,
    );
  });

  it('proposals never exceed the seats left and only go to pending applicants who accept 调剂', () => {
    fc.assert(
      fc.property(scenarioArb, ({ seats, applicants, decisions, options }) => {
        const r = allocate(seats, applicants, decisions, options);
        const left = new Map(r.unfilled.map((s) => [rowKey(s.specialty, s.category), s.quota]));
        const byId = new Map(applicants.map((a) => [a.id, a]));
        const noSeat = new Set(r.notAdmitted.filter((n) => n.code === 'NO_SEAT').map((n) => n.id));
        for (const p of r.proposals) {
          const k = rowKey(p.specialty, p.category);
          left.set(k, (left.get(k) ?? 0) - 1);
          expect(noSeat.has(p.id) && byId.get(p.id)!.acceptsAdjustment).toBe(true);
        }
        for (const n of left.values()) expect(n).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });
});
