/**
 * What changed between two allocation runs (e.g. before and after a decline, or after a tie was decided),
 * per applicant. Rank shifts inside the same admission are not reported: after a decline everyone below
 * moves up one place, which is noise; what matters is who is in, who is out, and who moved where.
 */
import type { Admission, AllocationResult, AllocationRound, NotAdmittedCode } from './types';

export type AdmissionRef = { specialty: string; category: string | null; round: AllocationRound; overQuota: boolean };

export type AllocationChange =
  | { kind: 'admitted'; id: string; after: AdmissionRef }
  | {
      kind: 'dropped';
      id: string;
      before: AdmissionRef;
      /** why not admitted now (null if no longer listed) */ code: NotAdmittedCode | null;
      message: string | null;
    }
  | { kind: 'moved'; id: string; before: AdmissionRef; after: AdmissionRef };

/**
 * One admitted applicant's seat as the admissions table holds it: the category '' for none, over-quota as
 * 1 or 0. A run's previous list is read in this form: 5,000 seats compared field by field, without an
 * object per seat on either side.
 */
export type AdmittedSeat = readonly [id: string, specialty: string, category: string, round: AllocationRound, overQuota: number];

function ref(a: Admission): AdmissionRef {
  return { specialty: a.specialty, category: a.category, round: a.round, overQuota: a.overQuota === true };
}

function seatRef(s: AdmittedSeat): AdmissionRef {
  return { specialty: s[1], category: s[2] === '' ? null : s[2], round: s[3], overQuota: s[4] === 1 };
}

function sameSeat(s: AdmittedSeat, a: Admission): boolean {
  return (
    s[1] === a.specialty &&
    (s[2] === '' ? null : s[2]) === a.category &&
    s[3] === a.round &&
    (s[4] === 1) === (a.overQuota === true)
  );
}

/** Each admission's seat, in the form of the admissions table. */
export function admittedSeats(admissions: readonly Admission[]): AdmittedSeat[] {
  return admissions.map((a) => [a.id, a.specialty, a.category ?? '', a.round, a.overQuota === true ? 1 : 0]);
}

/** Changes ordered by applicant id. */
export function diffAllocations(before: AllocationResult, after: AllocationResult): AllocationChange[] {
  return diffAdmitted(admittedSeats(before.admissions), after);
}

/** Changes from an admitted list (e.g. the stored one) to a result, ordered by applicant id. */
export function diffAdmitted(before: readonly AdmittedSeat[], after: AllocationResult): AllocationChange[] {
  // Seats not yet matched by an admission of the result: what is left at the end was dropped.
  const open = new Map<string, AdmittedSeat>();
  for (const s of before) open.set(s[0], s);
  const changes: AllocationChange[] = [];
  for (const a of after.admissions) {
    const s = open.get(a.id);
    if (s === undefined) {
      changes.push({ kind: 'admitted', id: a.id, after: ref(a) });
      continue;
    }
    open.delete(a.id);
    if (!sameSeat(s, a)) changes.push({ kind: 'moved', id: a.id, before: seatRef(s), after: ref(a) });
  }
  // Usually a handful leave the list: only their entries are looked up among the many not admitted.
  if (open.size > 0) {
    const why = new Map(after.notAdmitted.filter((n) => open.has(n.id)).map((n) => [n.id, n]));
    for (const [id, s] of open) {
      const n = why.get(id);
      changes.push({ kind: 'dropped', id, before: seatRef(s), code: n?.code ?? null, message: n?.message ?? null });
    }
  }
  return changes.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
