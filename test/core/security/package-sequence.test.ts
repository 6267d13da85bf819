import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPackage } from '../../../src/core/outbox/package/verify';
import { releaseSequence, reserveSequence } from '../../../src/core/outbox/sequences';
import { createIntakeServer } from '../../../src/core/upload/intake-server';
import { createMemoryResumeStore } from '../../../src/core/upload/resume-store';
import { uploadPackage } from '../../../src/core/upload/upload';
import { attachmentsDir } from '../../../src/core/attachments/store';
import { err, ok } from '../../helpers/core';
import { buildSample, patchFile, rewriteZip, tempDir, UUID_B } from '../outbox/package/fixtures';
import { outboxBase } from '../outbox/helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('basedesk-seq-'));
});
afterEach(async () => cleanup());

describe('a directory entry in the ZIP', () => {
  it('carrying data (not covered by any manifest) fails verification with PKG_DIRECTORY_ENTRY', async () => {
    const { built, key } = await buildSample(dir);
    const tampered = join(dir, 'tampered.zip');
    await rewriteZip(built.filePath, tampered, (items) => [...items, { name: 'data/zzzzzz', data: Buffer.from('hidden rows') }]);
    // Same length, in the local header and the central directory: the entry becomes "data/zzzzz/".
    expect(await patchFile(tampered, 'data/zzzzzz', 'data/zzzzz/')).toBe(2);
    const r = await verifyPackage(tampered, { trustedKeys: [key] });
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'PKG_DIRECTORY_ENTRY', file: 'data/zzzzz/' }] });
  });
});

describe('sequence numbers per base and kind', () => {
  it('the intake accepts an older sequence after a newer one but says so in the signed receipt', async () => {
    const { built: newer, key } = await buildSample(dir, { sequence: 9 }, 'newer.zip');
    const { built: older } = await buildSample(dir, { sequence: 4, uuid: UUID_B }, 'older.zip');
    const intake = await createIntakeServer({ dir: join(dir, 'intake'), trustedKeys: [key] });
    try {
      const send = (p: typeof newer) =>
        uploadPackage({
          endpoint: intake.url,
          filePath: p.filePath,
          sha512: p.sha512,
          uuid: p.uuid,
          receiptKeys: [intake.receiptPublicKey],
          resumeStore: createMemoryResumeStore(),
          retryDelays: [0, 100],
        });
      const first = await send(newer);
      expect(first.receipt.warnings).toBeUndefined();
      const second = await send(older);
      expect(second).toMatchObject({
        status: 'delivered',
        receipt: { warnings: [{ code: 'PKG_SEQUENCE_BACKWARDS', file: 'bag-info.txt' }] },
      });
    } finally {
      await intake.close();
    }
  });

  it('verifyPackage warns when the sequence is not after the latest accepted one for that base and kind', async () => {
    const { built, key } = await buildSample(dir, { sequence: 7 });
    const latest = (baseCode: string, kind: string) => (baseCode === 'GD-0102' && kind === 'enrolment' ? 7 : null);
    const r = await verifyPackage(built.filePath, { trustedKeys: [key], latestSequence: latest });
    expect(r).toMatchObject({ ok: true, warnings: [{ code: 'PKG_SEQUENCE_BACKWARDS' }] });
    const fresh = await verifyPackage(built.filePath, { trustedKeys: [key], latestSequence: () => 6 });
    expect(fresh).toMatchObject({ ok: true, warnings: [] });
  });

  it('are counted per kind, and a reservation given back is used again', async () => {
    const { core } = await outboxBase({ applicants: 1 });
    expect(await reserveSequence(core, 'JL001', 'confirmations')).toBe(1);
    expect(await reserveSequence(core, 'JL001', 'confirmations')).toBe(2);
    expect(await reserveSequence(core, 'JL001', 'scores')).toBe(1);
    await releaseSequence(core, 'JL001', 'confirmations', 2);
    expect(await reserveSequence(core, 'JL001', 'confirmations')).toBe(2);
    // Only the latest reservation can be given back: an earlier one would make the next build reuse a number.
    await releaseSequence(core, 'JL001', 'confirmations', 1);
    expect(await reserveSequence(core, 'JL001', 'confirmations')).toBe(3);
  });

  it('a build that fails does not use up a sequence number', async () => {
    const { core, session } = await outboxBase({ applicants: 2, attachmentBytes: [1000] });
    const blob = await core.db.selectFrom('applicant_attachments').select('sha256').executeTakeFirstOrThrow();
    const path = join(attachmentsDir(core.dataDir), blob.sha256);
    await copyFile(path, join(dir, 'kept'));
    await rm(path);
    expect((await err(core, session, 'package.build', { kind: 'confirmations' })).code).toMatch(/^(PKG_|ATTACHMENT_)/);
    await copyFile(join(dir, 'kept'), path);
    expect((await ok(core, session, 'package.build', { kind: 'confirmations' })).sequence).toBe(1);
  });
});
