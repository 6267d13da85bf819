/** The applicant content hash decides "unchanged" on re-import: its field order and encoding must not drift. */
import { hash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HASH_KEYS, contentHash, hashValues } from '../../../src/core/applicants/record';
import type { ApplicantRecord } from '../../../src/core/applicants/validate-row';

const RECORD: ApplicantRecord = {
  idType: '居民身份证',
  idNumber: '110101199003074514',
  name: '测试甲',
  sex: '男',
  ethnicity: '汉族',
  birthDate: '1990-03-07',
  phone: '13800000000',
  email: null,
  highestEducation: '本科',
  highestDegree: '学士',
  school: '示例医学院',
  major: '临床医学',
  graduationDate: '2024-06-30',
  fullTime: true,
  category: '社会人',
  employer: null,
  ruralOriented: false,
  qualificationCertNo: null,
  practisingCertNo: null,
  choices: ['0100'],
  acceptsAdjustment: true,
  reductionYears: 0,
};

describe('applicant content hash', () => {
  it('is pinned: same fields in the same order give the same hash as every earlier release of this layout', () => {
    expect(contentHash(RECORD)).toBe(PINNED);
  });

  it('hashes an absent optional fact exactly like a stored null (a row read back from the database)', () => {
    const stored: ApplicantRecord = {
      ...RECORD,
      enrolledStudent: null,
      ruralBreach: null,
      ruralCounty: null,
      discipline: null,
      supplied: null,
    };
    expect(contentHash(stored)).toBe(contentHash(RECORD));
  });

  it('reads exactly the fields HASH_KEYS lists, in its order, with the choice list last only when set', () => {
    const full: ApplicantRecord = {
      ...RECORD,
      enrolledStudent: true,
      ruralBreach: false,
      ruralCounty: '某县',
      discipline: '临床',
      supplied: ['name'],
    };
    expect(hashValues(full)).toEqual(HASH_KEYS.map((k) => full[k]));
    expect(hashValues(RECORD)).toEqual(HASH_KEYS.map((k) => RECORD[k]));
    const elsewhere: ApplicantRecord = { ...full, choiceList: [{ order: 1, base: '另一医院', specialty: '内科' }] };
    expect(hashValues(elsewhere)).toEqual([...HASH_KEYS.map((k) => elsewhere[k]), elsewhere.choiceList]);
  });

  it('is the SHA-256 of the JSON of those values, whether the supplied list is one file’s shared (frozen) list or not', () => {
    const plain = (r: ApplicantRecord) => hash('sha256', JSON.stringify(hashValues(r)), 'hex');
    const shared = Object.freeze(['choices', 'idNumber', 'name']) as string[];
    const elsewhere = [{ order: 1, base: '另一医院', specialty: '内科' }];
    const records: ApplicantRecord[] = [
      RECORD,
      { ...RECORD, supplied: null },
      { ...RECORD, supplied: [] },
      { ...RECORD, supplied: shared },
      { ...RECORD, idNumber: '11010519491231002X', supplied: shared },
      { ...RECORD, supplied: ['choices', 'idNumber', 'name'] },
      { ...RECORD, supplied: shared, choiceList: elsewhere },
      { ...RECORD, choiceList: elsewhere },
      { ...RECORD, choiceList: null, supplied: shared },
    ];
    for (const r of records) expect(contentHash(r)).toBe(plain(r));
    expect(contentHash({ ...RECORD, supplied: shared })).toBe(contentHash({ ...RECORD, supplied: [...shared] }));
    expect(contentHash({ ...RECORD, supplied: shared })).not.toBe(contentHash({ ...RECORD, supplied: ['name'] }));
  });

  it('changes when any one field changes', () => {
    expect(contentHash({ ...RECORD, phone: '13800000001' })).not.toBe(PINNED);
    expect(contentHash({ ...RECORD, choices: ['0100', '0200'] })).not.toBe(PINNED);
    expect(contentHash({ ...RECORD, discipline: '临床' })).not.toBe(PINNED);
  });
});

const PINNED = 'c551e9c11e7540f444ad28f908e238ab88724dbffd14d9de7479a17fe5251b51';
