/**
 * Reading a stored allocation run (admission_runs.result_json and changes_json) against its shape instead of
 * casting it: a damaged row fails with STORED_JSON_INVALID naming the column, not with a TypeError in a view.
 * Every field the views, the diff and the exports read is checked. Entries keep any further fields they
 * were stored with.
 */
import { z } from 'zod';
import type { Admission, AllocationChange, CompetitionEntry, NotAdmitted } from './rules';
import type { StoredRun } from './compute';
import { parseJsonAs } from '../util/json';
import { PACKED_FORMAT, unpackLists } from './packed-run';
import { PACKED_FORMAT_V2, unpackListsV2 } from './packed-run-v2';

const ROUNDS = ['choice-1', 'choice-2', 'choice-3', 'adjustment', 'second-1', 'second-2'] as const;
const round = z.enum(ROUNDS);
const category = z.string().nullable();

const NOT_ADMITTED_CODES = ['INELIGIBLE', 'DECLINED', 'NO_SEAT', 'AWAITING_TIE'] as const;
const notAdmittedCode = z.enum(NOT_ADMITTED_CODES);

/*
 * The long lists (one entry per applicant, admission and competition entry: 60,000 and more for 20,000
 * applicants) are checked by hand-written predicates: a schema library walking them cost more than
 * JSON.parse itself.
 */
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optional = (v: unknown, type: string) => v === undefined || typeof v === type;

const notAdmitted = z.custom<NotAdmitted>(
  (v) =>
    isRecord(v) &&
    typeof v.id === 'string' &&
    (NOT_ADMITTED_CODES as readonly unknown[]).includes(v.code) &&
    typeof v.message === 'string',
);

const entry = z.custom<CompetitionEntry>(
  (v) =>
    isRecord(v) &&
    typeof v.id === 'string' &&
    typeof v.total === 'number' &&
    typeof v.rank === 'number' &&
    typeof v.admitted === 'boolean' &&
    optional(v.tied, 'boolean'),
);

const ROUND_SET: ReadonlySet<unknown> = new Set(ROUNDS);
const optionalString = (v: unknown) => v === undefined || typeof v === 'string';

/** An admission as stored; the object is kept as it was read (with any further fields). */
const isAdmission = (v: unknown): v is Admission =>
  isRecord(v) &&
  typeof v.id === 'string' &&
  typeof v.specialty === 'string' &&
  (v.category === null || typeof v.category === 'string') &&
  ROUND_SET.has(v.round) &&
  typeof v.rank === 'number' &&
  optional(v.overQuota, 'boolean') &&
  optionalString(v.reason) &&
  optionalString(v.overQuotaReason) &&
  (v.assignedBy === undefined || v.assignedBy === 'province' || v.assignedBy === 'city');
const admission = z.custom<Admission>(isAdmission);

const totals = z.custom<Record<string, number | null>>(
  (v) => isRecord(v) && Object.values(v).every((t) => t === null || typeof t === 'number'),
);

const seats = z.looseObject({ specialty: z.string(), category, quota: z.number() });

const competition = z.looseObject({
  round,
  specialty: z.string(),
  category,
  seatsBefore: z.number(),
  heldForTie: z.boolean().optional(),
  priorityCategory: z.string().optional(),
  ranked: z.array(entry),
});

const openTie = z.looseObject({
  round,
  specialty: z.string(),
  category,
  seatsLeft: z.number(),
  ids: z.array(z.string()),
  total: z.number(),
  rank: z.number(),
});

const proposal = z.looseObject({ id: z.string(), specialty: z.string(), category, order: z.number() });

const message = z.looseObject({ code: z.string(), message: z.string(), id: z.string().optional() });

const storedRun = z.looseObject({
  result: z.looseObject({
    admissions: z.array(admission),
    notAdmitted: z.array(notAdmitted),
    unfilled: z.array(seats),
    ties: z.array(openTie),
    proposals: z.array(proposal),
    explanation: z.array(competition),
    warnings: z.array(message),
    decisionErrors: z.array(message.extend({ kind: z.enum(['tieResolution', 'manualAdjustment']) })),
    provisional: z.boolean(),
  }),
  totals,
  ineligible: z.record(z.string(), z.string()),
  planSeats: z.number(),
  poolSeats: z.number(),
  roundLimit: z.number().nullable(),
  secondWindowChoices: z.number().nullable().optional(),
});

const ref = z.object({ specialty: z.string(), category, round, overQuota: z.boolean() });

const change = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('admitted'), id: z.string(), after: ref }),
  z.object({
    kind: z.literal('dropped'),
    id: z.string(),
    before: ref,
    code: notAdmittedCode.nullable(),
    message: z.string().nullable(),
  }),
  z.object({ kind: z.literal('moved'), id: z.string(), before: ref, after: ref }),
]);

const array = z.custom<unknown[]>((v) => Array.isArray(v));

/** Whether a value is a compact run of this format: checked first, so a run of another form skips its schema. */
const ofFormat = (format: number) => z.custom<Record<string, unknown>>((v) => isRecord(v) && v.format === format);

const damaged = (ctx: z.RefinementCtx) => {
  ctx.addIssue({ code: 'custom', message: 'packed lists do not fit the run' });
  return z.NEVER;
};

/**
 * The compact form (packed-run.ts): the rest of the run checked as above, the packed lists entry by entry,
 * and each admission rebuilt with further fields checked like a plain one.
 */
const packedRun = ofFormat(PACKED_FORMAT).pipe(
  z.looseObject({ run: storedRun }).transform((p, ctx) => {
    const run = unpackLists(p as unknown as Parameters<typeof unpackLists>[0], p.run as StoredRun);
    return run !== null && run.result.admissions.every(isAdmission) ? run : damaged(ctx);
  }),
);

/** The earlier compact form (packed-run-v2.ts), as runs saved by earlier versions hold it. */
const packedRunV2 = ofFormat(PACKED_FORMAT_V2).pipe(
  z
    .looseObject({ totals: array, messages: array, notAdmitted: array, ranked: array, run: storedRun })
    .transform((p, ctx) => unpackListsV2(p, p.run as StoredRun) ?? damaged(ctx)),
);

/** Any form a run may be stored in: the compact ones, or the plain one the first versions wrote. */
const anyStoredRun = z.union([packedRun, packedRunV2, storedRun]);

/** A run's full stored result. The schema mirrors StoredRun field by field (warning and error codes as strings). */
export function parseStoredRun(json: string): StoredRun {
  return parseJsonAs(anyStoredRun, json, 'admission_runs.result_json') as StoredRun;
}

/** What changed compared with the run before it. */
export function parseStoredChanges(json: string): AllocationChange[] {
  return parseJsonAs(z.array(change), json, 'admission_runs.changes_json');
}
