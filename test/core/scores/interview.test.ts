import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/context';
import { loadResults } from '../../../src/core/scores/results';
import { addUserAndLogin, err, ok, setupBase } from '../../helpers/core';
import { addApplicants, type TestApplicant } from './fixtures';

const ITEMS = [
  { key: 'knowledge', name: '专业知识', max: 25 },
  { key: 'reasoning', name: '临床思维', max: 25 },
  { key: 'communication', name: '沟通能力', max: 25 },
  { key: 'professionalism', name: '职业素养', max: 25 },
];

async function panelOf(core: Core, admin: string, n: number) {
  const sessions: Record<string, string> = {};
  for (let i = 1; i <= n; i++) sessions[`iv${i}`] = await addUserAndLogin(core, admin, `iv${i}`, 'interviewer');
  return sessions;
}

async function scoreAll(core: Core, s: string, sessionId: string, candidate: string, scores: Array<number | string>) {
  for (const [i, it] of ITEMS.entries())
    await ok(core, s, 'interview.setScore', { sessionId, candidate, item: it.key, score: scores[i]! });
}

async function setup(nInterviewers = 3, nCandidates = 3, aggregation?: 'mean' | 'trimmed-mean') {
  const { core, session } = await setupBase('jilin-2024');
  const applicants = await addApplicants(core, nCandidates);
  const iv = await panelOf(core, session, nInterviewers);
  const s = await ok(core, session, 'interview.createSession', {
    name: '内科第一组',
    date: '2024-07-10',
    site: '门诊楼 5 楼',
    items: ITEMS,
    panel: Object.keys(iv).map((u, i) => ({ username: u, head: i === 0 })),
    candidates: applicants.map((a) => a.idNumber),
    seed: 42,
    ...(aggregation ? { aggregation } : {}),
  });
  return { core, admin: session, iv, s, applicants };
}

