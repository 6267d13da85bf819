/**
 * How far a package build has got, for a screen that polls while the build call is still running (IPC and
 * HTTP both answer other calls meanwhile). Honest figures only: the stage the build is in, and the bytes of
 * the bag written so far against the payload's size (the bag adds its manifests and signature on top).
 * In memory, per open core: a build that ends (or fails) is forgotten after its last poll window.
 */
import type { BuildProgress, BuildStage } from '../../shared/contract/outbox';
import type { Core } from '../context';

const KEEP_FINISHED_MS = 60_000;
const MAX_TRACKED = 50;

type Entry = BuildProgress & { finishedAtMs: number | null };

/** The builds being tracked, by progress id; one map per open core (`core.buildProgress`). */
export type BuildProgressEntries = Map<string, Entry>;

function forgetOld(core: Core, m: Map<string, Entry>): void {
  const now = core.clock.nowMs();
  for (const [id, e] of m) if (e.finishedAtMs !== null && now - e.finishedAtMs > KEEP_FINISHED_MS) m.delete(id);
  while (m.size > MAX_TRACKED) m.delete(m.keys().next().value!);
}

export type ProgressReporter = {
  stage(stage: BuildStage): void;
  written(writtenBytes: number, payloadBytes: number): void;
  finish(ok: boolean): void;
};

const NOOP: ProgressReporter = { stage: () => {}, written: () => {}, finish: () => {} };

/** A reporter for the build the screen named `progressId`; without an id, one that records nothing. */
export function trackBuild(core: Core, progressId: string | undefined): ProgressReporter {
  if (!progressId) return NOOP;
  const m = core.buildProgress;
  forgetOld(core, m);
  const e: Entry = { stage: 'preparing', writtenBytes: 0, payloadBytes: null, finishedAtMs: null };
  m.set(progressId, e);
  return {
    stage: (stage) => void (e.stage = stage),
    written: (writtenBytes, payloadBytes) => {
      e.stage = 'writing';
      e.writtenBytes = writtenBytes;
      e.payloadBytes = payloadBytes;
    },
    finish: (ok) => {
      e.stage = ok ? 'done' : 'failed';
      e.finishedAtMs = core.clock.nowMs();
    },
  };
}

export function buildProgress(core: Core, progressId: string): BuildProgress | null {
  const e = core.buildProgress.get(progressId);
  return e ? { stage: e.stage, writtenBytes: e.writtenBytes, payloadBytes: e.payloadBytes } : null;
}
