/**
 * `npm run bench`: every benchmark, printed as figures. Targets are checked here by people reading the
 * numbers, never by timed assertions in tests. BENCH_ONLY=name runs one (e.g. BENCH_ONLY=foundation).
 */
export {};

type Bench = { name: string; load: () => Promise<{ run: () => Promise<Record<string, string | number>> }> };

// One line per benchmark file.
const benches: Bench[] = [
  // First, while this process is small: measured later (after the package benches have grown it to tens of
  // GiB of address space), even `node -e 0` children came out at 650-880 ms CPU instead of about 120.
  { name: 'startup', load: () => import('./startup.bench') },
  { name: 'foundation', load: () => import('./foundation.bench') },
  { name: 'scoring', load: () => import('./scoring.bench') },
  { name: 'admission', load: () => import('./admission.bench') },
  { name: 'admission-service', load: () => import('./admission-service.bench') },
  { name: 'admission-staleness', load: () => import('./admission-staleness.bench') },
  { name: 'package', load: () => import('./package.bench') },
  { name: 'outbox', load: () => import('./outbox.bench') },
  { name: 'scores', load: () => import('./scores.bench') },
  { name: 'applicants', load: () => import('./applicants.bench') },
  { name: 'desk-search', load: () => import('./desk-search.bench') },
  { name: 'confirm-stats', load: () => import('./confirm-stats.bench') },
  { name: 'tabular-memory', load: () => import('./tabular-memory.bench') },
  { name: 'age', load: () => import('./age.bench') },
  { name: 'rotation', load: () => import('./rotation.bench') },
  { name: 'rotation-grid', load: () => import('./rotation-grid.bench') },
  { name: 'screens', load: () => import('./screens.bench') },
  { name: 'encryption', load: () => import('./encryption.bench') },
  { name: 'retention', load: () => import('./retention.bench') },
];

const only = process.env.BENCH_ONLY?.split(',');
const failed: string[] = [];
for (const b of benches) {
  if (only && !only.includes(b.name)) continue;
  const started = Date.now();
  try {
    const mod = await b.load();
    const figures = await mod.run();
    console.log(`\n## ${b.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    for (const [k, v] of Object.entries(figures)) console.log(`  ${k}: ${v}`);
  } catch (e) {
    // One broken bench must not hide the figures of the others; the run still fails at the end.
    failed.push(b.name);
    console.log(`\n## ${b.name}: FAILED\n  ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}
if (failed.length > 0) {
  console.log(`\nbenchmarks that failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
