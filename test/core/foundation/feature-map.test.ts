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
});
