/**
 * What a stored run is read back as: a damaged row fails with a coded error naming its column, and what a
 * re-run reports as changed is the same whether the previous admitted list comes from the admissions table
 * or, when that table no longer matches the run, from the run's stored result.
 */
import { describe, expect, it } from 'vitest';
import { err, ok, setupBase } from '../../helpers/core';
import { seedApplicants, setPlan } from './seed';

async function ranOnce() {
  const { core, session } = await setupBase('jilin-2024');
  await setPlan(core, session, [['0100', null, 2]]);
  const s = await seedApplicants(core, [
    { key: 'A', choices: ['0100'], total: 90 },
    { key: 'B', choices: ['0100'], total: 85 },
    { key: 'C', choices: ['0100'], total: 80 },
  ]);
  await ok(core, session, 'admission.run', {});
  return { core, session, s };
}

describe('a stored admission run read back', () => {
  it('refuses a damaged result with STORED_JSON_INVALID naming the column, and changes nothing', async () => {
    const { core, session } = await ranOnce();
    await core.db.updateTable('admission_runs').set({ result_json: '{"result":{"admissions":[{"id":1}]}}' }).execute();
    for (const op of ['admission.list', 'admission.competitions'] as const) {
      const e = await err(core, session, op, {});
      expect(e.code).toBe('STORED_JSON_INVALID');
      expect(e.message).toContain('admission_runs.result_json');
    }
    expect(await core.db.selectFrom('admissions').select('applicant_id').execute()).toHaveLength(2);
  });

  it('refuses damaged changes or fingerprints the same way', async () => {
    const { core, session } = await ranOnce();
    await core.db.updateTable('admission_runs').set({ changes_json: '[{"kind":"moved"}]' }).execute();
    expect((await err(core, session, 'admission.list', {})).message).toContain('admission_runs.changes_json');
    await core.db.updateTable('admission_runs').set({ changes_json: '[]', inputs_json: 'not json' }).execute();
    expect((await err(core, session, 'admission.list', {})).message).toContain('admission_runs.inputs_json');
  });

  it('reports the same change after a decline when the admitted list was edited by hand', async () => {
    const { core, session, s } = await ranOnce();
    const fromTable = await ok(core, session, 'admission.decline', { applicantId: s.id('A') });
    expect(fromTable.changes.map((c) => [c.applicantId, c.kind])).toEqual([
      [s.id('A'), 'dropped'],
      [s.id('C'), 'admitted'],
    ]);
    await ok(core, session, 'admission.revokeDecision', {
      decisionId: (await core.db.selectFrom('admission_decisions').select('id').executeTakeFirstOrThrow()).id,
      reason: '登记错误',
    });
    // Someone emptied the admitted list outside the app: the run's stored result still says who was in.
    await core.db.deleteFrom('admissions').execute();
    const fromStored = await ok(core, session, 'admission.decline', { applicantId: s.id('A') });
    expect(fromStored.changes).toEqual(fromTable.changes);
  });
});

describe('results fed to one core', () => {
  it('stay with that core: another core with the same applicants reads its own (absent) scores', async () => {
    const fed = await ranOnce();
    const other = await setupBase('jilin-2024');
    await setPlan(other.core, other.session, [['0100', null, 2]]);
    await other.core.db
      .insertInto('applicants')
      .values(await fed.core.db.selectFrom('applicants').selectAll().execute())
      .execute();
    const run = await ok(other.core, other.session, 'admission.run', {});
    expect(run.admitted).toEqual([]);
    expect(run.notAdmitted.map((n) => n.message)).toEqual(Array(3).fill('不参与录取：考核成绩不完整（缺少：笔试、面试）。'));
    expect((await ok(fed.core, fed.session, 'admission.list', {})).admitted).toHaveLength(2);
  });
});
