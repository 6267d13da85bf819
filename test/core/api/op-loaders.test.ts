import { describe, expect, it } from 'vitest';
import { contract, opNames } from '../../../src/shared/contract';
import { opDefOf } from '../../../src/shared/contract/op-loaders';

describe('the contract loaded per op namespace', () => {
  it('finds every op of the full contract, as the same definition', async () => {
    const differing: string[] = [];
    for (const name of opNames) {
      if ((await opDefOf(name)) !== contract[name]) differing.push(name);
    }
    expect(differing).toEqual([]);
  });

  it('knows no op the contract lacks, whatever the name looks like', async () => {
    const names = [
      'nosuch.op',
      'users.dropEverything',
      'system',
      '.status',
      'system.',
      'toString',
      'constructor.name',
      '__proto__.x',
      'system.constructor',
      'system.__proto__',
      'system.hasOwnProperty',
    ];
    for (const name of names) expect(await opDefOf(name), name).toBeUndefined();
  });
});
