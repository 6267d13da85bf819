import { describe, expect, it } from 'vitest';
import { NewApplicantWriter } from '../../../src/core/applicants/import-insert';
import { insertRows } from '../../../src/core/applicants/import-rows';
import { newApplicantRow } from '../../../src/core/applicants/record';
import type { ApplicantRecord } from '../../../src/core/applicants/validate-row';
import { freshCore } from '../../helpers/core';

const base: ApplicantRecord = {
  idType: '居民身份证',
  idNumber: '11010519491231002X',
  name: '张三',
  sex: '男',
  ethnicity: '汉族',
  birthDate: '1949-12-31',
  phone: '13812341234',
  email: 'zs@example.com',
  highestEducation: '本科',
  highestDegree: '学士',
  school: '某医科大学',
  major: '临床医学',
  graduationDate: '2024-06',
  fullTime: true,
  category: 'unit',
  employer: '某县人民医院',
  ruralOriented: true,
  qualificationCertNo: 'A1234567890',
  practisingCertNo: '123456789012345',
  choices: ['0100', '0200'],
  choiceList: null,
  acceptsAdjustment: true,
  reductionYears: 1,
  enrolledStudent: false,
  ruralBreach: true,
  ruralCounty: '某县',
  discipline: '临床',
  supplied: ['choices', 'idNumber', 'name', 'phone'],
};

/** Records that between them set every column each way: nulls, absent optionals, other bases, flags both ways. */
const records: ApplicantRecord[] = [
  base,
  { ...base, idNumber: 'A2', fullTime: false, ruralOriented: false, acceptsAdjustment: false, enrolledStudent: true },
  {
    ...base,
    idNumber: 'A3',
    sex: null,
    ethnicity: null,
    birthDate: null,
    phone: null,
    email: null,
    fullTime: null,
    category: null,
    choices: [],
    enrolledStudent: null,
    ruralBreach: null,
    ruralCounty: null,
    discipline: null,
    supplied: null,
  },
  (({ enrolledStudent: _e, ruralBreach: _r, ruralCounty: _c, discipline: _d, supplied: _s, choiceList: _l, ...rest }) => ({
    ...rest,
    idNumber: 'A4',
  }))(base),
  {
    ...base,
    idNumber: 'A5',
    choices: ['0100'],
    choiceList: [
      { order: 1, base: '另一医院', specialty: '内科' },
      { order: 2, base: null, specialty: '0100' },
    ],
  },
  { ...base, idNumber: 'A6', choices: ['0200', '0100'], supplied: ['name'] },
  { ...base, idNumber: 'A7', choices: ['0100', '0200'] },
];

describe('new applicants written by the import', () => {
  it('store the same row, column by column, as newApplicantRow gives for the paper form', async () => {
    const core = await freshCore();
    const now = '2024-06-01T08:00:00.000Z';
    core.raw.transaction(() => {
      const writer = new NewApplicantWriter(core.raw, 2024, '名单.xlsx', now);
      records.forEach((record, i) => writer.add({ id: `w-${i}`, record, row: i + 2, initials: `i${i}` }));
    })();
    core.raw.exec(`UPDATE applicants SET cohort_year = 2023`);
    insertRows(
      core.raw,
      'applicants',
      records.map((r, i) =>
        newApplicantRow(
          `w-${i}`.replace('w', 'o'),
          2024,
          r,
          { file: '名单.xlsx', row: i + 2, initials: `i${i}`, extraJson: '{}' },
          now,
        ),
      ),
    );
    const rows = (year: number) =>
      (core.raw.prepare('SELECT * FROM applicants WHERE cohort_year = ? ORDER BY id').all(year) as Record<string, unknown>[]).map(
        ({ id: _id, cohort_year: _y, ...rest }) => rest,
      );
    const written = rows(2023);
    expect(written).toHaveLength(records.length);
    expect(written).toEqual(rows(2024));
  });
});
