import { describe, expect, it } from 'vitest';
import { groupOf, handlerOf } from '../../../src/core/api/handlers';
import { opNames } from '../../../src/shared/contract';
import { err, setupBase } from '../../helpers/core';

describe('handlers are loaded per feature on first use', () => {
  it('every op in the contract finds its handler through its namespace', async () => {
    const missing: string[] = [];
    for (const name of opNames) {
      const handler = await handlerOf(name).catch(() => undefined);
      if (typeof handler !== 'function') missing.push(`${name} (group ${groupOf(name)})`);
    }
    expect(missing).toEqual([]);
  });

  it('an op name outside the contract is still refused before anything is loaded', async () => {
    const { core, session } = await setupBase();
    expect((await err(core, session, 'nosuch.op')).code).toBe('UNKNOWN_OP');
  });
});
