/**
 * A 志愿 may name another base: Chongqing 助理全科 (seed 001 四（四）: “每名报考人员限报 2 个志愿”, the 志愿 are
 * bases) and Beijing (seed 003 三: base + specialty). Such choices are kept as written, this base's own choices
 * are checked against its catalogue, and each applicant's round here is the order of their first own choice.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { up as migrate0014 } from '../../../src/core/db/migrations/0014_applicant_choices';
import type { Core } from '../../../src/core/context';
import { createRng, makeIdNumber, makeName, makePhone } from '../../../src/core/testdata';
import { err, ok, setupBase } from '../../helpers/core';
import { csvFile } from './helpers';

type Person = { name: string; id: string; phone: string };

function people(n: number, seed: number): Person[] {
  const rng = createRng(seed);
  const out: Person[] = [];
  for (let i = 0; i < n; i++) out.push({ name: makeName(rng) + String(i), id: makeIdNumber(rng), phone: makePhone(rng) });
  return out;
}

async function listed(core: Core, session: string) {
  const r = await ok(core, session, 'applicants.list', { limit: 100 });
  return new Map(r.applicants.map((a) => [a.name, a]));
}

const CQ_BASE = '重庆示例医科大学附属医院';
const CQ_OTHER = '重庆示例区人民医院';

describe('Chongqing 助理全科: the 志愿 name bases', () => {
  async function chongqing() {
    const { core, session } = await setupBase('chongqing-2022-agp', CQ_BASE);
    const [a, b, c] = people(3, 11) as [Person, Person, Person];
    const file = csvFile([
      ['姓名', '证件号码', '手机号码', '人员类型', '第一志愿', '第二志愿'],
      [a.name, a.id, a.phone, '社会人', CQ_BASE, CQ_OTHER],
      [b.name, b.id, b.phone, '单位人', CQ_OTHER, CQ_BASE],
      [c.name, c.id, c.phone, '社会人', CQ_OTHER, ''],
    ]);
    return { core, session, a, b, c, file };
  }

  it('a second choice naming another base is accepted and kept, not an unknown specialty', async () => {
    const { core, session, a, b, c, file } = await chongqing();
    const preview = await ok(core, session, 'applicants.previewImport', file);
    expect(preview.rejected).toEqual([]);
    expect(preview.sample.map((s) => s.choices)).toEqual([
      ['助理全科', `其他基地（${CQ_OTHER}）`],
      [`其他基地（${CQ_OTHER}）`, '助理全科'],
      [`其他基地（${CQ_OTHER}）`],
    ]);
    const result = await ok(core, session, 'applicants.commitImport', file);
    expect(result).toMatchObject({ imported: 3, rejected: [] });

    const m = await listed(core, session);
    expect(m.get(a.name)).toMatchObject({
      choices: ['AGP'],
      roundHere: 1,
      choiceList: [
        { order: 1, base: null, specialty: 'AGP' },
        { order: 2, base: CQ_OTHER, specialty: null },
      ],
      choiceTexts: ['第一志愿：本基地 助理全科', `第二志愿：其他基地（${CQ_OTHER}）`],
    });
    expect(m.get(b.name)).toMatchObject({ choices: ['AGP'], roundHere: 2 });
    expect(m.get(b.name)!.choiceTexts![0]).toBe(`第一志愿：其他基地（${CQ_OTHER}）`);
    // Only another base: kept, with no round here.
    expect(m.get(c.name)).toMatchObject({ choices: [], roundHere: null });
  });

  it('re-importing the same roster changes nothing', async () => {
    const { core, session, file } = await chongqing();
    await ok(core, session, 'applicants.commitImport', file);
    expect(await ok(core, session, 'applicants.commitImport', file)).toMatchObject({ imported: 0, updated: 0, unchanged: 3 });
  });

  it('swapping the two choices is an update that names the change', async () => {
    const { core, session, a, file } = await chongqing();
    await ok(core, session, 'applicants.commitImport', file);
    const swapped = csvFile([
      ['姓名', '证件号码', '手机号码', '人员类型', '第一志愿', '第二志愿'],
      [a.name, a.id, a.phone, '社会人', CQ_OTHER, CQ_BASE],
    ]);
    const r = await ok(core, session, 'applicants.commitImport', swapped);
    expect(r.updated).toBe(1);
    expect(r.changes[0]!.changes.map((x) => x.field)).toContain('志愿（含其他基地）');
    expect((await listed(core, session)).get(a.name)).toMatchObject({ roundHere: 2 });
  });
});

const BJ_BASE = '北京示例医院';

describe('Beijing: each 志愿 is a base and a specialty', () => {
  it('keeps choices at other bases unchecked, and refuses an unknown specialty at this base', async () => {
    const { core, session } = await setupBase('beijing-2023', BJ_BASE);
    const [a, b, c] = people(3, 12) as [Person, Person, Person];
    const file = csvFile([
      ['姓名', '证件号码', '手机号码', '人员类型', '第一志愿基地', '第一志愿专业', '第二志愿（基地）', '第二志愿专业'],
      [a.name, a.id, a.phone, '委托培训', BJ_BASE, '内科', '北京示例第二医院', '外科'],
      [b.name, b.id, b.phone, '自主培训', '北京示例第二医院', '星际医学科', BJ_BASE, '全科'],
      [c.name, c.id, c.phone, '自主培训', BJ_BASE, '星际医学科', '', ''],
    ]);
    const r = await ok(core, session, 'applicants.commitImport', file);
    expect(r.imported).toBe(2);
    expect(r.rejected.map((p) => [p.row, p.code, p.field])).toEqual([[4, 'UNKNOWN_SPECIALTY', '第一志愿']]);

    const m = await listed(core, session);
    expect(m.get(a.name)).toMatchObject({
      choices: ['0100'],
      roundHere: 1,
      choiceTexts: ['第一志愿：本基地 内科', '第二志愿：其他基地（北京示例第二医院 外科）'],
    });
    expect(m.get(b.name)).toMatchObject({
      choices: ['0700'],
      roundHere: 2,
      choiceList: [
        { order: 1, base: '北京示例第二医院', specialty: '星际医学科' },
        { order: 2, base: null, specialty: '0700' },
      ],
    });
  });

  it('a roster without base columns reads every choice as this base’s, as before', async () => {
    const { core, session } = await setupBase('beijing-2023', BJ_BASE);
    const [a] = people(1, 13) as [Person];
    const file = csvFile([
      ['姓名', '证件号码', '手机号码', '人员类型', '第一志愿', '第二志愿'],
      [a.name, a.id, a.phone, '委托培训', '内科', '全科'],
    ]);
    await ok(core, session, 'applicants.commitImport', file);
    expect((await listed(core, session)).get(a.name)).toMatchObject({ choices: ['0100', '0700'], roundHere: 1 });
  });
});

describe('migration 0014: stored choices become {order, base, specialty}', () => {
  it('converts old rows losslessly and keeps their content hash, so re-importing the old roster changes nothing', async () => {
    const { core, session } = await setupBase('jilin-2024');
    const [a, b] = people(2, 14) as [Person, Person];
    const file = csvFile([
      ['姓名', '证件号码', '手机号码', '人员类型', '第一志愿'],
      [a.name, a.id, a.phone, '社会人', '内科'],
      [b.name, b.id, b.phone, '单位人', '全科'],
    ]);
    await ok(core, session, 'applicants.commitImport', file);
    // The database as it was before 0014: choices as a list of codes, no choice list.
    await sql`ALTER TABLE applicants DROP COLUMN choice_list_json`.execute(core.db);
    await sql`ALTER TABLE applicants DROP COLUMN assigned_json`.execute(core.db);
    await migrate0014(core.db);
    const rows = await core.db.selectFrom('applicants').select(['name', 'choice_list_json']).orderBy('name').execute();
    const byName = new Map(rows.map((r) => [r.name, JSON.parse(r.choice_list_json!) as unknown]));
    expect(byName.get(a.name)).toEqual([{ order: 1, base: null, specialty: '0100' }]);
    expect(byName.get(b.name)).toEqual([{ order: 1, base: null, specialty: '0700' }]);
    expect(await ok(core, session, 'applicants.commitImport', file)).toMatchObject({ updated: 0, unchanged: 2 });
  });
});

describe('调剂 outcomes from the city or province (seed 003 三: “不得以任何理由拒收调剂人员”)', () => {
  it('records a person the city assigned here, with the admission side’s 调剂 decision, audited', async () => {
    const { core, session } = await setupBase('beijing-2023', BJ_BASE);
    const coordinator = 'coord-session';
    await ok(core, session, 'users.add', {
      username: 'coord',
      displayName: '协调员',
      role: 'coordinator',
      password: 'password-coord',
    });
    await ok(core, coordinator, 'auth.login', { username: 'coord', password: 'password-coord' });
    const [p] = people(1, 15) as [Person];
    const input = {
      name: p.name,
      idNumber: p.id,
      category: '委托培训',
      specialty: '全科',
      fromBase: '北京示例第二医院',
      notice: '市卫生健康委调剂名单（8月31日）',
      reason: '市卫生健康委调剂结果',
    };
    const d = await ok(core, coordinator, 'applicants.recordAssigned', input);
    expect(d).toMatchObject({ name: p.name, choices: [], roundHere: null });
    expect(d.assigned).toMatchObject({ by: 'city', specialty: '0700', fromBase: '北京示例第二医院', recordedBy: 'coord' });
    expect(d.idNumber).not.toBe(p.id);
    const decisions = await core.db.selectFrom('admission_decisions').selectAll().execute();
    expect(decisions).toEqual([
      expect.objectContaining({ kind: 'adjustment', applicant_id: d.id, reason: '市卫生健康委调剂结果' }),
    ]);
    const events = await core.db
      .selectFrom('events')
      .select(['action'])
      .where('action', '=', 'applicant.record-assigned')
      .execute();
    expect(events).toHaveLength(1);
    expect((await err(core, coordinator, 'applicants.recordAssigned', input)).code).toBe('ASSIGNED_ALREADY');
  });

  it('is refused where the base runs 调剂 itself, and without a reason', async () => {
    const { core, session } = await setupBase('chongqing-2022-agp', CQ_BASE);
    await ok(core, session, 'users.add', {
      username: 'coord',
      displayName: '协调员',
      role: 'coordinator',
      password: 'password-coord',
    });
    await ok(core, 'c', 'auth.login', { username: 'coord', password: 'password-coord' });
    const [p] = people(1, 16) as [Person];
    const input = { name: p.name, idNumber: p.id, specialty: '助理全科', reason: '调剂' };
    expect((await err(core, 'c', 'applicants.recordAssigned', input)).code).toBe('ASSIGNED_NOT_APPLICABLE');
    expect((await err(core, 'c', 'applicants.recordAssigned', { ...input, reason: '' })).message).toContain('需要填写原因');
  });
});
