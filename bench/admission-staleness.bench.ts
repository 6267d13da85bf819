/**
 * What it costs to know whether the stored admission run is out of date, on a 10,000-applicant cohort
 * (generated roster imported as the province exports it, real scores for every one): the fingerprint of
 * every input group alone (the roster's columns as a run reads them, one statement for the other groups),
 * `admission.list` (which carries the check) and `ranking.show` (which carries it
 * too), against `admission.run`, which reads the same inputs in full.
 * Run: npx tsx bench/admission-staleness.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { currentFingerprints } from '../src/core/admission/staleness';
import type { Core } from '../src/core/context';
import { openCore } from '../src/core/open-core';
import { createRng, makeApplicants, writeCsv } from '../src/core/testdata';
import { percentile } from './stats';
import { call, setUpBase } from './base';

const N = 10_000;
const SPECIALTIES = ['内科', '外科', '儿科', '全科', '妇产科', '急诊科', '麻醉科', '放射科', '骨科', '眼科'];
const CODES = ['0100', '0200', '0300', '0700', '0900', '1400', '1600', '1700', '1900', '2200'];

/** Median wall-clock and median CPU time of this process (the one to trust on a busy machine), ms. */
async function median(times: number, f: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < times; i++) {
    const c0 = process.cpuUsage();
    const t = performance.now();
    await f();
    wall.push(performance.now() - t);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const r = (x: number) => Math.round(x * 10) / 10;
  return { wall: r(percentile(wall, 50)), cpu: r(percentile(cpu, 50)) };
}

const both = (m: { wall: number; cpu: number }) => `${m.wall} (CPU ${m.cpu})`;

async function arrange(core: Core): Promise<void> {
  await setUpBase(core);
  const rng = createRng(1);
  const people = makeApplicants(rng, N, { specialties: SPECIALTIES, categories: ['单位人', '社会人'], choices: 1 });
  const roster = Buffer.from(writeCsv(people as never, { encoding: 'utf-8' })).toString('base64');
  await call(core, 'applicants.commitImport', { fileName: 'roster.csv', contentBase64: roster });
  // 现场确认 is the desk's feature; almost everyone passed it.
  await core.db.updateTable('applicants').set({ confirmation_status: 'confirmed' }).execute();
  const score = () => ((6000 + rng.int(0, 4000)) / 100).toFixed(2);
  const rows = [['姓名', '身份证号', '笔试成绩', '面试成绩'], ...people.map((p) => [p.姓名, p.证件号码, score(), score()])];
  const scores = Buffer.from(writeCsv(rows, { encoding: 'utf-8' })).toString('base64');
  await call(core, 'scores.import', { fileName: 'scores.csv', contentBase64: scores });
  for (const code of CODES) await call(core, 'plan.setQuota', { specialtyCode: code, category: null, quota: 60 });
}

export async function run(): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(join(tmpdir(), 'basedesk-bench-stale-'));
  const core = await openCore({ dataDir: dir, idleMinutes: 0 });
  try {
    await arrange(core);
    const runMs = await median(1, () => call(core, 'admission.run', {}));
    const fingerprintMs = await median(9, () => currentFingerprints(core.db, 2024));
    const listMs = await median(5, () => call(core, 'admission.list', {}));
    const rankingMs = await median(3, () => call(core, 'ranking.show', {}));
    const v = (await call(core, 'admission.list', {})) as { stale: boolean; admitted: unknown[] };
    await call(core, 'plan.setQuota', { specialtyCode: '0100', category: null, quota: 61 });
    const after = (await call(core, 'admission.list', {})) as { stale: boolean; staleReasons: string[] };
    return {
      applicants: N,
      admitted: v.admitted.length,
      'admission.run, ms': both(runMs),
      'fingerprint of every input group, median ms': both(fingerprintMs),
      'admission.list incl. the staleness check, median ms': both(listMs),
      'ranking.show incl. status, decided ties and the staleness check, median ms': both(rankingMs),
      'stale right after the run': String(v.stale),
      'after a plan edit': after.staleReasons.join(','),
    };
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [k, v] of Object.entries(await run())) console.log(`${k}: ${v}`);
}
