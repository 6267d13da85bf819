import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dispatch } from '../src/core/api/dispatch';
import { openCore } from '../src/core/open-core';
import { readTable } from '../src/core/tabular';
import { createRng, makeApplicants, writeXlsx } from '../src/core/testdata';
const rows = makeApplicants(createRng(1), 10_000, { specialties: ['内科', '外科', '儿科', '全科'], categories: ['单位人', '社会人'], choices: 1 });
const bytes = await writeXlsx(rows);
for (let i = 0; i < 2; i++) {
  const t = performance.now();
  await readTable({ fileName: 'a.xlsx', bytes });
  console.log('readTable', Math.round(performance.now() - t));
}
const core = await openCore({ dataDir: mkdtempSync(join(tmpdir(), 'p-')), idleMinutes: 0 });
await dispatch(core, 's', 'setup.initialize', { baseName: '基准医院', baseCode: 'B', presetId: 'jilin-2024', cohortYear: 2024, admin: { username: 'admin', displayName: '管理员', password: 'bench-pass-123' } });
console.log(await dispatch(core, 's', 'setup.initialize', {}).then(()=>''));const L = await dispatch(core, 's', 'auth.login', { username: 'admin', password: 'bench-pass-123' }); console.log(L);
const b64 = Buffer.from(bytes).toString('base64');
for (const op of ['applicants.previewImport', 'applicants.commitImport', 'applicants.commitImport']) {
  const t = performance.now();
  const r = await dispatch(core, 's', op, { fileName: 'a.xlsx', contentBase64: b64 });
  console.log(op, Math.round(performance.now() - t), r.ok ? '' : r.error.message);
}
await core.close();