describe('interview sessions', () => {
  it('records the seed; the same seed gives the same draw order', async () => {
    const a = await setup(3, 6);
    const b = await setup(3, 6);
    expect(a.s.seed).toBe(42);
    const order = async (x: typeof a) =>
      (await ok(x.core, x.admin, 'interview.session', { sessionId: x.s.id })).candidates.map((c) => [c.drawNo, c.name]);
    expect(await order(a)).toEqual(await order(b));
    const ev = await a.core.db
      .selectFrom('events')
      .select('after_json')
      .where('action', '=', 'interview.createSession')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(ev.after_json!)).toMatchObject({ seed: 42 });
  });

  it('refuses a panel without exactly one head, and items whose maxima do not add up to the interview maximum', async () => {
    const { core, session } = await setupBase('jilin-2024');
    const [a] = await addApplicants(core, 1);
    await panelOf(core, session, 2);
    const base = { name: 'x', date: '2024-07-10', site: 'y', candidates: [a!.idNumber] };
    expect(
      (await err(core, session, 'interview.createSession', { ...base, panel: [{ username: 'iv1' }, { username: 'iv2' }] })).code,
    ).toBe('SESSION_HEAD_REQUIRED');
    expect(
      (
        await err(core, session, 'interview.createSession', {
          ...base,
          panel: [{ username: 'iv1', head: true }],
          items: [{ key: 'k', name: '专业知识', max: 50 }],
        })
      ).code,
    ).toBe('SESSION_ITEMS_MAX_MISMATCH');
  });

  it('range-checks as entered; 无法评价 excludes the item; interviewers see only their own scores until sign-off', async () => {
    const { core, iv, s } = await setup(3, 1);
    const c = '1';
    expect(
      (await err(core, iv.iv2!, 'interview.setScore', { sessionId: s.id, candidate: c, item: 'knowledge', score: '26' })).code,
    ).toBe('SCORE_OUT_OF_RANGE');
    expect(
      (await err(core, iv.iv2!, 'interview.setScore', { sessionId: s.id, candidate: c, item: 'knowledge', score: 'abc' })).code,
    ).toBe('SCORE_NOT_NUMBER');
    expect(
      (
        await err(core, iv.iv2!, 'interview.setScore', {
          sessionId: s.id,
          candidate: c,
          interviewer: 'iv3',
          item: 'knowledge',
          score: '20',
        })
      ).code,
    ).toBe('FORBIDDEN');
    await scoreAll(core, iv.iv1!, s.id, c, [20, 20, 20, 20]); // 80
    await scoreAll(core, iv.iv2!, s.id, c, [25, 25, 25, '无法评价']); // 75/75 x 100 = 100
    await scoreAll(core, iv.iv3!, s.id, c, [15, 15, 15, 15]); // 60
    const mine = (await ok(core, iv.iv2!, 'interview.session', { sessionId: s.id })).candidates[0]!;
    expect(new Set(mine.marks.map((m) => m.interviewer))).toEqual(new Set(['iv2']));
    expect(mine.panel.status).toBe('hidden');
    const head = (await ok(core, iv.iv1!, 'interview.session', { sessionId: s.id })).candidates[0]!;
    expect(head.marks).toHaveLength(12);
    expect(head.panel).toMatchObject({ status: 'ok', score: 8000, display: '80.00', applied: 'mean' });
    expect((await err(core, iv.iv2!, 'interview.signOff', { sessionId: s.id, candidate: c })).code).toBe('NOT_PANEL_HEAD');
    const signed = await ok(core, iv.iv1!, 'interview.signOff', { sessionId: s.id, candidate: c });
    expect(signed).toMatchObject({ state: 'signed', signoff: { version: 1, score: 8000 } });
    const after = (await ok(core, iv.iv2!, 'interview.session', { sessionId: s.id })).candidates[0]!;
    expect(after.marks).toHaveLength(12);
  });

  it('trimmed mean drops the highest and lowest with 5 interviewers', async () => {
    const { core, iv, s, applicants } = await setup(5, 1, 'trimmed-mean');
    const scores = [
      [25, 25, 25, 25], // 100 dropped
      [20, 20, 20, 20], // 80
      [18, 18, 18, 18], // 72
      [21, 21, 21, 21], // 84
      [10, 10, 10, 10], // 40 dropped
    ];
    for (let i = 0; i < 5; i++) await scoreAll(core, iv[`iv${i + 1}`]!, s.id, '1', scores[i]!);
    const r = await ok(core, iv.iv1!, 'interview.signOff', { sessionId: s.id, candidate: '1' });
    expect(r.panel).toMatchObject({ status: 'ok', score: 7867, display: '78.67', applied: 'trimmed-mean' }); // 236/3
    const results = await loadResults(core.db, 2024);
    expect(results.get(applicants[0]!.id)!.components.interview).toBe(7867);
  });

  it('absent is marked once, blocks scoring, and signs off as 缺考', async () => {
    const { core, iv, s, applicants } = await setup(3, 2);
    const sheet = (await ok(core, iv.iv2!, 'interview.session', { sessionId: s.id })).candidates[0]!;
    await ok(core, iv.iv2!, 'interview.markAbsent', { sessionId: s.id, candidate: sheet.candidateId });
    expect((await err(core, iv.iv3!, 'interview.markAbsent', { sessionId: s.id, candidate: sheet.candidateId })).code).toBe(
      'ALREADY_ABSENT',
    );
    expect(
      (
        await err(core, iv.iv3!, 'interview.setScore', {
          sessionId: s.id,
          candidate: sheet.candidateId,
          item: 'knowledge',
          score: 20,
        })
      ).code,
    ).toBe('CANDIDATE_ABSENT');
    const r = await ok(core, iv.iv1!, 'interview.signOff', { sessionId: s.id, candidate: sheet.candidateId });
    expect(r).toMatchObject({ state: 'signed', absent: true, signoff: { absent: true, score: null } });
    const absentApplicant = applicants.find((a) => a.name === sheet.name)!;
    expect((await loadResults(core.db, 2024)).get(absentApplicant.id)!.components.interview).toBe('absent');
  });

  it('signed scores are locked; a correction needs a reason and re-sign-off; both versions stay in the audit trail', async () => {
    const { core, iv, s, applicants } = await setup(3, 1);
    for (const u of ['iv1', 'iv2', 'iv3']) await scoreAll(core, iv[u]!, s.id, '1', [20, 20, 20, 20]);
    await ok(core, iv.iv1!, 'interview.signOff', { sessionId: s.id, candidate: '1' });
    expect(
      (await err(core, iv.iv2!, 'interview.setScore', { sessionId: s.id, candidate: '1', item: 'knowledge', score: 22 })).code,
    ).toBe('SCORE_LOCKED');
    expect((await err(core, iv.iv1!, 'interview.reopen', { sessionId: s.id, candidate: '1', reason: '' })).code).toBe(
      'INVALID_INPUT',
    );
    expect((await err(core, iv.iv2!, 'interview.reopen', { sessionId: s.id, candidate: '1', reason: '录入错误' })).code).toBe(
      'NOT_PANEL_HEAD',
    );
    await ok(core, iv.iv1!, 'interview.reopen', {
      sessionId: s.id,
      candidate: '1',
      reason: '面试官 iv2 专业知识录入错误，应为 23',
    });
    await ok(core, iv.iv2!, 'interview.setScore', { sessionId: s.id, candidate: '1', item: 'knowledge', score: 23 });
    const r = await ok(core, iv.iv1!, 'interview.signOff', { sessionId: s.id, candidate: '1' });
    expect(r.signoff).toMatchObject({ version: 2, score: 8100 });
    expect((await loadResults(core.db, 2024)).get(applicants[0]!.id)!.components.interview).toBe(8100);
    const ev = await core.db
      .selectFrom('events')
      .selectAll()
      .where('entity', '=', 'interview_candidate')
      .orderBy('seq')
      .execute();
    expect(ev.map((e) => e.action)).toEqual(['interview.signoff', 'interview.reopen', 'interview.signoff']);
    expect(JSON.parse(ev[0]!.after_json!)).toMatchObject({ version: 1, score: 8000 });
    expect(ev[1]!.reason).toContain('应为 23');
    expect(JSON.parse(ev[2]!.after_json!)).toMatchObject({ version: 2, score: 8100 });
    const marks = await core.db.selectFrom('events').select('after_json').where('action', '=', 'interview.mark').execute();
    expect(marks.map((m) => JSON.parse(m.after_json!).value)).toEqual(expect.arrayContaining([2000, 2300]));
  });

  it('cannot sign off while an interviewer has not finished', async () => {
    const { core, iv, s } = await setup(3, 1);
    await scoreAll(core, iv.iv1!, s.id, '1', [20, 20, 20, 20]);
    expect((await err(core, iv.iv1!, 'interview.signOff', { sessionId: s.id, candidate: '1' })).code).toBe('SIGNOFF_NOT_READY');
  });
});

