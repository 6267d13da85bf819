import { describe, expect, it } from 'vitest';
import { settledTies, type DecidedTie } from '../../../../src/core/scores/rules';

const tie = (rank: number, ...ids: string[]) => ({ rank, ids });
const decided = (over: Partial<DecidedTie<string>> = {}): DecidedTie<string> => ({
  specialty: '0100',
  admit: ['b'],
  tiedIds: ['a', 'b'],
  decision: 'd1',
  ...over,
});
const everyone = () => true;

describe('settledTies: which open ranking ties an admission decision settles', () => {
  it('settles the tie holding exactly the decision’s tied people, each marked admitted or not', () => {
    const m = settledTies('0100', [tie(2, 'a', 'b')], [decided()], everyone);
    expect([...m.entries()]).toEqual([
      ['a', { admitted: false, decision: 'd1' }],
      ['b', { admitted: true, decision: 'd1' }],
    ]);
  });

  it('ignores tied people who could not compete for the seat (not confirmed)', () => {
    const m = settledTies('0100', [tie(2, 'a', 'b', 'x')], [decided()], (id) => id !== 'x');
    expect(m.get('x')).toEqual({ admitted: false, decision: 'd1' });
    expect(m.size).toBe(3);
  });

  it('leaves the tie open when its competing members differ from the decision’s (a score changed since)', () => {
    expect(settledTies('0100', [tie(2, 'a', 'b', 'c')], [decided()], everyone).size).toBe(0);
    expect(settledTies('0100', [tie(2, 'a', 'c')], [decided()], everyone).size).toBe(0);
  });

  it('only for the same specialty; a decision recorded without its tied list settles a tie holding all it admitted', () => {
    expect(settledTies('0200', [tie(2, 'a', 'b')], [decided()], everyone).size).toBe(0);
    const old: DecidedTie<string> = { specialty: '0100', admit: ['a'], decision: 'd1' };
    expect(settledTies('0100', [tie(1, 'a', 'b')], [old], everyone).get('a')).toEqual({ admitted: true, decision: 'd1' });
  });
});
