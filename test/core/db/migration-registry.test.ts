import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, loadMigrations, migrations } from '../../../src/core/db/migrations';

describe('the migration registry', () => {
  it('lists one migration per version, numbered in order', () => {
    expect(migrations.map((m) => Number(m.name.slice(0, 4)))).toEqual(migrations.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.length);
  });

  it('loads the migrations of a version range on demand, in order', async () => {
    const all = await loadMigrations(0, LATEST_SCHEMA_VERSION);
    expect(all).toHaveLength(LATEST_SCHEMA_VERSION);
    for (const up of all) expect(typeof up).toBe('function');
    const tail = await loadMigrations(LATEST_SCHEMA_VERSION - 2, LATEST_SCHEMA_VERSION);
    expect(tail).toEqual(all.slice(-2));
    expect(await loadMigrations(LATEST_SCHEMA_VERSION, LATEST_SCHEMA_VERSION)).toEqual([]);
  });
});
