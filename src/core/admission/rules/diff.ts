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

function ref(a: Admission): AdmissionRef {
  return { specialty: a.specialty, category: a.category, round: a.round, overQuota: a.overQuota === true };
}

function same(x: AdmissionRef, y: AdmissionRef): boolean {
  return x.specialty === y.specialty && x.category === y.category && x.round === y.round && x.overQuota === y.overQuota;
}

/** Each admitted applicant's seat, by id. */
export function admittedRefs(admissions: readonly Admission[]): Map<string, AdmissionRef> {
  return new Map(admissions.map((a) => [a.id, ref(a)]));
}

/** Changes ordered by applicant id. */
export function diffAllocations(before: AllocationResult, after: AllocationResult): AllocationChange[] {
  return diffAdmitted(admittedRefs(before.admissions), after);
}

/** Changes from an admitted list (e.g. the stored one) to a result, ordered by applicant id. */
export function diffAdmitted(b: ReadonlyMap<string, AdmissionRef>, after: AllocationResult): AllocationChange[] {
  const a = admittedRefs(after.admissions);
  const changes: AllocationChange[] = [];
  const dropped = new Map<string, AdmissionRef>();
  for (const [id, x] of b) {
    const y = a.get(id);
    if (y === undefined) dropped.set(id, x);
    else if (!same(x, y)) changes.push({ kind: 'moved', id, before: x, after: y });
  }
  for (const [id, y] of a) if (!b.has(id)) changes.push({ kind: 'admitted', id, after: y });
  // Usually a handful leave the list: only their entries are looked up among the many not admitted.
  if (dropped.size > 0) {
    const why = new Map(after.notAdmitted.filter((n) => dropped.has(n.id)).map((n) => [n.id, n]));
    for (const [id, x] of dropped) {
      const n = why.get(id);
      changes.push({ kind: 'dropped', id, before: x, code: n?.code ?? null, message: n?.message ?? null });
    }
  }
  return changes.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
