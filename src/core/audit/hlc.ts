import type { Clock } from '../util/clock';

/**
 * Hybrid logical clock (Kulkarni et al.): a timestamp that never goes backwards on one station even when
 * the laptop's wall clock does, and that moves past any timestamp received from another station.
 * Encoded as a fixed-width string so lexical order equals causal-then-physical order:
 *   <15-digit ms>-<4-hex counter>-<station id>
 */
export type HlcState = { ms: number; counter: number };

const MAX_COUNTER = 0xffff;

export function encodeHlc(s: HlcState, stationId: string): string {
  return `${String(s.ms).padStart(15, '0')}-${s.counter.toString(16).padStart(4, '0')}-${stationId}`;
}

export function decodeHlc(text: string): HlcState & { stationId: string } {
  const m = /^(\d{15})-([0-9a-f]{4})-(.+)$/.exec(text);
  if (!m) throw new Error(`bad HLC timestamp: ${text}`);
  return { ms: Number(m[1]), counter: parseInt(m[2]!, 16), stationId: m[3]! };
}

export class Hlc {
  private state: HlcState;

  constructor(
    private readonly stationId: string,
    private readonly clock: Clock,
    initial: HlcState = { ms: 0, counter: 0 },
  ) {
    this.state = { ...initial };
  }

  /** A timestamp for a local event. */
  now(): string {
    const wall = this.clock.nowMs();
    if (wall > this.state.ms) this.state = { ms: wall, counter: 0 };
    else this.bump();
    return encodeHlc(this.state, this.stationId);
  }

  /** Merge a timestamp received from another station, so our next event sorts after it. */
  receive(remote: string): void {
    const r = decodeHlc(remote);
    const wall = this.clock.nowMs();
    const ms = Math.max(wall, this.state.ms, r.ms);
    let counter = 0;
    if (ms === this.state.ms && ms === r.ms) counter = Math.max(this.state.counter, r.counter) + 1;
    else if (ms === this.state.ms) counter = this.state.counter + 1;
    else if (ms === r.ms) counter = r.counter + 1;
    this.state = { ms, counter };
    if (counter > MAX_COUNTER) this.state = { ms: ms + 1, counter: 0 };
  }

  snapshot(): HlcState {
    return { ...this.state };
  }

  /** How far our logical time runs ahead of the wall clock, in ms: shown to people when it grows. */
  skewMs(): number {
    return Math.max(0, this.state.ms - this.clock.nowMs());
  }

  private bump(): void {
    if (this.state.counter >= MAX_COUNTER) this.state = { ms: this.state.ms + 1, counter: 0 };
    else this.state = { ms: this.state.ms, counter: this.state.counter + 1 };
  }
}
