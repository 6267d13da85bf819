import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/context';
import { writeCsv } from '../../../src/core/testdata';
import { addUserAndLogin, err, ok, setupBase } from '../../helpers/core';
import { addApplicants, file, type TestApplicant } from './fixtures';

const HEAD = ['姓名', '身份证号', '培训专业', '笔试成绩', '面试成绩'];

/** 120 applicants over 内科 / 儿科 with written scores 40 + i/2 (distinct totals) and interview 80, a few set apart. */
async function arrange() {
  const { core, session } = await setupBase('jilin-2024');
  const people = await addApplicants(core, 120, { specialties: ['0100', '0200'] });
  const rows = people.map((p, i) => [p.name, p.idNumber, '', (40 + i / 2).toFixed(2), i === 5 ? '' : '80']);
  await ok(core, session, 'scores.import', file('s.csv', writeCsv([HEAD, ...rows], { encoding: 'utf-8' })));
  await named(core, people[77]!, '欧阳明远', 'oymy');
  await core.db.updateTable('applicants').set({ confirmation_status: 'returned' }).where('id', '=', people[3]!.id).execute();
  return { core, session, people };
}

async function named(core: Core, a: TestApplicant, name: string, initials: string) {
  await core.db.updateTable('applicants').set({ name, name_initials: initials }).where('id', '=', a.id).execute();
}

describe('scores.page: one page of the results with the count of matches', () => {
  it('returns at most the page size, the filtered total and the cohort total, in ID-number order', async () => {
    const { core, session } = await arrange();
    const p1 = await ok(core, session, 'scores.page', { limit: 25 });
    expect(p1.rows).toHaveLength(25);
    expect(p1).toMatchObject({ total: 120, cohortTotal: 120, offset: 0, limit: 25 });
    const p5 = await ok(core, session, 'scores.page', { limit: 25, offset: 100 });
    expect(p5.rows).toHaveLength(20);
    const all = await ok(core, session, 'scores.results');
    expect([...p1.rows, ...p5.rows].map((r) => r.applicantId)).toEqual(
      [...all.slice(0, 25), ...all.slice(100)].map((r) => r.applicantId),
    );
    expect(p1.rows[0]!.idMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
  });

  it('finds a person by name, by pinyin initials, and by the last digits of the ID number', async () => {
    const { core, session, people } = await arrange();
    const target = people[77]!;
    for (const query of ['欧阳', 'OYM', target.idNumber.slice(-6), `${target.idNumber.slice(0, 10)}`]) {
      const r = await ok(core, session, 'scores.page', { query });
      expect(
        r.rows.map((x) => x.applicantId),
        query,
      ).toContain(target.id);
    }
    const byTail = await ok(core, session, 'scores.page', { query: target.idNumber.slice(-8) });
    expect(byTail.total).toBe(1);
    expect(byTail.rows[0]).toMatchObject({ name: '欧阳明远', specialtyName: '儿科', confirmation: 'confirmed' });
  });

  it('filters by first-choice specialty, result status and confirmation status', async () => {
    const { core, session, people } = await arrange();
    const paeds = await ok(core, session, 'scores.page', { specialty: '0200', limit: 200 });
    expect(paeds.total).toBe(60);
    expect(new Set(paeds.rows.map((r) => r.specialtyName))).toEqual(new Set(['儿科']));
    const incomplete = await ok(core, session, 'scores.page', { status: 'incomplete' });
    expect(incomplete.rows.map((r) => r.applicantId)).toEqual([people[5]!.id]);
    const returned = await ok(core, session, 'scores.page', { confirmation: 'returned' });
    expect(returned.rows.map((r) => r.applicantId)).toEqual([people[3]!.id]);
  });

  it('sorts by total or by one component, either way, with missing totals last in both directions', async () => {
    const { core, session, people } = await arrange();
    const desc = await ok(core, session, 'scores.page', { sort: 'total', dir: 'desc', limit: 200 });
    const totals = desc.rows.map((r) => r.total);
    expect(totals.at(-1)).toBeNull();
    const numbers = totals.slice(0, -1) as number[];
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(desc.rows[0]!.applicantId).toBe(people[119]!.id);
    const asc = await ok(core, session, 'scores.page', { sort: 'component:written', dir: 'asc', limit: 2 });
    expect(asc.rows.map((r) => r.components['written'])).toEqual([4000, 4050]);
    const lastAsc = await ok(core, session, 'scores.page', { sort: 'total', dir: 'asc', offset: 119 });
    expect(lastAsc.rows[0]!.applicantId).toBe(people[5]!.id);
  });

  it('refuses a sort by a component that does not exist, with a code', async () => {
    const { core, session } = await arrange();
    expect((await err(core, session, 'scores.page', { sort: 'component:nothing' })).code).toBe('SCORES_SORT_UNKNOWN');
  });
});

describe('interview sessions take confirmed applicants only', () => {
  it('refuses a pending or returned applicant with a stable code, names them masked, and creates nothing', async () => {
    const { core, session } = await setupBase('jilin-2024');
    const [c1, c2, p1, r1] = await addApplicants(core, 4);
    const confirmed = [c1!, c2!];
    await core.db.updateTable('applicants').set({ confirmation_status: 'pending' }).where('id', '=', p1!.id).execute();
    await core.db.updateTable('applicants').set({ confirmation_status: 'returned' }).where('id', '=', r1!.id).execute();
    const pending = [p1!, r1!];
    await addUserAndLogin(core, session, 'iv1', 'interviewer');
    const input = {
      name: '内科组',
      date: '2024-07-10',
      site: '教学楼',
      panel: [{ username: 'iv1', head: true }],
      candidates: [...confirmed, ...pending].map((a) => a.idNumber),
    };
    const e = await err(core, session, 'interview.createSession', input);
    expect(e.code).toBe('CANDIDATE_NOT_CONFIRMED');
    expect(e.message).toContain(pending[0]!.name);
    expect(e.message).toContain(pending[1]!.name);
    expect(e.message).not.toContain(pending[0]!.idNumber);
    expect(await core.db.selectFrom('interview_sessions').selectAll().execute()).toEqual([]);
    const s = await ok(core, session, 'interview.createSession', { ...input, candidates: confirmed.map((a) => a.idNumber) });
    expect(s.candidateCount).toBe(2);
  });
});
