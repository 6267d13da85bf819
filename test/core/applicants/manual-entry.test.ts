import { describe, expect, it } from 'vitest';
import { APPLICANT_FIELD_LABELS, type ApplicantFieldKey } from '../../../src/shared/contract/applicants';
import type { Core } from '../../../src/core/context';
import type { Applicant } from '../../../src/core/testdata';
import { addUserAndLogin, err, ok, setupBase } from '../../helpers/core';
import { csvFile, roster } from './helpers';

const KEY_BY_LABEL = new Map(Object.entries(APPLICANT_FIELD_LABELS).map(([k, label]) => [label, k as ApplicantFieldKey]));

/** A generated roster row as the form's fields (the roster's headers are the fields' Chinese names). */
function fieldsOf(a: Applicant): Partial<Record<ApplicantFieldKey, string>> {
  const out: Partial<Record<ApplicantFieldKey, string>> = {};
  for (const [label, v] of Object.entries(a)) out[KEY_BY_LABEL.get(label)!] = v;
  return out;
}

const FORM = {
  politicalStatus: '共青团员',
  hukou: '吉林省长春市朝阳区',
  maritalStatus: '未婚',
  healthStatus: '健康',
  landline: '0431-85551234',
  address: '吉林省长春市朝阳区示例路 1 号',
  postalCode: '130021',
  foreignLanguage: '英语',
  foreignLanguageLevel: '四级' as const,
};
const EDUCATION = [
  { level: '大专', school: '示例医学高等专科学校（临床医学系）', major: '临床医学', from: '2019-09', to: '2022-07' },
];
const WORK = [
  {
    hospital: '示例县人民医院',
    grade: '二级甲等',
    department: '内科',
    from: '2022-08',
    to: '2024-06',
    title: '医师',
    referee: '王某',
  },
];

async function storedRow(core: Core, idNumber: string) {
  return core.db.selectFrom('applicants').selectAll().where('id_number', '=', idNumber).executeTakeFirstOrThrow();
}

