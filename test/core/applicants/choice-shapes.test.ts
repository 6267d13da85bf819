/** What a 志愿 names and when each round runs, per preset, each with the sentence of its source. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { choiceLabel, choiceRounds, choiceShape } from '../../../src/core/presets';
import { fullChoiceList, ownChoicesByPosition, roundHere, storedChoiceList } from '../../../src/core/applicants/choice-list';

const SEEDS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'seeds');
const squash = (s: string) => s.replace(/\s+/g, '');
const seedText = (() => {
  try {
    return readdirSync(SEEDS)
      .map((f) => squash(readFileSync(join(SEEDS, f), 'utf8')))
      .join('\n');
  } catch {
    return null;
  }
})();

/** The quoted words of a source reference, each found in a seed when the seeds are at hand. */
function expectQuoted(source: string): void {
  const quotes = [...source.matchAll(/“([^”]+)”/g)].map((m) => squash(m[1]!));
  expect(quotes.length).toBeGreaterThan(0);
  if (seedText === null) return;
  for (const q of quotes) expect(seedText.includes(q), q).toBe(true);
}

describe('choice shapes and rounds', () => {
  it('Chongqing 助理全科 names bases, Beijing base + specialty, Jilin a specialty of this base', () => {
    expect(choiceShape('chongqing-2022-agp')).toMatchObject({ parts: 'base', impliedSpecialty: '助理全科' });
    expect(choiceShape('beijing-2023').parts).toBe('base+specialty');
    expect(choiceShape('jilin-2024').parts).toBe('specialty');
    for (const id of ['chongqing-2022-agp', 'beijing-2023', 'jilin-2024']) expectQuoted(choiceShape(id).source);
  });

  it('Chongqing’s rounds carry the seed’s dates: 第一志愿 5月9-10日, 第二志愿 5月12-13日, then 调剂', () => {
    const rounds = choiceRounds('chongqing-2022-agp');
    expect(rounds.map((r) => [r.label, r.dates])).toEqual([
      ['第一志愿', '5月9日—5月10日'],
      ['第二志愿', '5月12日—5月13日'],
      ['调剂', null],
    ]);
    for (const r of rounds) expectQuoted(r.source);
    expect(choiceRounds('jilin-2024')).toEqual([]);
  });

  it('an applicant’s round here is the order of their first own choice; positions stay for the allocation', () => {
    const list = [
      { order: 1, base: '某医院', specialty: null },
      { order: 2, base: null, specialty: 'AGP' },
    ];
    expect(roundHere(list)).toBe(2);
    expect(ownChoicesByPosition(list)).toEqual(['', 'AGP']);
    expect(roundHere(fullChoiceList(['0100'], null))).toBe(1);
    expect(roundHere([{ order: 1, base: '某医院', specialty: null }])).toBeNull();
    expect(choiceLabel(2)).toBe('第二志愿');
  });

  it('a stored list of this base’s choices only reads back as none, and own specialties follow choices_json', () => {
    expect(storedChoiceList(['0100'], JSON.stringify([{ order: 1, base: null, specialty: '0100' }]))).toBeNull();
    const stored = JSON.stringify([
      { order: 1, base: '某医院', specialty: '外科' },
      { order: 2, base: null, specialty: '0100' },
    ]);
    // A plan remap moved 0100 to 0101 in choices_json: the list follows.
    expect(storedChoiceList(['0101'], stored)![1]).toEqual({ order: 2, base: null, specialty: '0101' });
  });
});
