import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { opNames } from '../../../src/shared/contract';

const conventions = readFileSync(join(import.meta.dirname, '../../../docs/CONVENTIONS.md'), 'utf8');

describe('the feature map in docs/CONVENTIONS.md', () => {
  it('names every op namespace of the contract, so a newcomer finds each feature', () => {
    const namespaces = [...new Set(opNames.map((name) => name.split('.')[0]!))];
    const missing = namespaces.filter((ns) => !conventions.includes(`\`${ns}.*\``));
    expect(missing).toEqual([]);
  });

  it('gives each namespace its current number of ops, where it states one', () => {
    const counts = new Map<string, number>();
    for (const name of opNames) {
      const ns = name.split('.')[0]!;
      counts.set(ns, (counts.get(ns) ?? 0) + 1);
    }
    const wrong = [...conventions.matchAll(/`([a-zA-Z]+)\.\*` \((\d+)\)/g)]
      .filter(([, ns, n]) => counts.get(ns!) !== Number(n))
      .map(([, ns, n]) => `${ns}.*: the map says ${n}, the contract has ${counts.get(ns!) ?? 0}`);
    expect(wrong).toEqual([]);
  });
});
