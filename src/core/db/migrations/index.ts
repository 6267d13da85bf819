/**
 * The static migration registry. Order is the version: migration i brings the schema to version i + 1
 * (stored in PRAGMA user_version). No folder scanning at runtime: it breaks once bundled.
 * Never edit or reorder a shipped entry; append.
 *
 * A migration's module is imported only when a database needs it: opening a current database (nearly every
 * start) reads the version and stops, without loading or compiling any migration code.
 */
import type { Kysely } from 'kysely';

export type Migration = { name: string; up: (db: Kysely<any>) => Promise<void> };

/** A registry entry: loaded on demand (`load`), or imported up front (`up`); both forms run the same way. */
export type MigrationEntry = Migration | { name: string; load: () => Promise<Pick<Migration, 'up'>> };

export const migrations: readonly MigrationEntry[] = [
  { name: '0001_foundation', load: () => import('./0001_foundation') },
  { name: '0002_applicants', load: () => import('./0002_applicants') },
  { name: '0003_scores', load: () => import('./0003_scores') },
  { name: '0004_admission', load: () => import('./0004_admission') },
  { name: '0005_outbox', load: () => import('./0005_outbox') },
  { name: '0006_trainees', load: () => import('./0006_trainees') },
  { name: '0007_rotation', load: () => import('./0007_rotation') },
  { name: '0008_exam', load: () => import('./0008_exam') },
  { name: '0009_package_kind_sequences', load: () => import('./0009_package_kind_sequences') },
  { name: '0010_admission_run_inputs', load: () => import('./0010_admission_run_inputs') },
  { name: '0011_applicant_facts', load: () => import('./0011_applicant_facts') },
  { name: '0012_confirm_desk', load: () => import('./0012_confirm_desk') },
  { name: '0013_retention', load: () => import('./0013_retention') },
  { name: '0014_applicant_choices', load: () => import('./0014_applicant_choices') },
  { name: '0015_applicant_paper_forms', load: () => import('./0015_applicant_paper_forms') },
  { name: '0016_reduction', load: () => import('./0016_reduction') },
  { name: '0017_recruitment_windows', load: () => import('./0017_recruitment_windows') },
  { name: '0018_applicant_id_number_index', load: () => import('./0018_applicant_id_number_index') },
  { name: '0019_component_scores_read_index', load: () => import('./0019_component_scores_read_index') },
  { name: '0020_applicant_supplied_bits', load: () => import('./0020_applicant_supplied_bits') },
];

export const LATEST_SCHEMA_VERSION = migrations.length;

/** The `up` of each migration from version `from` to `to` (exclusive), in order (the module system imports each once). */
export function loadMigrations(from: number, to: number): Promise<Migration['up'][]> {
  return Promise.all(migrations.slice(from, to).map(async (e) => ('up' in e ? e.up : (await e.load()).up)));
}
