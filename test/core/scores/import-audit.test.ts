import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src/core/audit/verify';
import { canonicalJson } from '../../../src/core/util/canonical-json';
import { writeCsv } from '../../../src/core/testdata';
import { ok, setupBase } from '../../helpers/core';
import { addApplicants, file } from './fixtures';

const HEAD = ['姓名', '身份证号', '笔试成绩', '面试成绩'];

async function scoreEvents(core: Awaited<ReturnType<typeof setupBase>>['core']) {
  return core.db.selectFrom('events').selectAll().where('action', '=', 'scores.set').orderBy('seq').execute();
}

describe('score file import: what it stores and audits', () => {
  it('one chained scores.set event per score, each score naming its event; a replacement records before and reason', async () => {
    const { core, session } = await setupBase('jilin-2024');
    const [a, b, c] = await addApplicants(core, 3);
    const first = writeCsv(
      [HEAD, [a!.name, a!.idNumber, '81.5', '90'], [b!.name, b!.idNumber, '70', '缺考'], [c!.name, c!.idNumber, '', '75']],
      { encoding: 'utf-8' },
    );
    expect(await ok(core, session, 'scores.import', file('第一批.csv', first))).toMatchObject({
      imported: 3,
      updated: 0,
      rejected: [],
      applied: true,
    });
    const e1 = await scoreEvents(core);
    expect(e1.map((e) => [e.entity, e.entity_id, JSON.parse(e.after_json!), e.before_json, e.reason])).toEqual([
      [
        'component_score',
        `${a!.id}/written`,
        { absent: false, file: '第一批.csv', row: 2, source: 'import', value: 8150 },
        null,
        null,
      ],
      [
        'component_score',
        `${a!.id}/interview`,
        { absent: false, file: '第一批.csv', row: 2, source: 'import', value: 9000 },
        null,
        null,
      ],
      [
        'component_score',
        `${b!.id}/written`,
        { absent: false, file: '第一批.csv', row: 3, source: 'import', value: 7000 },
        null,
        null,
      ],
      [
        'component_score',
        `${b!.id}/interview`,
        { absent: true, file: '第一批.csv', row: 3, source: 'import', value: null },
        null,
        null,
      ],
      [
        'component_score',
        `${c!.id}/interview`,
        { absent: false, file: '第一批.csv', row: 4, source: 'import', value: 7500 },
        null,
        null,
      ],
    ]);
    expect(new Set(e1.map((e) => e.actor))).toEqual(new Set(['admin']));
    // Consecutive places in the chain, timestamps in order.
    for (let i = 1; i < e1.length; i++) {
      expect(e1[i]!.seq).toBe(e1[i - 1]!.seq + 1);
      expect(e1[i]!.prev_hash).toBe(e1[i - 1]!.hash);
      expect(e1[i]!.hlc > e1[i - 1]!.hlc).toBe(true);
    }

    const second = writeCsv([HEAD, [a!.name, a!.idNumber, '82', '90']], { encoding: 'utf-8' });
    const refused = await ok(core, session, 'scores.import', file('更正.csv', second));
    expect([refused.applied, refused.rejected.map((r) => r.code)]).toEqual([false, ['SCORE_CONFLICT']]);
    expect(await scoreEvents(core)).toHaveLength(5);
    expect(
      await ok(core, session, 'scores.import', { ...file('更正.csv', second), replace: true, reason: '省平台复核更正' }),
    ).toMatchObject({ updated: 1, unchanged: 0, applied: true });
    const e2 = await scoreEvents(core);
    expect(e2).toHaveLength(6);
    const fix = e2[5]!;
    expect([fix.entity_id, JSON.parse(fix.before_json!), JSON.parse(fix.after_json!), fix.reason]).toEqual([
      `${a!.id}/written`,
      { absent: false, source: 'import', value: 8150 },
      { absent: false, file: '更正.csv', row: 2, source: 'import', value: 8200 },
      '省平台复核更正',
    ]);

    // Each stored score names the event that set it; the chain head and the saved clock are the last event's.
    const scores = await core.db
      .selectFrom('component_scores')
      .selectAll()
      .orderBy('applicant_id')
      .orderBy('component')
      .execute();
    const lastFor = new Map(e2.map((e) => [e.entity_id, e.id]));
    expect(scores.map((s) => [s.applicant_id, s.component, s.value, s.absent, s.source, s.event_id])).toEqual(
      [
        [a!.id, 'interview', 9000, 0, 'import'],
        [a!.id, 'written', 8200, 0, 'import'],
        [b!.id, 'interview', null, 1, 'import'],
        [b!.id, 'written', 7000, 0, 'import'],
        [c!.id, 'interview', 7500, 0, 'import'],
      ].map((r) => [...r, lastFor.get(`${r[0]}/${r[1]}`)]),
    );
    const all = await core.db.selectFrom('events').selectAll().where('station_id', '=', core.stationId).orderBy('seq').execute();
    const last = all[all.length - 1]!;
    expect(last.id).toBe(fix.id);
    expect(
      await core.db.selectFrom('event_heads').select(['seq', 'hash']).where('station_id', '=', core.stationId).executeTakeFirst(),
    ).toEqual({ seq: last.seq, hash: last.hash });
    expect((await core.db.selectFrom('meta').select('value').where('key', '=', 'hlc').executeTakeFirst())?.value).toBe(last.hlc);
    expect((await verifyAuditChain(core.db)).ok).toBe(true);
  });

  it('records each score as canonical JSON whatever the file name holds, so the chain verifies and reads back', async () => {
    const { core, session } = await setupBase('jilin-2024');
    const [a, b] = await addApplicants(core, 2);
    const names = ['成绩"终版"\\备份 😀.csv', '复核\u2028.csv'];
    const first = writeCsv([HEAD, [a!.name, a!.idNumber, '0', '缺考'], [b!.name, b!.idNumber, '99.99', '100']], {
      encoding: 'utf-8',
    });
    expect(await ok(core, session, 'scores.import', file(names[0]!, first))).toMatchObject({ imported: 2, applied: true });
    const second = writeCsv([HEAD, [a!.name, a!.idNumber, '0.01', '60']], { encoding: 'utf-8' });
    const reason = '复核"更正"\\';
    expect(await ok(core, session, 'scores.import', { ...file(names[1]!, second), replace: true, reason })).toMatchObject({
      updated: 1,
      applied: true,
    });
    const events = await scoreEvents(core);
    expect(events).toHaveLength(6);
    for (const e of events) {
      expect(e.after_json).toBe(canonicalJson(JSON.parse(e.after_json!)));
      if (e.before_json !== null) expect(e.before_json).toBe(canonicalJson(JSON.parse(e.before_json)));
    }
    expect(events.map((e) => [JSON.parse(e.before_json ?? 'null'), JSON.parse(e.after_json!), e.reason])).toEqual([
      [null, { absent: false, file: names[0], row: 2, source: 'import', value: 0 }, null],
      [null, { absent: true, file: names[0], row: 2, source: 'import', value: null }, null],
      [null, { absent: false, file: names[0], row: 3, source: 'import', value: 9999 }, null],
      [null, { absent: false, file: names[0], row: 3, source: 'import', value: 10000 }, null],
      [
        { absent: false, source: 'import', value: 0 },
        { absent: false, file: names[1], row: 2, source: 'import', value: 1 },
        reason,
      ],
      [
        { absent: true, source: 'import', value: null },
        { absent: false, file: names[1], row: 2, source: 'import', value: 6000 },
        reason,
      ],
    ]);
    expect((await verifyAuditChain(core.db)).ok).toBe(true);
  });
});
