/**
 * Scores benchmarks through the real services (SQLite included):
 *  - ranking 20,000 candidates across 40 specialties (showRanking: load results, totals, rank). Target < 100 ms.
 *    rankingRead* is the SQLite read alone (loadScoreTable), to tell the database from the JavaScript;
 *    rankingPageRead* the read ranking.page makes (table order, names and ID numbers left for the page).
 *    Beside it, the pure rankByGroup over the same candidates as loaded from the database, in the same run,
 *    and ranking.page (what 成绩排名 asks for: every group ranked, rows built for one page of each), and
 *    computeRanking (what both do before building rows: show's rest is its 20,000 rows). show and page are
 *    timed twice: after a score change (everything read and ranked again) and again with nothing changed
 *    (the kept ranking reused: show still builds its 20,000 rows, page only its pages); page once more after
 *    a score change once an admission run is stored, which adds the check whether that run is out of date.
 *  - importing a signed station bundle of 5,000 interview scores (verify signature + chain, insert, project).
 *    Target < 1 s. Beside it, the bare parse of the same file (JSON, file and payload schemas).
 *  - importing a 考核成绩 file of 5,000 candidates (XLSX and CSV: 姓名, 身份证号, 笔试成绩, 面试成绩) through the
 *    service (read, match, check, one transaction with an audit event per score). Beside it, the bare read
 *    of the same file by the same reader (readTable).
 * Median of 5 runs after a warm-up. Run: npx tsx bench/scores.bench.ts
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { dispatch } from '../src/core/api/dispatch';
import { appendEvent } from '../src/core/audit/events';
import type { Actor, Core } from '../src/core/context';
import type { OpName, OpResult } from '../src/shared/contract';
import { checkpointIfWritten } from '../src/core/db/idle-checkpoint';
import { openCore } from '../src/core/open-core';
import { MARK_ACTION, projectEvent } from '../src/core/scores/marks';
import { showRanking } from '../src/core/scores/ranking';
import { computeRanking } from '../src/core/scores/ranking-compute';
import { rankingPage } from '../src/core/scores/ranking-page';
import { evaluateScores, loadScoreTable } from '../src/core/scores/results';
import { groupKeyOf, rankByGroup } from '../src/core/scores/rules';
import { parseStationFile } from '../src/core/stations/bundle';
import { parseBundlePayload } from '../src/core/stations/schemas';
import { importStationFile } from '../src/core/stations/bundle';
import { uuidv7 } from '../src/core/util/uuid7';
import { commitScoreImport, previewScoreImport } from '../src/core/scores/import';
import { readTable } from '../src/core/tabular';
import { createRng, makeIdNumber, makeName, writeCsv, writeXlsx } from '../src/core/testdata';
import { gcPauses } from './gc-pauses';
import { importStatementKind, timeStatements } from './statement-times';
import { median } from './stats';

const CANDIDATES = 20_000;
const SPECIALTIES = 40;
const BUNDLE_SCORES = 5_000;
const RUNS = 5;

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function call<K extends OpName>(core: Core, session: string, name: K, input: unknown): Promise<OpResult<K>> {
  const r = await dispatch(core, session, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as OpResult<K>;
}

async function base(dir: string): Promise<Core> {
  const core = await openCore({ dataDir: dir, idleMinutes: 0 });
  await call(core, 's', 'setup.initialize', {
    baseName: '基准测试医院',
    baseCode: 'B1',
    presetId: 'jilin-2024',
    cohortYear: 2024,
    admin: { username: 'admin', password: 'bench-pass-123', displayName: '管理员' },
  });
  await call(core, 'a', 'auth.login', { username: 'admin', password: 'bench-pass-123' });
  return core;
}

/** 18-character fake IDs (not valid resident IDs; the ranking never looks at them). */
const fakeId = (i: number) => `99${String(i).padStart(16, '0')}`;