describe('手工录入 from the paper 报名表', () => {
  it('stores the same record as importing the same data as a roster row', async () => {
    const person = roster(1, 31)[0]!;
    const imported = await setupBase();
    await ok(imported.core, imported.session, 'applicants.commitImport', csvFile([person]));
    const typed = await setupBase();
    const added = await ok(typed.core, typed.session, 'applicants.add', { fields: fieldsOf(person) });
    expect(added.applicant.name).toBe(person.姓名);

    const a = await storedRow(imported.core, person.证件号码);
    const b = await storedRow(typed.core, person.证件号码);
    const differ = new Set(['id', 'source_file', 'source_row', 'created_at', 'updated_at', 'id_tail_key', 'phone_tail_key']);
    const same = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([k]) => !differ.has(k)));
    expect(same(b)).toEqual(same(a));
    expect(b.source_file).toBe('纸质报名表');
  });

  it('answers masked, with the import’s warnings', async () => {
    const { core, session } = await setupBase();
    const person = roster(1, 32)[0]!;
    const r = await ok(core, session, 'applicants.add', { fields: fieldsOf(person) });
    expect(r.applicant.idNumber).not.toBe(person.证件号码);
    expect(r.applicant.idNumber).toContain('*');
    expect(r.applicant.phone).not.toBe(person.手机号码);
    expect(Array.isArray(r.warnings)).toBe(true);
  });

  it('refuses an ID number already on this year’s list, whether typed or imported, and writes nothing', async () => {
    const { core, session } = await setupBase();
    const [first, second] = roster(2, 33);
    await ok(core, session, 'applicants.add', { fields: fieldsOf(first!) });
    await ok(core, session, 'applicants.commitImport', csvFile([second!]));
    for (const p of [first!, second!]) {
      const e = await err(core, session, 'applicants.add', { fields: { ...fieldsOf(p), name: '另一个名字' }, form: FORM });
      expect(e.code).toBe('APPLICANT_DUPLICATE');
      expect(e.message).toContain('不能重复录入');
      expect(e.message).not.toContain(p.证件号码);
    }
    const n = await core.db
      .selectFrom('applicants')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(2);
    expect(await core.db.selectFrom('applicant_paper_forms').selectAll().execute()).toHaveLength(1);
  });

  it('a bad ID checksum gets the import’s code and message, in place, and nothing is stored', async () => {
    const { core, session } = await setupBase();
    const person = roster(1, 34)[0]!;
    const last = person.证件号码[17]!;
    person.证件号码 = person.证件号码.slice(0, 17) + (last === '0' ? '1' : '0');
    const preview = await ok(core, session, 'applicants.previewImport', csvFile([person]));
    const fromImport = preview.rejected.find((p) => p.code === 'ID_CHECKSUM')!;

    const e = await err(core, session, 'applicants.add', { fields: fieldsOf(person) });
    expect(e.code).toBe('APPLICANT_INVALID');
    const problems = (e.details as { problems: Array<{ field: string; code: string; message: string }> }).problems;
    expect(problems).toEqual([
      { field: 'idNumber', label: '证件号码', code: 'ID_CHECKSUM', message: fromImport.message.replace(/^第 2 行：/, '') },
    ]);
    expect(e.message).toContain('未保存');
    expect(JSON.stringify(e)).not.toContain(person.证件号码);
    expect(await core.db.selectFrom('applicants').selectAll().execute()).toHaveLength(0);
  });

  it('a blank name and ID are reported as missing, like an empty roster cell', async () => {
    const { core, session } = await setupBase();
    const e = await err(core, session, 'applicants.add', { fields: { phone: '13800000000' } });
    const problems = (e.details as { problems: Array<{ field: string; code: string }> }).problems;
    expect(problems.map((p) => [p.field, p.code])).toContainEqual(['name', 'REQUIRED_MISSING']);
    expect(problems.map((p) => p.field)).toContain('idNumber');
  });

  it('the 报名表 fields, education and clinical-work rows round-trip, with the source and who entered them', async () => {
    const { core, session } = await setupBase();
    const person = roster(1, 35)[0]!;
    const r = await ok(core, session, 'applicants.add', {
      fields: fieldsOf(person),
      form: FORM,
      education: EDUCATION,
      work: WORK,
    });
    const form = await ok(core, session, 'applicants.paperForm', { id: r.applicant.id });
    expect(form).toMatchObject({ form: FORM, education: EDUCATION, work: WORK, source: '纸质报名表', enteredBy: 'admin' });
    // The detail shows the same rows, so the desk sees them too.
    const detail = await ok(core, session, 'applicants.get', { id: r.applicant.id });
    expect(detail.work).toEqual(WORK);
    expect(detail.education).toEqual(EDUCATION);
  });

  it('a postal code that is not 6 digits is refused in Chinese', async () => {
    const { core, session } = await setupBase();
    const person = roster(1, 36)[0]!;
    const e = await err(core, session, 'applicants.add', { fields: fieldsOf(person), form: { postalCode: '1300' } });
    expect(e.message).toContain('邮政编码应为 6 位数字');
  });

  it('is audited as 手工录入 from 纸质报名表, without the ID, phone or landline in clear', async () => {
    const { core, session } = await setupBase();
    const person = roster(1, 37)[0]!;
    const r = await ok(core, session, 'applicants.add', { fields: fieldsOf(person), form: FORM });
    const events = await core.db.selectFrom('events').selectAll().where('action', '=', 'applicant.add').execute();
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e.entity_id).toBe(r.applicant.id);
    expect(e.reason).toBe('手工录入');
    expect(JSON.parse(e.after_json!)).toMatchObject({ source: '纸质报名表', name: person.姓名 });
    for (const secret of [person.证件号码, person.手机号码, FORM.landline, FORM.address])
      expect(e.after_json).not.toContain(secret);
  });

  it('clerks may enter applicants; interviewers may not', async () => {
    const { core, session } = await setupBase();
    const clerk = await addUserAndLogin(core, session, 'clerk1', 'clerk');
    const interviewer = await addUserAndLogin(core, session, 'iv1', 'interviewer');
    const [a, b] = roster(2, 38);
    await ok(core, clerk, 'applicants.add', { fields: fieldsOf(a!) });
    expect((await err(core, interviewer, 'applicants.add', { fields: fieldsOf(b!) })).code).toBe('FORBIDDEN');
  });
});

