import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { err, ok, setupBase } from '../../helpers/core';
import { seedApplicants } from '../admission/seed';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]).toString('base64');
const at = (iso: string) => ({ nowMs: () => Date.parse(iso) });

async function beijing(now: string) {
  const { core, session } = await setupBase('beijing-2023', '北京某医院', { clock: at(now) });
  const s = await seedApplicants(core, [{ key: 'A', choices: ['0100'], total: 88, reduction: 1 }], 2024);
  return { core, session, s };
}

const experience = (applicant: string, extra: Record<string, unknown> = {}) => ({
  applicant,
  kind: 'professional-graduate',
  hospital: '北京某大学附属医院',
  specialty: '内科',
  from: '2021-09-01',
  to: '2024-06-30',
  recognisedBase: true,
  ...extra,
});

describe('Beijing 临床实践经历 and the 认定表', () => {
  it('accepts a row only with its proof, and never an academic-degree row', async () => {
    const { core, session, s } = await beijing('2024-09-05T02:00:00Z');
    const without = await ok(core, session, 'reduction.addExperience', experience(s.id('A')));
    const id = without.experiences[0]!.id;
    expect((await err(core, session, 'reduction.reviewExperience', { id, accept: true })).code).toBe(
      'REDUCTION_EXPERIENCE_NOT_ACCEPTABLE',
    );
    const academic = await ok(core, session, 'reduction.addExperience', {
      ...experience(s.id('A'), { kind: 'academic-graduate', from: '2018-09-01', to: '2021-06-30' }),
      proof: { fileName: '学位证.png', contentBase64: PNG },
    });
    const academicId = academic.experiences.find((e) => e.kind === 'academic-graduate')!.id;
    expect((await err(core, session, 'reduction.reviewExperience', { id: academicId, accept: true })).code).toBe(
      'REDUCTION_EXPERIENCE_NOT_ACCEPTABLE',
    );
    const withProof = await ok(core, session, 'reduction.addExperience', {
      ...experience(s.id('A'), { from: '2024-07-01', to: '2024-08-31' }),
      proof: { fileName: '培养记录手册.png', contentBase64: PNG },
    });
    const provenId = withProof.experiences.find((e) => e.from === '2024-07-01')!.id;
    const r = await ok(core, session, 'reduction.reviewExperience', { id: provenId, accept: true });
    expect(r.experiences.find((e) => e.id === provenId)).toMatchObject({
      review: 'accepted',
      proof: { fileName: '培养记录手册.png', mime: 'image/png' },
    });
  });

  it('asks for a reason to review after 9月12日', async () => {
    const { core, session, s } = await beijing('2024-09-20T02:00:00Z');
    const r = await ok(core, session, 'reduction.addExperience', {
      ...experience(s.id('A')),
      proof: { fileName: 'a.png', contentBase64: PNG },
    });
    const id = r.experiences[0]!.id;
    const late = await err(core, session, 'reduction.reviewExperience', { id, accept: true });
    expect(late).toMatchObject({ code: 'REDUCTION_REVIEW_LATE', message: expect.stringContaining('9月12日') });
    await ok(core, session, 'reduction.reviewExperience', { id, accept: true, reason: '报名者补交培养记录手册' });
  });

  it('exports the 认定表 as XLSX and a printable page, IDs masked, audited', async () => {
    const { core, session, s } = await beijing('2024-09-05T02:00:00Z');
    await ok(core, session, 'reduction.addExperience', {
      ...experience(s.id('A')),
      proof: { fileName: 'a.png', contentBase64: PNG },
    });
    await ok(core, session, 'reduction.record', {
      applicant: s.id('A'),
      monthsGranted: 12,
      makeup: [{ department: '内科', months: 6 }],
      decidedOn: '2024-09-15',
    });
    await ok(core, session, 'reduction.agreement', { applicant: s.id('A'), signedOn: '2024-09-16' });
    const x = await ok(core, session, 'reduction.recognitionXlsx', {});
    expect(x.fileName).toBe('2024年北京市住院医师规范化培训临床实践经历认定表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).getCell(3).value).toBe('身份证号');
    const line = ws.getRow(4).values as unknown[];
    expect(line).toContain(s.name('A'));
    expect(line).toContain('2021年9月1日');
    expect(line).toContain('2 年（减免 12 个月）');
    expect(line).toContain('2024年9月16日 签署');
    expect(line.join('')).not.toContain(s.idNumber('A'));
    const page = await ok(core, session, 'reduction.recognitionHtml', { applicant: s.idNumber('A') });
    expect(page.html).toContain('临床实践经历认定表');
    expect(page.html).not.toContain(s.idNumber('A'));
    const exported = await core.db
      .selectFrom('events')
      .select('after_json')
      .where('action', '=', 'reduction.form-export')
      .execute();
    expect(exported).toHaveLength(2);
  });

  it('has no 认定表 outside Beijing', async () => {
    const { core, session } = await setupBase('jilin-2024');
    expect((await err(core, session, 'reduction.recognitionXlsx', {})).code).toBe('REDUCTION_FORM_NOT_APPLICABLE');
  });
});