async function seedApplicants(core: Core, n: number, withScores: boolean): Promise<string[]> {
  const rnd = prng(20240701);
  const now = new Date(0).toISOString();
  const ids: string[] = [];
  const rows: Array<Record<string, unknown>> = [];
  const scores: Array<Record<string, unknown>> = [];
  for (let i = 0; i < n; i++) {
    const id = `A${String(i).padStart(6, '0')}`;
    ids.push(id);
    const sp = String((Math.floor(rnd() * SPECIALTIES) + 1) * 100).padStart(4, '0');
    rows.push({
      id,
      cohort_year: 2024,
      id_number: fakeId(i),
      name: `考生${i}`,
      category: '社会人',
      choices_json: JSON.stringify([sp]),
      confirmation_status: 'confirmed',
      created_at: now,
      updated_at: now,
    });
    if (withScores) {
      for (const [k, v] of [
        ['written', 4000 + Math.floor(rnd() * 6001)],
        ['interview', 5000 + Math.floor(rnd() * 5001)],
      ] as const) {
        scores.push({
          applicant_id: id,
          component: k,
          cohort_year: 2024,
          value: v,
          absent: 0,
          source: 'import' as const,
          event_id: 'bench',
          updated_at: now,
        });
      }
    }
  }
  await core.db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += 500)
      await tx
        .insertInto('applicants')
        .values(rows.slice(i, i + 500) as never)
        .execute();
    for (let i = 0; i < scores.length; i += 500)
      await tx
        .insertInto('component_scores')
        .values(scores.slice(i, i + 500) as never)
        .execute();
  });
  return ids;
}

/**
 * Wall and CPU time: on a shared machine wall time also measures other people's jobs. CPU is the whole
 * process, so V8's parallel garbage-collector threads can make it exceed wall time.
 */
