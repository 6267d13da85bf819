/**
 * What the admission service needs from other features, injected so tests can feed examination results
 * directly. The default is the real loader (src/core/scores/results.ts).
 */
import type { Tx } from '../context';
import { loadResults, type CandidateResult } from '../scores/results';

export type { CandidateResult };
export type ResultsLoader = (tx: Tx, cohortYear: number) => Promise<Map<string, CandidateResult>>;

export type AdmissionDeps = { loadResults: ResultsLoader };

export const defaultDeps: AdmissionDeps = { loadResults };

let current: AdmissionDeps = defaultDeps;

/** The dependencies handlers use. */
export function admissionDeps(): AdmissionDeps {
  return current;
}

/** Tests (and the in-process CLI tests) swap the results source; returns a function restoring the previous one. */
export function setAdmissionDeps(deps: Partial<AdmissionDeps>): () => void {
  const prev = current;
  current = { ...current, ...deps };
  return () => {
    current = prev;
  };
}
