import { describe, expect, it } from 'vitest';
import { eventHash, type StoredEvent } from '../../../src/core/audit/events';
import { flatEventHash } from '../../../src/core/audit/flat-event-hash';
import { createRng } from '../../../src/core/testdata';

type Hashed = Omit<StoredEvent, 'hash'>;

const base: Hashed = {
  id: '01900000-0000-7000-8000-000000000001',
  station_id: '01900000-0000-7000-8000-00000000000a',
  seq: 1,
  hlc: '000001720000000-0000-01900000-0000-7000-8000-00000000000a',
  actor: 'admin',
  action: 'interview.mark',
  entity: 'interview_mark',
  entity_id: 'm1',
  before_json: null,
  after_json: '{"value":2000}',
  reason: null,
  schema_version: 1,
  prev_hash: '0'.repeat(64),
};

/** Strings a JSON writer must escape or encode with care: quotes, backslashes, controls, CJK, lone surrogates. */
const AWKWARD = ['', '"', '\\', '\n\t\u0000\u001f', '吉林大学第一医院', '😀', '\ud800', '</script>', '\u2028'];

describe('flatEventHash', () => {
  it('equals eventHash for flat events, whatever their strings and numbers hold', () => {
    const rng = createRng(42);
    const keys = Object.keys(base) as Array<keyof Hashed>;
    for (let i = 0; i < 300; i++) {
      const e: Record<string, unknown> = { ...base };
      for (const k of keys) {
        const pick = rng.int(0, 5);
        if (pick === 0) e[k] = null;
        else if (pick === 1) e[k] = AWKWARD[rng.int(0, AWKWARD.length - 1)]! + String(i);
        else if (pick === 2) e[k] = [0, -0, 1.5, -3, 1e21, 2 ** 53 + 2, 5e-7][rng.int(0, 6)];
      }
      expect(flatEventHash(e as Hashed)).toBe(eventHash(e as Hashed));
    }
  });

  it('takes eventHash itself for a field that is not flat (a hostile file may put an object there)', () => {
    const e = { ...base, reason: { nested: ['x', 1] } } as unknown as Hashed;
    expect(flatEventHash(e)).toBe(eventHash(e));
    expect(() => flatEventHash({ ...base, seq: Number.NaN })).toThrow();
  });
});
