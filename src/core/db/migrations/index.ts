/**
 * The static migration registry. Order is the version: migration i brings the schema to version i + 1
 * (stored in PRAGMA user_version). No folder scanning at runtime: it breaks once bundled.
 * Never edit or reorder a shipped entry; append.
 */
import type { Kysely } from 'kysely';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_applicants';
import * as m0003 from './0003_scores';
import * as m0004 from './0004_admission';
import * as m0005 from './0005_outbox';
import * as m0006 from './0006_trainees';
import * as m0007 from './0007_rotation';
import * as m0008 from './0008_exam';
import * as m0009 from './0009_package_kind_sequences';
import * as m0010 from './0010_admission_run_inputs';
import * as m0011 from './0011_applicant_facts';
import * as m0012 from './0012_confirm_desk';
import * as m0013 from './0013_retention';
import * as m0014 from './0014_applicant_choices';
import * as m0015 from './0015_applicant_paper_forms';
import * as m0016 from './0016_reduction';
import * as m0017 from './0017_recruitment_windows';

export type Migration = { name: string; up: (db: Kysely<any>) => Promise<void> };

export const migrations: readonly Migration[] = [
  { name: '0001_foundation', ...m0001 },
  { name: '0002_applicants', ...m0002 },
  { name: '0003_scores', ...m0003 },
  { name: '0004_admission', ...m0004 },
  { name: '0005_outbox', ...m0005 },
  { name: '0006_trainees', ...m0006 },
  { name: '0007_rotation', ...m0007 },
  { name: '0008_exam', ...m0008 },
  { name: '0009_package_kind_sequences', ...m0009 },
  { name: '0010_admission_run_inputs', ...m0010 },
  { name: '0011_applicant_facts', ...m0011 },
  { name: '0012_confirm_desk', ...m0012 },
  { name: '0013_retention', ...m0013 },
  { name: '0014_applicant_choices', ...m0014 },
  { name: '0015_applicant_paper_forms', ...m0015 },
  { name: '0016_reduction', ...m0016 },
  { name: '0017_recruitment_windows', ...m0017 },
];

export const LATEST_SCHEMA_VERSION = migrations.length;
