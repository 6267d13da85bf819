import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Core } from '../../../src/core/context';
import { storeBlob } from '../../../src/core/attachments/store';
import { passphraseProtector, useKeyProtector } from '../../../src/core/outbox/key-protector';
import { rowPublicKey } from '../../../src/core/outbox/keys';
import { createRng, makeApplicants, writeCsv } from '../../../src/core/testdata';
import type { PublicKey } from '../../../src/core/crypto/signing-key';
import { ok, setupBase } from '../../helpers/core';

export const PASSPHRASE = '测试口令 outbox';
/** Cheapest scrypt the envelope accepts: tests open keys many times. */
export const FAST_SCRYPT = { logN: 14, r: 8, p: 1 };

export function protectWithPassphrase(core: Core, pass = PASSPHRASE): void {
  useKeyProtector(
    core,
    passphraseProtector(() => pass, FAST_SCRYPT),
  );
}

/** A base with generated applicants (some confirmed, one returned) and, optionally, scanned attachments. */
export async function outboxBase(opts: { applicants?: number; attachmentBytes?: number[]; dataDir?: string } = {}) {
  const { core, session } = await setupBase('jilin-2024', '吉林大学第一医院', opts.dataDir ? { dataDir: opts.dataDir } : {});
  protectWithPassphrase(core);
  const people = makeApplicants(createRng(6), opts.applicants ?? 5, {
    specialties: ['内科', '外科', '儿科'],
    categories: ['单位人', '社会人'],
    choices: 1,
  });
  const csv = writeCsv(people as never, { encoding: 'utf-8' });
  await ok(core, session, 'applicants.commitImport', {
    fileName: 'roster.csv',
    contentBase64: Buffer.from(csv).toString('base64'),
  });
  const ids = people.map((p) => p.证件号码);
  await ok(core, session, 'confirm.decide', {
    targets: ids.slice(0, Math.max(1, ids.length - 1)),
    decision: 'confirmed',
    checklistComplete: true,
  });
  if (ids.length > 1)
    await ok(core, session, 'confirm.decide', {
      targets: [ids[ids.length - 1]!],
      decision: 'returned',
      reason: '缺少学位证原件',
    });
  const rows = await core.db.selectFrom('applicants').select('id').orderBy('id').execute();
  for (const [i, size] of (opts.attachmentBytes ?? []).entries()) {
    const bytes = Buffer.alloc(size);
    let x = 12345 + i;
    for (let j = 0; j < size; j += 4) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      bytes.writeUInt32LE(x, j);
    }
    bytes[0] = 0xff;
    bytes[1] = 0xd8;
    bytes[2] = 0xff;
    const sha256 = storeBlob(core.dataDir, bytes);
    await core.db
      .insertInto('applicant_attachments')
      .values({
        id: `att-${i}`,
        applicant_id: rows[i % rows.length]!.id,
        item_key: 'diploma',
        sha256,
        mime: 'image/jpeg',
        size,
        file_name: `scan-${i}.jpg`,
        sensitive: 0,
        created_at: new Date(0).toISOString(),
        created_by: 'admin',
      })
      .execute();
  }
  return { core, session, ids };
}

export async function activePublicKey(core: Core): Promise<PublicKey> {
  const row = await core.db.selectFrom('signing_keys').selectAll().where('status', '=', 'active').executeTakeFirstOrThrow();
  return rowPublicKey(row);
}

export function outboxFile(core: Core, fileName: string): string {
  return join(core.dataDir, 'outbox', fileName);
}

export function sha512Hex(b: Uint8Array): string {
  return createHash('sha512').update(b).digest('hex');
}
