import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dispatch } from '../src/core/api/dispatch';
import { storeBlob } from '../src/core/attachments/store';
import { openCore } from '../src/core/open-core';
import { passphraseProtector, useKeyProtector } from '../src/core/outbox/key-protector';
import { rowPublicKey } from '../src/core/outbox/keys';
import { exportMinisignPublicKey } from '../src/core/crypto/signing-key';
import { createRng, makeApplicants, writeCsv } from '../src/core/testdata';
import { createIntakeServer } from '../src/core/upload';
import type { OpName, OpResult } from '../src/shared/contract';

/**
 * The outbox end to end from the database: 1,000 confirmed applicants with BENCH_OUTBOX_ATTACH_KB (default
 * 256) KB of scans each, build a signed confirmations package, push it over tus to a loopback intake that
 * verifies it, and peak RSS of the whole process (app + intake).
 */
export async function run(): Promise<Record<string, string | number>> {
  const kb = Number(process.env.BENCH_OUTBOX_ATTACH_KB ?? 256);
  const dir = await mkdtemp(join(tmpdir(), 'basedesk-bench-outbox-'));
  const core = await openCore({ dataDir: join(dir, 'data'), idleMinutes: 0 });
  const call = async <K extends OpName>(op: K, input: unknown): Promise<OpResult<K>> => {
    const r = await dispatch(core, 'bench', op, input);
    if (!r.ok) throw new Error(`${op}: ${r.error.code} ${r.error.message}`);
    return r.value as OpResult<K>;
  };
  try {
    useKeyProtector(
      core,
      passphraseProtector(() => 'bench passphrase'),
    );
    await call('setup.initialize', {
      baseName: '基准测试医院',
      baseCode: 'BENCH01',
      presetId: 'jilin-2024',
      cohortYear: 2024,
      admin: { username: 'admin', displayName: '管理员', password: 'bench-pass-123' },
    });
    await call('auth.login', { username: 'admin', password: 'bench-pass-123' });
    const people = makeApplicants(createRng(1), 1000, {
      specialties: ['内科', '外科', '儿科'],
      categories: ['社会人'],
      choices: 1,
    });
    await call('applicants.commitImport', {
      fileName: 'r.csv',
      contentBase64: Buffer.from(writeCsv(people as never, { encoding: 'utf-8' })).toString('base64'),
    });
    // Generated people may fail a preset rule (e.g. a rural-oriented graduate choosing 内科): let them through, as a clerk
    // would after checking, so the package holds all 1,000.
    await call('confirm.decide', {
      targets: people.map((p) => p.证件号码),
      decision: 'confirmed',
      checklistComplete: true,
      overrideRules: true,
      reason: '基准测试数据',
    });
    const ids = await core.db.selectFrom('applicants').select('id').orderBy('id').execute();
    for (const [i, a] of ids.entries()) {
      const bytes = randomBytes(kb * 1024);
      bytes[0] = 0x25; // %PDF-
      bytes.write('PDF-', 1, 'latin1');
      const sha256 = storeBlob(core.dataDir, bytes);
      await core.db
        .insertInto('applicant_attachments')
        .values({
          id: `b${i}`,
          applicant_id: a.id,
          item_key: 'diploma',
          sha256,
          mime: 'application/pdf',
          size: bytes.length,
          file_name: 'x.pdf',
          sensitive: 0,
          created_at: '2025-01-01T00:00:00.000Z',
          created_by: 'admin',
        })
        .execute();
    }

    const setupPeakMB = Math.round(process.resourceUsage().maxRSS / 1024);
    let t = performance.now();
    await call('keys.init', {});
    const keySeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const item = await call('package.build', { kind: 'confirmations' });
    const buildSeconds = (performance.now() - t) / 1000;

    const intake = await createIntakeServer({
      dir: join(dir, 'intake'),
      trustedKeys: [rowPublicKey(await core.db.selectFrom('signing_keys').selectAll().executeTakeFirstOrThrow())],
    });
    try {
      // The base pins the intake's receipt key, as it would the province's: receipts are verified with it.
      await call('keys.setIntakeKey', {
        publicKey: exportMinisignPublicKey(intake.receiptPublicKey),
        reason: '基准测试用接收端',
      });
      await call('outbox.setEndpoint', { url: intake.url });
      t = performance.now();
      const pushed = await call('outbox.push', {});
      const pushSeconds = (performance.now() - t) / 1000;
      const mb = item.bytes / 1024 / 1024;
      return {
        applicants: 1000,
        packageMB: Number(mb.toFixed(1)),
        payloadFiles: item.payloadFiles,
        keyInitSeconds: Number(keySeconds.toFixed(2)),
        buildSeconds: Number(buildSeconds.toFixed(2)),
        buildMBps: Number((mb / buildSeconds).toFixed(0)),
        pushAndVerifySeconds: Number(pushSeconds.toFixed(2)),
        pushMBps: Number((mb / pushSeconds).toFixed(0)),
        pushState: pushed.results[0]?.state ?? 'none',
        setupPeakRssMB: setupPeakMB,
        peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      };
    } finally {
      await intake.close();
    }
  } finally {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  }
}