describe('ranking', () => {
  async function scored(rows: Array<[TestApplicant, string, string]>, core: Core, session: string) {
    const { writeCsv } = await import('../../../src/core/testdata');
    const csv = writeCsv([['姓名', '身份证号', '笔试成绩', '面试成绩'], ...rows.map(([a, w, i]) => [a.name, a.idNumber, w, i])], {
      encoding: 'utf-8',
    });
    const r = await ok(core, session, 'scores.import', { fileName: 's.csv', contentBase64: Buffer.from(csv).toString('base64') });
    expect(r.rejected).toEqual([]);
  }

  it('ranks per specialty by rounded total, interview then written; shows remaining ties; manual order only inside a tie, with a reason', async () => {
    const { core, session } = await setupBase('jilin-2024');
    const [a, b, c, d, e, f] = await addApplicants(core, 6, { specialties: ['0100', '0100', '0100', '0100', '0100', '0200'] });
    await scored(
      [
        [a!, '80', '90'], // 84.00
        [b!, '90', '75'], // 84.00, lower interview
        [c!, '70', '80'], // 74.00
        [d!, '70', '80'], // 74.00 tie with c
        [e!, '缺考', ''],
        [f!, '60', '60'],
      ],
      core,
      session,
    );
    const view = await ok(core, session, 'ranking.show', { specialty: '0100' });
    expect(view.groups).toHaveLength(1);
    const g = view.groups[0]!;
    expect(g.ranked.map((r) => [r.applicantId, r.rank, r.tied, r.totalDisplay])).toEqual([
      [a!.id, 1, false, '84.00'],
      [b!.id, 2, false, '84.00'],
      [c!.id < d!.id ? c!.id : d!.id, 3, true, '74.00'],
      [c!.id < d!.id ? d!.id : c!.id, 3, true, '74.00'],
    ]);
    expect(g.unranked).toEqual([expect.objectContaining({ applicantId: e!.id, status: 'absent' })]);
    expect((await err(core, session, 'ranking.reorder', { groupKey: '0100', order: [a!.id, b!.id], reason: '理由' })).code).toBe(
      'RANK_NOT_TIED',
    );
    expect((await err(core, session, 'ranking.reorder', { groupKey: '0100', order: [d!.id, c!.id], reason: '' })).code).toBe(
      'INVALID_INPUT',
    );
    const after = await ok(core, session, 'ranking.reorder', {
      groupKey: '0100',
      order: [d!.id, c!.id],
      reason: '专家组复议：d 临床经历更长',
    });
    const g2 = after.groups.find((x) => x.groupKey === '0100')!;
    expect(g2.ranked.slice(2).map((r) => [r.applicantId, r.rank, r.manualOrder])).toEqual([
      [d!.id, 3, 1],
      [c!.id, 4, 2],
    ]);
    const xlsx = await ok(core, session, 'scores.summaryXlsx', { specialty: '0100' });
    expect(xlsx.fileName).toBe('成绩汇总表-2024-内科.xlsx'); // the specialty's name, not its code
    const { readTable } = await import('../../../src/core/tabular');
    const t = await readTable({ fileName: xlsx.fileName, bytes: Buffer.from(xlsx.contentBase64, 'base64') });
    expect(t.sheets[0]!.rows[1]!.map((x) => x.text)).toEqual([
      '排名',
      '姓名',
      '身份证号',
      '人员类别',
      '笔试成绩',
      '面试成绩',
      '总成绩',
      '备注',
    ]);
    expect(t.sheets[0]!.rows[2]!.map((x) => x.text).slice(0, 2)).toEqual(['1', a!.name]);
  });

  it('splits by category when the preset splits quotas (Beijing)', async () => {
    const { core, session } = await setupBase('beijing-2023', '北京某医院');
    const [a, b] = await addApplicants(core, 2, { categories: ['委托培训', '自主培训'] });
    await scored(
      [
        [a!, '80', '80'],
        [b!, '70', '70'],
      ],
      core,
      session,
    );
    const view = await ok(core, session, 'ranking.show', {});
    expect(view.groups.map((g) => [g.groupKey, g.ranked.length])).toEqual([
      ['0100/委托培训', 1],
      ['0100/自主培训', 1],
    ]);
  });
});