async function timeIt(fn: () => Promise<unknown>): Promise<{ wall: number[]; cpu: number[] }> {
  await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

const firstChoice = (json: string): string => {
  const c: unknown = JSON.parse(json);
  return Array.isArray(c) && typeof c[0] === 'string' ? c[0] : '';
};

/** The ranking's own input, from the same database: every complete result, grouped by first choice. */
async function pureCandidates(core: Core) {
  const t = await loadScoreTable(core.db, 2024);
  const r = evaluateScores(t);
  const keys = t.components.map((c) => c.key);
  return t.ids.flatMap((id, i) => {
    const total = r.total[i];
    if (total === null || total === undefined) return [];
    const components = Object.fromEntries(keys.map((k, j) => [k, t.values[j]![i] as number]));
    return [{ id, total, components, category: t.categories[i]!, groupKey: groupKeyOf(firstChoice(t.choicesJson[i]!)) }];
  });
}

/** An allocation run over the seeded cohort: a quota in every seeded specialty the catalogue knows. */
async function storeAdmissionRun(core: Core): Promise<void> {
  const known = new Set((await core.db.selectFrom('specialties').select('code').execute()).map((s) => s.code));
  for (let k = 1; k <= SPECIALTIES; k++) {
    const code = String(k * 100).padStart(4, '0');
    if (known.has(code)) await call(core, 'a', 'plan.setQuota', { specialtyCode: code, category: null, quota: 5 });
  }
  await call(core, 'a', 'admission.run', { skipInvalidChoices: true, reason: '基准测试' });
}

async function rankingBench(dir: string) {
  const core = await base(dir);
  await seedApplicants(core, CANDIDATES, true);
  // Through the memo the app's handlers use. Cold: one score changes before each call (a one-row UPDATE,
  // microseconds of the time measured), so everything is read and ranked again. Reuse: nothing changed.
  const memo = core.rankingMemo;
  const scoreChange = core.raw.prepare(
    "UPDATE component_scores SET value = 5000 + (value + 1) % 2 WHERE applicant_id = 'A000000' AND component = 'written'",
  );
  const afterScoreChange = (fn: () => Promise<unknown>) => () => (scoreChange.run(), fn());
  let groups = 0;
  const show = async () => {
    groups = (await showRanking(core.db, {}, memo)).groups.length;
  };
  const showPage = () => rankingPage(core.db, { onlyAdmissible: false, pages: {} }, memo);
  const times = await timeIt(afterScoreChange(show));
  const reuse = await timeIt(show);
  const page = await timeIt(afterScoreChange(showPage));
  const pageReuse = await timeIt(showPage);
  // The ranking.show work before any row is built: read, totals, rank, status (where the rest of show goes).
  const compute = await timeIt(() => computeRanking(core.db, {}));
  const read = await timeIt(() => loadScoreTable(core.db, 2024));
  const pageRead = await timeIt(() => loadScoreTable(core.db, 2024, { order: 'stored', people: false }));
  const candidates = await pureCandidates(core);
  const pure = await timeIt(async () => rankByGroup(candidates));
  // Once 择优录取 has run, each cold ranking also says whether that run is out of date (its inputs' fingerprints).
  await storeAdmissionRun(core);
  const pageWithRun = await timeIt(afterScoreChange(showPage));
  await core.close();
  return { groups, times, reuse, page, pageReuse, compute, read, pageRead, pure, pageWithRun };
}

async function bundleBench(root: string) {
  const coDir = join(root, 'co');
  const lapDir = join(root, 'lap');
  mkdirSync(coDir);
  mkdirSync(lapDir);
  const co = await base(coDir);
  const perCandidate = 4;
  const nCand = BUNDLE_SCORES / perCandidate;
  const ids = await seedApplicants(co, nCand, false);
  await call(co, 'a', 'users.add', { username: 'iv1', displayName: 'iv1', role: 'interviewer', password: 'bench-pass-iv1' });
  const s = await call(co, 'a', 'interview.createSession', {
    name: '基准',
    date: '2024-07-10',
    site: 'x',
    panel: [{ username: 'iv1', head: true }],
    candidates: ids,
    seed: 1,
  });
  const sf = await call(co, 'a', 'stations.exportSession', { sessionId: s.id, interviewer: 'iv1' });
  await co.close();
  const snapshot = join(root, 'co.sqlite');
  copyFileSync(join(coDir, 'basedesk.sqlite'), snapshot);

  const lap = await base(lapDir);
  await call(lap, 'a', 'stations.import', sf);
  const cands = await lap.db.selectFrom('interview_candidates').select('id').where('session_id', '=', s.id).execute();
  const items = ['knowledge', 'reasoning', 'communication', 'professionalism'];
  const rnd = prng(5);
  await lap.db.transaction().execute(async (tx) => {
    for (const c of cands) {
      for (const item of items) {
        const payload = {
          id: uuidv7(),
          sessionId: s.id,
          candidateId: c.id,
          interviewer: 'iv1',
          item,
          value: 1000 + Math.floor(rnd() * 1501),
          unable: false,
          supersedes: [],
        };
        const e = await appendEvent(tx, lap, 'admin', {
          action: MARK_ACTION,
          entity: 'interview_mark',
          entityId: payload.id,
          after: payload,
        });
        await projectEvent(tx, e);
      }
    }
  });
  const bundle = await call(lap, 'a', 'stations.exportBundle', {});
  await lap.close();
  const bytes = new Uint8Array(Buffer.from(bundle.contentBase64, 'base64'));

  const parseTimes = await timeIt(async () => {
    const p = parseStationFile(bytes, lap.schemaVersion);
    if (p.kind === 'bundle') parseBundlePayload(p.file.payload, lap.schemaVersion);
  });
  const { times, cpu, last } = await timeOnFreshCopies(root, snapshot, 'bundle', (core, actor) =>
    importStationFile(core, actor, bytes),
  );
  const marks = last.marksAdded;
  // Again with every SQLite statement timed, for where the time goes (separate runs: the timing costs a little).
  const statements: Array<Record<string, number>> = [];
  const split = await timeOnFreshCopies(root, snapshot, 'bundle-statements', async (core, actor) => {
    const gc = gcPauses();
    const spent = timeStatements(core, importStatementKind({ interview_marks: 'marks', interview_absences: 'marks' }));
    statements.push(spent);
    const report = await importStationFile(core, actor, bytes);
    spent.gc = await gc.stop();
    return report;
  });
  return { marks, bundleBytes: bytes.length, times, cpu, parseTimes, split: { cpu: split.cpu, statements: statements.slice(1) } };
}

const SCORE_FILE_ROWS = 5_000;

/** A base of `n` confirmed applicants with real-format ID numbers and names (the score file matches on both). */
async function scoreFileBase(dir: string, n: number): Promise<Array<{ idNumber: string; name: string }>> {
  const core = await base(dir);
  const rng = createRng(31);
  const seen = new Set<string>();
  const people: Array<{ idNumber: string; name: string }> = [];
  while (people.length < n) {
    const idNumber = makeIdNumber(rng);
    if (seen.has(idNumber)) continue;
    seen.add(idNumber);
    people.push({ idNumber, name: makeName(rng) });
  }
  const now = new Date(0).toISOString();
  await core.db.transaction().execute(async (tx) => {
    for (let i = 0; i < n; i += 500)
      await tx
        .insertInto('applicants')
        .values(
          people.slice(i, i + 500).map((p, j) => ({
            id: `S${String(i + j).padStart(6, '0')}`,
            cohort_year: 2024,
            id_number: p.idNumber,
            name: p.name,
            category: '社会人',
            choices_json: JSON.stringify(['0100']),
            confirmation_status: 'confirmed',
            created_at: now,
            updated_at: now,
          })) as never,
        )
        .execute();
  });
  await core.close();
  return people;
}

/**
 * `run` on a fresh copy of `snapshot` each time (an import's second run would change nothing), RUNS times after
 * one warm-up: its wall and CPU times, and the last run's result.
 */
async function timeOnFreshCopies<R>(
  root: string,
  snapshot: string,
  label: string,
  run: (core: Core, actor: Actor) => Promise<R>,
): Promise<{ times: number[]; cpu: number[]; checkpoints: number[]; last: R }> {
  const times: number[] = [];
  const cpu: number[] = [];
  const checkpoints: number[] = [];
  let last: R | undefined;
  for (let i = 0; i <= RUNS; i++) {
    const dir = join(root, `${label}-${i}`);
    mkdirSync(dir);
    copyFileSync(snapshot, join(dir, 'basedesk.sqlite'));
    const core = await openCore({ dataDir: dir, idleMinutes: 0 });
    const actor: Actor = { userId: 'x', username: 'admin', displayName: 'admin', role: 'admin' };
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    last = await run(core, actor);
    const dt = performance.now() - t0;
    const c = process.cpuUsage(c0);
    // What the run leaves for later: its log, copied into the file by the idle checkpoint (db/idle-checkpoint.ts).
    const k0 = process.cpuUsage();
    checkpointIfWritten(core.raw, { changes: -1 });
    const k = process.cpuUsage(k0);
    if (i > 0) {
      // run 0 is the warm-up
      times.push(dt);
      cpu.push((c.user + c.system) / 1000);
      checkpoints.push((k.user + k.system) / 1000);
    }
    await core.close();
  }
  return { times, cpu, checkpoints, last: last! };
}

/** One import of the score file per fresh copy of the base, beside the bare parse of the same file. */
async function timeScoreImport(root: string, snapshot: string, fileName: string, bytes: Uint8Array) {
  const { times, cpu, checkpoints, last } = await timeOnFreshCopies(root, snapshot, fileName, (core, actor) =>
    commitScoreImport(core, actor, { fileName, bytes }, { replace: false }),
  );
  if (last.imported !== SCORE_FILE_ROWS)
    throw new Error(`${fileName}: imported ${last.imported}, rejected ${last.rejected.length}`);
  const parse = await timeIt(() => readTable({ fileName, bytes }));
  // Where the time goes: the preview (read and check, nothing written), and the import again with every SQLite
  // statement timed (separate runs: the timing costs a little).
  const preview = await timeOnFreshCopies(root, snapshot, `${fileName}-preview`, (core) =>
    previewScoreImport(core, { fileName, bytes }, { replace: false }),
  );
  const statements: Array<Record<string, number>> = [];
  const split = await timeOnFreshCopies(root, snapshot, `${fileName}-statements`, async (core, actor) => {
    const gc = gcPauses();
    const spent = timeStatements(core, importStatementKind({ component_scores: 'scores' }));
    statements.push(spent);
    const report = await commitScoreImport(core, actor, { fileName, bytes }, { replace: false });
    spent.gc = await gc.stop();
    return report;
  });
  return { times, cpu, checkpoints, parse, preview: preview.cpu, split: { cpu: split.cpu, statements: statements.slice(1) } };
}

/** Median ms of one statement kind (or of the GC pauses, 'gc') over the timed runs. */
const spentOn = (runs: Array<Record<string, number>>, kind: string) => median(runs.map((r) => r[kind] ?? 0));
const ms = (v: number) => `${Math.round(Math.max(0, v))}`;

/**
 * A score file import's CPU: parse, checks (the preview less the parse: reads, matching, ID and score checks),
 * the writes' JavaScript (event ids, timestamps, canonical JSON, the SHA-256 chain) and SQLite's statements.
 */
function scoreFileSplit(f: Awaited<ReturnType<typeof timeScoreImport>>): string {
  const [parse, preview, total] = [median(f.parse.cpu), median(f.preview), median(f.split.cpu)];
  const sql = ['events', 'scores', 'commit'].map((k) => spentOn(f.split.statements, k));
  const js = total - preview - sql.reduce((a, b) => a + b, 0);
  return (
    `parse ${ms(parse)} / checks ${ms(preview - parse)} / audit chain in JS ${ms(js)} / ` +
    `SQLite: events ${ms(sql[0]!)}, scores ${ms(sql[1]!)}, commit (WAL write) ${ms(sql[2]!)} ` +
    `(of ${ms(total)}; GC pauses ${ms(spentOn(f.split.statements, 'gc'))} of it, in every phase)`
  );
}

/** A bundle import's CPU: parse, the checks and projection in JavaScript, and SQLite. */
function bundleSplit(b: Awaited<ReturnType<typeof bundleBench>>): string {
  const [parse, total] = [median(b.parseTimes.cpu), median(b.split.cpu)];
  const sql = ['events', 'marks', 'reads', 'commit'].map((k) => spentOn(b.split.statements, k));
  const js = total - parse - sql.reduce((a, b) => a + b, 0);
  return (
    `parse ${ms(parse)} / signature, chain hashes, facts in JS ${ms(js)} / ` +
    `SQLite: events ${ms(sql[0]!)}, marks ${ms(sql[1]!)}, reads ${ms(sql[2]!)}, commit (WAL write) ${ms(sql[3]!)} ` +
    `(of ${ms(total)}; GC pauses ${ms(spentOn(b.split.statements, 'gc'))} of it, in every phase)`
  );
}

async function scoreFileBench(root: string) {
  const baseDir = join(root, 'score-file');
  mkdirSync(baseDir);
  const people = await scoreFileBase(baseDir, SCORE_FILE_ROWS);
  const snapshot = join(root, 'score-file.sqlite');
  copyFileSync(join(baseDir, 'basedesk.sqlite'), snapshot);
  const rnd = prng(17);
  const rows = [
    ['姓名', '身份证号', '笔试成绩', '面试成绩'],
    ...people.map((p) => [p.name, p.idNumber, 40 + Math.floor(rnd() * 601) / 10, 50 + Math.floor(rnd() * 501) / 10]),
  ];
  const xlsx = await timeScoreImport(root, snapshot, 'scores.xlsx', await writeXlsx(rows));
  const csv = await timeScoreImport(root, snapshot, 'scores.csv', writeCsv(rows, { encoding: 'utf-8' }));
  return { xlsx, csv };
}

const vs = (a: number, b: number) => `${a.toFixed(1)} vs ${b.toFixed(1)} = ${(a / b).toFixed(1)}x`;

export async function run(): Promise<Record<string, string | number>> {
  const root = mkdtempSync(join(tmpdir(), 'basedesk-bench-scores-'));
  try {
    mkdirSync(join(root, 'rank'));
    const r = await rankingBench(join(root, 'rank'));
    const b = await bundleBench(root);
    const f = await scoreFileBench(root);
    return {
      rankingCandidates: CANDIDATES,
      rankingGroups: r.groups,
      rankingMedianMs: Number(median(r.times.wall).toFixed(1)),
      rankingCpuMedianMs: Number(median(r.times.cpu).toFixed(1)),
      rankingMaxMs: Number(Math.max(...r.times.wall).toFixed(1)),
      rankingReadMedianMs: Number(median(r.read.wall).toFixed(1)),
      rankingReadCpuMedianMs: Number(median(r.read.cpu).toFixed(1)),
      rankingPageReadCpuMedianMs: Number(median(r.pageRead.cpu).toFixed(1)),
      rankingTargetMs: 100,
      'ranking.show after a score change vs pure rankByGroup of the same candidates (wall ms)': vs(
        median(r.times.wall),
        median(r.pure.wall),
      ),
      'ranking.show after a score change vs pure rankByGroup of the same candidates (CPU ms)': vs(
        median(r.times.cpu),
        median(r.pure.cpu),
      ),
      'ranking.show again, nothing changed (kept ranking, rows built) vs pure rankByGroup (CPU ms)': vs(
        median(r.reuse.cpu),
        median(r.pure.cpu),
      ),
      'ranking.page (one page of each group) after a score change vs pure rankByGroup (CPU ms)': vs(
        median(r.page.cpu),
        median(r.pure.cpu),
      ),
      'ranking.page after a score change, with an admission run stored (its staleness checked) vs pure rankByGroup (CPU ms)': vs(
        median(r.pageWithRun.cpu),
        median(r.pure.cpu),
      ),
      'ranking.page again, nothing changed (kept ranking) vs pure rankByGroup (CPU ms)': vs(
        median(r.pageReuse.cpu),
        median(r.pure.cpu),
      ),
      'ranking computed, no rows built (computeRanking) vs pure rankByGroup (CPU ms)': vs(
        median(r.compute.cpu),
        median(r.pure.cpu),
      ),
      bundleScores: b.marks,
      bundleBytes: b.bundleBytes,
      bundleImportMedianMs: Number(median(b.times).toFixed(1)),
      bundleImportCpuMedianMs: Number(median(b.cpu).toFixed(1)),
      bundleImportMaxMs: Number(Math.max(...b.times).toFixed(1)),
      bundleTargetMs: 1000,
      'bundle import vs bare parse of the same file (wall ms)': vs(median(b.times), median(b.parseTimes.wall)),
      'bundle import vs bare parse of the same file (CPU ms)': vs(median(b.cpu), median(b.parseTimes.cpu)),
      'bundle import, where the CPU goes (ms, medians; SQLite = wall time of its statements, their CPU time on an idle machine)':
        bundleSplit(b),
      scoreFileRows: SCORE_FILE_ROWS,
      'score file import (XLSX) vs readTable of the same file (wall ms)': vs(median(f.xlsx.times), median(f.xlsx.parse.wall)),
      'score file import (XLSX) vs readTable of the same file (CPU ms)': vs(median(f.xlsx.cpu), median(f.xlsx.parse.cpu)),
      'score file import (CSV) vs readTable of the same file (wall ms)': vs(median(f.csv.times), median(f.csv.parse.wall)),
      'score file import (CSV) vs readTable of the same file (CPU ms)': vs(median(f.csv.cpu), median(f.csv.parse.cpu)),
      'score file import (XLSX), where the CPU goes (ms, medians; SQLite = wall time of its statements, their CPU time on an idle machine)':
        scoreFileSplit(f.xlsx),
      'score file import (CSV), where the CPU goes (ms, medians; SQLite = wall time of its statements, their CPU time on an idle machine)':
        scoreFileSplit(f.csv),
      "then, when the app is idle: the score file import's log copied into the database file (not in the import's time), CPU ms, XLSX / CSV": `${median(f.xlsx.checkpoints).toFixed(1)} / ${median(f.csv.checkpoints).toFixed(1)}`,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await run());
}
