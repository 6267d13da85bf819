import { describe, expect, it } from 'vitest';
import { err, ok } from '../../helpers/core';
import { addTrainees, rotationBase } from './helpers';

/** The visible text of a page: tags and the style sheet out. */
const text = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('rotation.printable', () => {
  it('prints the cohort’s 轮转安排计划 on A4 landscape: every trainee, Chinese dates, masked ID numbers, 示例', async () => {
    const { core, session } = await rotationBase();
    const people = await addTrainees(core, 3);
    await ok(core, session, 'rotation.plan', { cohortYear: 2027 });
    const r = await ok(core, session, 'rotation.printable', { cohortYear: 2027 });
    expect(r.html).toContain('size:A4 landscape');
    const body = text(r.html);
    expect(body).toContain('轮转安排计划（2027级）');
    for (const p of people) {
      expect(body).toContain(p.name);
      expect(body).not.toContain(p.idNumber);
    }
    for (const h of ['序号', '轮转科室', '标准科室', '院区或协同单位', '开始日期', '结束日期', '月数', '出科考核'])
      expect(body).toContain(h);
    expect(body).toContain('2027年9月1日');
    expect(body).toContain('共 33 个月');
    expect(body).toContain('内科（0100）');
    expect(body).toContain('示例');
    expect(body).toContain('培训基地（盖章）');
    // Dates only in the Chinese form, no internal field names.
    expect(body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(body).not.toMatch(/standardDepartment|departmentId|null|undefined/);
    expect(r.rows).toBe(
      (await ok(core, session, 'rotation.listPlans', { traineeIds: people.map((p) => p.id) })).reduce(
        (a, p) => a + p.blocks.length,
        0,
      ),
    );
    expect(r.fileName).toBe('示例-轮转安排计划-2027级.html');
  });

  it('prints one trainee’s plan alone', async () => {
    const { core, session } = await rotationBase();
    const people = await addTrainees(core, 2);
    await ok(core, session, 'rotation.plan', { cohortYear: 2027 });
    const r = await ok(core, session, 'rotation.printable', { idNumber: people[1]!.idNumber });
    const body = text(r.html);
    expect(body).toContain(`轮转安排计划（${people[1]!.name}）`);
    expect(body).not.toContain(people[0]!.name);
  });

  it('prints the 出科考核成绩 of blocks that are over, with the results recorded, and refuses while there are none', async () => {
    const { core, session, clock } = await rotationBase();
    const [p] = await addTrainees(core, 1);
    await ok(core, session, 'rotation.plan', { cohortYear: 2027 });
    const e = await err(core, session, 'rotation.printable', { cohortYear: 2027, kind: 'exitExams' });
    expect(e.code).toBe('ROTATION_NO_EXIT_EXAMS');

    const plan = await ok(core, session, 'rotation.show', { traineeId: p!.id });
    const first = plan.blocks[0]!;
    clock.set(Date.parse(`${first.end}T12:00:00Z`));
    await ok(core, session, 'rotation.recordExitExam', {
      traineeId: p!.id,
      department: first.department,
      result: 'pass',
      date: first.end,
    });
    const r = await ok(core, session, 'rotation.printable', { cohortYear: 2027, kind: 'exitExams' });
    const body = text(r.html);
    expect(body).toContain('出科考核成绩（2027级）');
    for (const h of ['姓名', '证件号码', '轮转科室', '轮转时间', '考核日期', '考核结果']) expect(body).toContain(h);
    expect(body).toContain(first.department);
    expect(body).toContain('合格');
    expect(body).not.toContain(p!.idNumber);
    expect(body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(r.rows).toBe(1);
  });
});
