/**
 * What the admission service needs from other features, carried on the Core (`core.admissionDeps`) so tests
 * and benchmarks can feed examination results directly into one core without touching any other. Unset,
 * the real loader (src/core/scores/results.ts) is used.
 */
import type { Core, Tx } from '../context';
import { loadResults, type CandidateResult } from '../scores/results';

export type { CandidateResult };
export type ResultsLoader = (tx: Tx, cohortYear: number) => Promise<Map<string, CandidateResult>>;

/** The stages of a persisted run, as the benchmark reports where the time goes. */
export type AdmissionPhase = 'load' | 'check' | 'allocate' | 'diff' | 'fingerprint' | 'explain' | 'persist' | 'audit' | 'view';

export type AdmissionDeps = {
  loadResults: ResultsLoader;
  /** Called as each stage starts; the function it returns as the stage ends. Unset in the app: no cost there. */
  onPhase?: (phase: AdmissionPhase) => () => void;
};

export const defaultDeps: AdmissionDeps = { loadResults };

/** The dependencies this core's admission handlers use. */
export function admissionDeps(core: Core): AdmissionDeps {
  return core.admissionDeps ?? defaultDeps;
}

/** Feed this core's admission from a fixed results table instead of the recorded scores. */
export function useFixedResults(core: Core, results: Map<string, CandidateResult>): void {
  core.admissionDeps = { ...admissionDeps(core), loadResults: async () => results };
}

/** Runs one stage, telling whoever listens when it starts and ends. */
export async function phase<T>(deps: AdmissionDeps, name: AdmissionPhase, f: () => T | Promise<T>): Promise<T> {
  if (deps.onPhase === undefined) return f();
  const end = deps.onPhase(name);
  try {
    return await f();
  } finally {
    end();
  }
}