describe('sign-off never overwrites a different imported interview score', () => {
  it('refuses with SCORE_CONFLICT', async () => {
    const { core, admin, iv, s, applicants } = await setup(3, 1);
    const { writeCsv } = await import('../../../src/core/testdata');
    const a = applicants[0]!;
    const csv = writeCsv(
      [
        ['姓名', '身份证号', '面试成绩'],
        [a.name, a.idNumber, '70'],
      ],
      { encoding: 'utf-8' },
    );
    await ok(core, admin, 'scores.import', { fileName: 'i.csv', contentBase64: Buffer.from(csv).toString('base64') });
    for (const u of ['iv1', 'iv2', 'iv3']) await scoreAll(core, iv[u]!, s.id, '1', [20, 20, 20, 20]);
    expect((await err(core, iv.iv1!, 'interview.signOff', { sessionId: s.id, candidate: '1' })).code).toBe('SCORE_CONFLICT');
    expect((await loadResults(core.db, 2024)).get(a.id)!.components.interview).toBe(7000);
  });
});

describe('printable sheets', () => {
  it('a blank sheet per interviewer lists candidates by draw number; the result sheet shows the signed score', async () => {
    const { core, admin, iv, s } = await setup(3, 2);
    const blank = await ok(core, iv.iv2!, 'interview.blankSheetHtml', { sessionId: s.id, interviewer: 'iv2' });
    expect(blank.html).toContain('面试评分表（空白）');
    expect(blank.html).toContain('专业知识（25）');
    expect(blank.html).toContain('面试官：iv2');
    expect(blank.html).not.toMatch(/\d{17}[\dX]/);
    for (const u of ['iv1', 'iv2', 'iv3']) await scoreAll(core, iv[u]!, s.id, '1', [20, 20, 20, 21]);
    await ok(core, iv.iv1!, 'interview.signOff', { sessionId: s.id, candidate: '1' });
    expect((await err(core, iv.iv2!, 'interview.resultSheetHtml', { sessionId: s.id })).code).toBe('NOT_PANEL_HEAD');
    const result = await ok(core, admin, 'interview.resultSheetHtml', { sessionId: s.id });
    expect(result.html).toContain('81.00');
    expect(result.html).toContain('未签字');
    expect(result.html).toContain('抽签种子：42');
  });
});
