/**
 * Kysely table types: what better-sqlite3 really returns (0/1 for booleans, ISO text for dates, JSON as text).
 * Each feature adds its tables here next to their migration.
 */
import type { Generated } from 'kysely';
import type { AdmissionTables } from '../admission/tables';
import type { ExamTables } from '../exam/tables';
import type { WindowTables } from '../windows/tables';
import type { ApplicantTables } from '../applicants/tables';
import type { PaperFormTables } from '../applicants/paper-form-tables';
import type { OutboxTables } from '../outbox/tables';
import type { RotationTables } from '../rotation/tables';
import type { ScoreTables } from '../scores/tables';
import type { TraineeTables } from '../trainees/tables';
import type { ReductionTables } from '../reduction/tables';
import type { RetentionTables } from '../retention/tables';

export type MetaTable = { key: string; value: string };

export type StationTable = {
  /** uuid v7 of this installation; the unit of event-log exchange between laptops. */
  id: string;
  name: string;
  created_at: string;
  is_self: number;
  /** Ed25519 public key (raw, base64) registered for stations whose bundles we accept. */
  public_key: string | null;
};

export type BaseTable = {
  id: number;
  name: string;
  code: string;
  province: string;
  programs: string; // JSON array of 'residency' | 'agp'
  cohort_year: number;
  preset_id: string;
  created_at: string;
  updated_at: string;
};

export type SpecialtyTable = {
  code: string;
  name: string;
  /** 1 = not in the national catalogue, added by this base or by its province preset. */
  local: number;
  active: number;
};

export type PlanRowTable = {
  id: Generated<number>;
  cohort_year: number;
  /** null = the unallocated pool (吉林 "其他"), split later across the base's own specialties. */
  specialty_code: string | null;
  /** '' when the province does not split quotas by applicant category. */
  category: string;
  quota: number;
  updated_at: string;
};

export type UserTable = {
  id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  disabled: number;
  created_at: string;
  updated_at: string;
  failed_logins: number;
  locked_until: string | null;
};

export type EventTable = {
  id: string;
  station_id: string;
  seq: number;
  hlc: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
  schema_version: number;
  prev_hash: string;
  hash: string;
};

export type EventHeadTable = { station_id: string; seq: number; hash: string };

export type SavedMappingTable = {
  kind: string;
  signature: string;
  mapping_json: string;
  updated_at: string;
};

/** Foundation tables; feature tables are intersected in below, one line per feature. */
export type FoundationDB = {
  meta: MetaTable;
  stations: StationTable;
  base: BaseTable;
  specialties: SpecialtyTable;
  plan_rows: PlanRowTable;
  users: UserTable;
  events: EventTable;
  event_heads: EventHeadTable;
  saved_mappings: SavedMappingTable;
};

export type DB = FoundationDB &
  ApplicantTables &
  PaperFormTables &
  AdmissionTables &
  ScoreTables &
  OutboxTables &
  RotationTables &
  TraineeTables &
  ReductionTables &
  ExamTables &
  WindowTables &
  RetentionTables;
