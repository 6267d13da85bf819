import { describe, expect, it } from 'vitest';
import { useKeyProtector, keyProtectorOf, passphraseProtector } from '../../../src/core/outbox/key-protector';
import { err, freshCore, ok, setupBase } from '../../helpers/core';
import { csvFile, registry } from '../trainees/helpers';
import { importRoster, roster } from '../applicants/helpers';

// A JSON column that no longer parses, or parses to the wrong shape, is named in a coded error; the stored value
// is left as it was so a backup or the database check can still recover it.
describe('stored JSON columns are parsed, not cast', () => {
  it('a damaged base.programs makes base.get fail with STORED_JSON_INVALID, and the value stays as it was', async () => {
    const { core, session } = await setupBase();
    core.raw.prepare(`UPDATE base SET programs = '["residency"'`).run();
    const e = await err(core, session, 'base.get');
    expect(e).toMatchObject({ code: 'STORED_JSON_INVALID', details: { where: 'base.programs' } });
    expect(core.raw.prepare('SELECT programs FROM base').pluck().get()).toBe('["residency"');
  });

  it('a must-serve list of the wrong shape makes trainees.get fail with STORED_JSON_INVALID', async () => {
    const { core, session } = await setupBase();
    await ok(core, session, 'trainees.commitImport', csvFile(registry(2, 5)));
    const id = core.raw.prepare('SELECT id FROM trainees ORDER BY id LIMIT 1').pluck().get() as string;
    core.raw.prepare(`UPDATE trainees SET must_serve_json = '[{"department":"内科"}]' WHERE id = ?`).run(id);
    const e = await err(core, session, 'trainees.get', { id });
    expect(e).toMatchObject({ code: 'STORED_JSON_INVALID', details: { where: 'trainees.must_serve_json' } });
  });

  it('an applicant whose stored choices are not a list of codes makes applicants.list fail with STORED_JSON_INVALID', async () => {
    const { core, session } = await setupBase();
    await importRoster(core, session, roster(2));
    core.raw
      .prepare(`UPDATE applicants SET choices_json = '{"first":"0100"}' WHERE rowid = (SELECT min(rowid) FROM applicants)`)
      .run();
    const e = await err(core, session, 'applicants.list', {});
    expect(e).toMatchObject({ code: 'STORED_JSON_INVALID', details: { where: 'applicants.choices_json' } });
  });
});

describe('per-process state lives on the core', () => {
  it('each core carries its own key protector; a new core has none', async () => {
    const a = await freshCore();
    const b = await freshCore();
    expect(a.keyProtector).toBeNull();
    const protector = passphraseProtector(() => '测试口令 每个核心各自一份');
    useKeyProtector(a, protector);
    expect(a.keyProtector).toBe(protector);
    expect(keyProtectorOf(a, {})).toBe(protector);
    expect(keyProtectorOf(b, {})).toBeNull();
  });
});
