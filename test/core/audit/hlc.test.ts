import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Hlc, decodeHlc } from '../../../src/core/audit/hlc';
import { uuidv7 } from '../../../src/core/util/uuid7';

describe('hybrid logical clock', () => {
  it('stays strictly increasing when the wall clock stutters or goes backwards', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5000, max: 5000 }), { minLength: 1, maxLength: 200 }), (steps) => {
        let wall = 1_700_000_000_000;
        const hlc = new Hlc('station-a', { nowMs: () => wall });
        let prev = '';
        for (const s of steps) {
          wall += s;
          const t = hlc.now();
          expect(t > prev).toBe(true);
          prev = t;
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('moves past a timestamp received from a laptop whose clock runs ahead, and reports the skew', () => {
    let wall = 1_700_000_000_000;
    const local = new Hlc('a', { nowMs: () => wall });
    const remote = new Hlc('b', { nowMs: () => wall + 3_600_000 });
    const theirs = remote.now();
    local.receive(theirs);
    const ours = local.now();
    expect(decodeHlc(ours).ms).toBeGreaterThanOrEqual(decodeHlc(theirs).ms);
    expect(ours.slice(0, 20) > theirs.slice(0, 20)).toBe(true);
    expect(local.skewMs()).toBeGreaterThanOrEqual(3_599_000);
    wall += 10;
    expect(local.now() > ours).toBe(true);
  });

  it('resumes after a restart from the persisted state without reissuing a timestamp', () => {
    const wall = 1_700_000_000_000;
    const first = new Hlc('a', { nowMs: () => wall });
    const t1 = first.now();
    const restarted = new Hlc('a', { nowMs: () => wall - 60_000 }, decodeHlc(t1));
    expect(restarted.now() > t1).toBe(true);
  });
});

describe('uuid v7', () => {
  it('is a version-7 RFC 9562 id whose prefix orders by time', () => {
    const a = uuidv7(1_700_000_000_000);
    const b = uuidv7(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });
});
