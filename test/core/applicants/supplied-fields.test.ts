/**
 * Which fields a roster supplied is stored as one bit per field; the JSON list earlier versions stored still
 * reads, migration 0020 rewrites it, and neither form changes what a re-import of the same roster finds.
 */
import { describe, expect, it } from 'vitest';
import { storedSupplied, suppliedOf, SUPPLIED_BITS } from '../../../src/core/applicants/supplied-fields';
import { suppliedFields } from '../../../src/core/applicants/validate-row';
import { up as migrate0020 } from '../../../src/core/db/migrations/0020_applicant_supplied_bits';
import { APPLICANT_FIELD_KEYS } from '../../../src/shared/contract/applicants';
import { ok, setupBase } from '../../helpers/core';
import { csvFile, roster } from './helpers';

/** A full roster's supplied fields, as the JSON list earlier versions stored on every row. */
const FULL_ROSTER =
  '["acceptsAdjustment","birthDate","category","choices","email","employer","ethnicity","graduationDate","highestDegree","highestEducation","idNumber","idType","major","name","phone","practisingCertNo","qualificationCertNo","ruralOriented","school","sex"]';

describe('the stored supplied fields', () => {
  it('read back as the sorted list that was written, in a few bytes', () => {
    const fields = JSON.parse(FULL_ROSTER) as string[];
    const stored = storedSupplied(fields)!;
    expect(stored).toMatch(/^\d{1,8}$/);
    expect(suppliedOf(stored)).toEqual(fields);
    expect(suppliedOf(storedSupplied(['sex', 'name', 'choices']))).toEqual(['choices', 'name', 'sex']);
    expect(suppliedOf(storedSupplied([]))).toEqual([]);
    expect(storedSupplied(null)).toBeNull();
    expect(storedSupplied(undefined)).toBeNull();
    expect(suppliedOf(null)).toBeNull();
  });

  it('keep each field at its bit, so values stored by this version read the same in later ones', () => {
    expect(storedSupplied(['acceptsAdjustment'])).toBe('1');
    expect(storedSupplied(['birthDate', 'choices'])).toBe(String(2 + 8));
    expect(storedSupplied(['sex'])).toBe(String(2 ** 25));
    expect(suppliedOf(String(2 ** 16 + 2 ** 13))).toEqual(['idNumber', 'name']);
  });

  it('have a bit for every field a roster column can supply', () => {
    for (const k of suppliedFields(APPLICANT_FIELD_KEYS)) expect(SUPPLIED_BITS).toContain(k);
    expect(new Set(SUPPLIED_BITS).size).toBe(SUPPLIED_BITS.length);
  });

  it('keep a list naming a field without a bit as JSON, which reads back whole', () => {
    const stored = storedSupplied(['name', 'someFutureField']);
    expect(stored).toBe('["name","someFutureField"]');
    expect(suppliedOf(stored)).toEqual(['name', 'someFutureField']);
  });

  it('read the JSON list earlier versions stored', () => {
    expect(suppliedOf(FULL_ROSTER)).toEqual(JSON.parse(FULL_ROSTER));
    expect(suppliedOf('[]')).toEqual([]);
  });

  it('refuse a damaged value with STORED_JSON_INVALID naming the column', () => {
    for (const damaged of ['', 'abc', '12x', '-1', String(2 ** SUPPLIED_BITS.length), '["name"', '[1,2]']) {
      expect(() => suppliedOf(damaged), damaged).toThrow(
        expect.objectContaining({ code: 'STORED_JSON_INVALID', details: { where: 'applicants.supplied_json' } }),
      );
    }
  });
});

describe('migration 0020: supplied fields as bits', () => {
  it('rewrites the JSON lists, keeps what they say, and a re-import of the same roster still changes nothing', async () => {
    const { core, session } = await setupBase();
    const full = roster(3, 60);
    const slim = roster(2, 61).map(({ 电子邮箱: _e, 民族: _m, ...rest }) => rest);
    await ok(core, session, 'applicants.commitImport', csvFile(full, 'full.csv'));
    await ok(core, session, 'applicants.commitImport', csvFile(slim as never, 'slim.csv'));
    const read = () =>
      core.raw.prepare('SELECT id_number, supplied_json FROM applicants ORDER BY id_number').all() as Array<{
        id_number: string;
        supplied_json: string | null;
      }>;
    const expected = read().map((r) => ({ id: r.id_number, fields: suppliedOf(r.supplied_json) }));
    // The database as earlier versions left it: JSON lists, and a row stored before supplied fields were kept.
    for (const r of read()) {
      core.raw
        .prepare('UPDATE applicants SET supplied_json = ? WHERE id_number = ?')
        .run(JSON.stringify(suppliedOf(r.supplied_json)), r.id_number);
    }
    const oldest = full[0]!.证件号码;
    core.raw.prepare('UPDATE applicants SET supplied_json = NULL WHERE id_number = ?').run(oldest);
    expect(read().filter((r) => r.supplied_json?.startsWith('['))).toHaveLength(4);
    // Before the migration, the JSON form reads: the same roster again changes nothing.
    expect(await ok(core, session, 'applicants.commitImport', csvFile(slim as never, 'slim.csv'))).toMatchObject({
      updated: 0,
      unchanged: 2,
    });

    await migrate0020(core.db);
    const after = read();
    for (const r of after) {
      if (r.id_number === oldest) expect(r.supplied_json).toBeNull();
      else expect(r.supplied_json).toMatch(/^\d+$/);
    }
    expect(after.map((r) => ({ id: r.id_number, fields: suppliedOf(r.supplied_json) }))).toEqual(
      expected.map((e) => (e.id === oldest ? { ...e, fields: null } : e)),
    );
    expect(await ok(core, session, 'applicants.commitImport', csvFile(slim as never, 'slim.csv'))).toMatchObject({
      updated: 0,
      unchanged: 2,
    });
    expect(await ok(core, session, 'applicants.commitImport', csvFile(full.slice(1), 'full.csv'))).toMatchObject({
      updated: 0,
      unchanged: 2,
    });
  });
});
