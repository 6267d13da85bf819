/**
 * A base with three recruitment years for the retention tests: 2023 (no 公示; over once the base moved on),
 * 2024 (admitted and published 2024-07-10..16, two non-admitted people, one with scans), 2025 (still open),
 * plus one delivered package with its file. The clock is movable.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../../src/core/context';
import { createRng, makeIdNumber, makeName, makePhone } from '../../../src/core/testdata';
import { ok, setupBase } from '../../helpers/core';
import { seedApplicants, setPlan } from '../admission/seed';

export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

export function movableClock(iso: string) {
  let now = Date.parse(iso);
  return { nowMs: () => now, set: (t: string) => void (now = Date.parse(t)) };
}

/** Applicants of a year other than the admission seed's, written straight into the table. */
export async function otherYear(core: Core, cohortYear: number, count: number, seed: number): Promise<string[]> {
  const rng = createRng(seed);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `y${cohortYear}-${i}`;
    ids.push(id);
    await core.db
      .insertInto('applicants')
      .values({
        id,
        cohort_year: cohortYear,
        id_type: '居民身份证',
        id_number: makeIdNumber(rng),
        name: makeName(rng),
        name_initials: 'x',
        phone: makePhone(rng),
        category: '社会人',
        choices_json: '["0100"]',
        confirmation_status: 'confirmed',
        rural_oriented: 0,
        accepts_adjustment: 0,
        reduction_years: 0,
        content_hash: '',
        extra_json: '{}',
        created_at: '2023-05-01T00:00:00.000Z',
        updated_at: '2023-05-01T00:00:00.000Z',
      })
      .execute();
  }
  return ids;
}

export async function deliveredPackage(core: Core, uuid: string, deliveredAt: string): Promise<string> {
  const fileName = `JL001-admissions-${uuid}.zip`;
  const dir = join(core.dataDir, 'outbox');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, fileName);
  writeFileSync(file, Buffer.alloc(2048, 3));
  await core.db
    .insertInto('outbox')
    .values({
      uuid,
      kind: 'admissions',
      base_code: 'JL001',
      cohort_year: 2024,
      schema_version: 1,
      sequence: 1,
      bagging_date: deliveredAt.slice(0, 10),
      file_name: fileName,
      encrypted: 0,
      recipient: null,
      sha512: 'ab'.repeat(64),
      bag_sha512: 'cd'.repeat(64),
      bytes: 2048,
      payload_files: 1,
      payload_bytes: 100,
      record_counts_json: '{}',
      key_fingerprint: 'fp',
      state: 'delivered',
      attempts: 1,
      last_error_code: null,
      last_error_message: null,
      receipt_json: JSON.stringify({ receivedAt: deliveredAt }),
      created_at: deliveredAt,
      created_by: 'admin',
      updated_at: deliveredAt,
      delivered_at: deliveredAt,
    })
    .execute();
  return file;
}

export async function threeYears(start = '2024-07-01T08:00:00.000Z') {
  const clock = movableClock(start);
  const { core, session } = await setupBase('jilin-2024', '吉林大学第一医院', { clock, idleMinutes: 60 * 24 * 3650 });
  await setPlan(core, session, [
    ['0100', null, 1],
    ['0200', null, 1],
  ]);
  const s = await seedApplicants(core, [
    { key: 'A', choices: ['0100'], total: 90 },
    { key: 'B', choices: ['0200'], total: 85 },
    { key: 'C', choices: ['0100'], total: 80 },
    { key: 'D', choices: ['0200'], total: 70, status: 'rejected' },
  ]);
  await ok(core, session, 'attachments.add', {
    applicantId: s.id('C'),
    itemKey: 'id_card',
    fileName: 'id.png',
    contentBase64: PNG.toString('base64'),
  });
  await ok(core, session, 'admission.run', {});
  await ok(core, session, 'admission.publish', { startDate: '2024-07-10', days: 7 });
  const y2023 = await otherYear(core, 2023, 3, 11);
  const y2025 = await otherYear(core, 2025, 2, 12);
  return { core, session, clock, s, y2023, y2025 };
}
