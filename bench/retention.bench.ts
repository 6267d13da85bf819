/**
 * Retention over a large finished year: the preview (what the 首页 reminder and the screen load) and one
 * purge of 20,000 non-admitted applicants, each with a scan; plus the query plan of the desk's ID-prefix
 * search, which must stay an index seek now that the one-person-per-year index is partial.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { storeBlob } from '../src/core/attachments/store';
import type { Core } from '../src/core/context';
import { openCore } from '../src/core/open-core';
import { createRng, makeIdNumber, makePhone } from '../src/core/testdata';
import { call, setUpBase } from './base';

const N = 20_000;

/** Rows straight into the tables (this measures the purge, not the import); one small scan per person. */
async function fill(core: Core): Promise<void> {
  const rng = createRng(9);
  const now = new Date().toISOString();
  const ids = [...new Set(Array.from({ length: N }, () => makeIdNumber(rng, { birthYear: [1975, 2001] })))];
  await core.db.transaction().execute(async (tx) => {
    for (let i = 0; i < ids.length; i += 500) {
      const part = ids.slice(i, i + 500).map((idNumber, k) => ({ id: `a${i + k}`, idNumber }));
      await tx
        .insertInto('applicants')
        .values(
          part.map((p) => ({
            id: p.id,
            cohort_year: 2023,
            id_number: p.idNumber,
            name: `考生${p.id}`,
            phone: makePhone(rng),
            created_at: now,
            updated_at: now,
          })) as never,
        )
        .execute();
      await tx
        .insertInto('applicant_attachments')
        .values(
          part.map((p) => ({
            id: `s${p.id}`,
            applicant_id: p.id,
            item_key: 'id_card',
            sha256: storeBlob(core.dataDir, Buffer.from(`%PDF-scan of ${p.id}`)),
            mime: 'application/pdf',
            size: 20,
            file_name: 'scan.pdf',
            sensitive: 1,
            created_at: now,
            created_by: 'admin',
          })),
        )
        .execute();
    }
  });
}

export async function run(): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(join(tmpdir(), 'basedesk-bench-retention-'));
  try {
    const core = await openCore({ dataDir: join(dir, 'd'), idleMinutes: 0 });
    await setUpBase(core, { baseCode: 'B001' });
    await fill(core);
    const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT id FROM applicants
      WHERE cohort_year = 2023 AND id_number >= '1101' AND id_number < '1101\uffff'`.execute(core.db);
    let t = performance.now();
    const preview = (await call(core, 'retention.preview', {})) as { totals: { applicants: number; files: number } };
    const previewMs = performance.now() - t;
    t = performance.now();
    const purged = (await call(core, 'retention.purge', { reason: '基准测试' })) as { applicants: number; files: number };
    const purgeMs = performance.now() - t;
    t = performance.now();
    await call(core, 'retention.preview', {});
    const afterMs = performance.now() - t;
    await core.close();
    return {
      'applicants due (20,000 generated)': preview.totals.applicants,
      'preview ms': previewMs.toFixed(0),
      'purge ms (applicants + scan files)': purgeMs.toFixed(0),
      'purged applicants / files': `${purged.applicants} / ${purged.files}`,
      'preview after purge ms': afterMs.toFixed(0),
      'ID-prefix search plan': plan.rows.map((r) => r.detail).join('; '),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