describe('打印报名表', () => {
  async function entered() {
    const { core, session } = await setupBase();
    const person = roster(1, 39)[0]!;
    const r = await ok(core, session, 'applicants.add', {
      fields: fieldsOf(person),
      form: FORM,
      education: EDUCATION,
      work: WORK,
    });
    return { core, session, person, id: r.applicant.id };
  }

  it('prints the form as 附件3 lays it out, with the employer-opinion and seal boxes', async () => {
    const { core, session, id } = await entered();
    const { html } = await ok(core, session, 'applicants.paperFormHtml', { id });
    expect(html).toContain('<h1>吉林省2024年助理全科医生培训学员报名表</h1>');
    for (const s of ['基<br>本<br>情<br>况', '申<br>报<br>情<br>况', '教<br>育<br>情<br>况', '临<br>床<br>工<br>作<br>经<br>历'])
      expect(html).toContain(s);
    for (const label of [
      '政治面貌',
      '户口所在地',
      '婚姻状况',
      '健康状况',
      '固定电话',
      '通讯地址',
      '邮政编码',
      '外语能力',
      '（贴照片处）',
    ])
      expect(html).toContain(label);
    expect(html).toContain('单位意见（单位人报名，须经原单位签署同意并盖章）：');
    expect(html).toContain('（盖章）');
    expect(html).toContain('本人签字：');
    expect(html.match(/年&emsp;&emsp;月&emsp;&emsp;日/g)).toHaveLength(2);
    expect(html).toContain('2019年9月—2022年7月');
    expect(html).toContain('示例县人民医院');
    expect(html).toContain('☑ 四级');
    expect(html).toContain('《助理全科医生培训标准（试行）》（卫科教发〔2012〕59号）');
  });

  it('an applicant from a roster prints the same form, its 报名表-only boxes left blank to fill by hand', async () => {
    const { core, session } = await setupBase();
    const person = roster(1, 40)[0]!;
    await ok(core, session, 'applicants.commitImport', csvFile([person]));
    const [row] = await core.db.selectFrom('applicants').select('id').execute();
    const form = await ok(core, session, 'applicants.paperForm', { id: row!.id });
    expect(form).toMatchObject({ form: {}, work: [], source: null, enteredBy: null });
    const { html } = await ok(core, session, 'applicants.paperFormHtml', { id: row!.id });
    expect(html).toContain(`<td data-field="name">${person.姓名}</td>`);
    expect(html).toContain('单位意见（单位人报名，须经原单位签署同意并盖章）：');
  });

  it('the full ID number only for a role that may reveal it, recorded as a reveal; a clerk prints it masked', async () => {
    const { core, session, id, person } = await entered();
    const clerk = await addUserAndLogin(core, session, 'clerk1', 'clerk');
    const masked = await ok(core, clerk, 'applicants.paperFormHtml', { id });
    expect(masked.revealed).toBe(false);
    expect(masked.html).not.toContain(person.证件号码);
    expect(masked.html).not.toContain(person.手机号码);
    const reveals = () => core.db.selectFrom('events').selectAll().where('action', '=', 'applicant.reveal').execute();
    expect(await reveals()).toHaveLength(0);

    const full = await ok(core, session, 'applicants.paperFormHtml', { id });
    expect(full.revealed).toBe(true);
    expect(full.html).toContain(person.证件号码);
    const events = await reveals();
    expect(events).toHaveLength(1);
    expect(events[0]!.reason).toBe('打印报名表');
    expect(events[0]!.after_json).not.toContain(person.证件号码);
  });
});
