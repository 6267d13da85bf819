/** The 报名汇总表 columns are edited per base (added, removed, reordered, renamed), audited, and reset to the default. */
import { describe, expect, it } from 'vitest';
import { err, ok } from '../../helpers/core';
import { chongqingBase, type Clocked } from './world';

async function approvedComplete(w: Clocked) {
  await ok(w.core, w.session, 'exam.propose', { year: 2024 });
  const trainee = w.people.complete.证件号码;
  await ok(w.core, w.session, 'exam.recordCheck', {
    year: 2024,
    trainee,
    code: 'HANDBOOK',
    passed: true,
    evidence: '手册已核对',
  });
  await ok(w.core, w.session, 'exam.review', { year: 2024, trainee, decision: 'approved' });
  return trainee;
}

const headerRow = (html: string) => [...html.matchAll(/<th>([^<]*)<\/th>/g)].map((m) => m[1]);

describe('the 汇总表 template', () => {
  it('defaults to the 资格审核名册 columns', async () => {
    const w = await chongqingBase();
    const t = await ok(w.core, w.session, 'exam.summaryTemplate', {});
    expect(t.edited).toBe(false);
    expect(t.columns.slice(0, 4).map((c) => c.header)).toEqual(['序号', '培训基地', '工作单位', '姓名']);
    expect(t.fields.find((f) => f.field === 'idNumber')?.label).toBe('证件号码');
  });

  it('edited columns print in their order under their new names; reset brings the default back', async () => {
    const w = await chongqingBase();
    const trainee = await approvedComplete(w);
    const columns = [
      { header: '姓名', field: 'name', width: 10 },
      { header: '身份证号', field: 'idNumber', width: 22 },
      { header: '序号', field: 'seq', width: 6 },
      { header: '联系人签字', field: 'blank', width: 12 },
    ];
    const saved = await ok(w.core, w.session, 'exam.setSummaryTemplate', { columns, reason: '按市住培办2024年表样' });
    expect(saved.edited).toBe(true);
    const page = await ok(w.core, w.session, 'exam.printable', { year: 2024, program: 'residency' });
    expect(headerRow(page.html)).toEqual(['姓名', '身份证号', '序号', '联系人签字']);
    expect(page.html).toContain(trainee);
    const ev = await w.core.db
      .selectFrom('events')
      .selectAll()
      .where('action', '=', 'exam.summary-template')
      .executeTakeFirstOrThrow();
    expect(ev.reason).toBe('按市住培办2024年表样');

    const reset = await ok(w.core, w.session, 'exam.resetSummaryTemplate', { reason: '恢复默认' });
    expect(reset.edited).toBe(false);
    expect(reset.columns).toEqual(reset.defaultColumns);
    expect(headerRow((await ok(w.core, w.session, 'exam.printable', { year: 2024, program: 'residency' })).html)[0]).toBe('序号');
  });

  it('an unknown field or an empty list is refused in Chinese and nothing is saved', async () => {
    const w = await chongqingBase();
    const bad = await err(w.core, w.session, 'exam.setSummaryTemplate', {
      columns: [{ header: '籍贯', field: 'hometown', width: 10 }],
      reason: '试改',
    });
    expect(bad.code).toBe('EXAM_SUMMARY_TEMPLATE_INVALID');
    expect(bad.message).toContain('不是可选的内容');
    expect((await err(w.core, w.session, 'exam.setSummaryTemplate', { columns: [], reason: '试改' })).code).toBe('INVALID_INPUT');
    expect((await ok(w.core, w.session, 'exam.summaryTemplate', {})).edited).toBe(false);
  });
});
