/** Kysely types for the rotation feature (migration 0007). */
import type { SiteType } from './rules/types';

export type DepartmentTable = {
  id: string;
  name: string;
  site: string | null;
  site_type: SiteType;
  capacity: number;
  created_at: string;
  updated_at: string;
};

export type DepartmentStandardTable = { department_id: string; standard_department: string };

export type RotationSchemeTable = {
  id: string;
  program: 'residency' | 'agp';
  specialty_code: string;
  years: number;
  example: number;
  source_file: string;
  created_at: string;
};

export type RotationSchemeRowTable = {
  scheme_id: string;
  seq: number;
  standard_department: string;
  months: number;
  kind: 'required' | 'elective';
  elective_group: string | null;
  group_months: number | null;
  stage: number | null;
  site_type: SiteType;
  splittable: number;
};

export type PlanStatus = 'draft' | 'base_approved' | 'submitted' | 'province_confirmed' | 'in_progress';

export type RotationPlanTable = {
  trainee_id: string;
  scheme_id: string | null;
  status: PlanStatus;
  planned_at: string;
  planned_by: string;
  approved_at: string | null;
  approved_by: string | null;
  submitted_at: string | null;
  confirmed_at: string | null;
  started_at: string | null;
  changed_after_approval: number;
  change_reason: string | null;
  planned_end: string | null;
  end_flag: string | null;
  updated_at: string;
};

export type RotationBlockTable = {
  id: string;
  trainee_id: string;
  department_id: string;
  standard_department: string;
  start_date: string;
  /** Inclusive. */
  end_date: string;
  actual_start: string | null;
  actual_end: string | null;
  exit_exam_date: string | null;
  exit_exam_result: 'pass' | 'fail' | null;
  retake_of: string | null;
  created_at: string;
};

export type RotationLeaveTable = {
  id: string;
  trainee_id: string;
  type: string;
  from_date: string;
  /** Inclusive. */
  to_date: string;
  reason: string | null;
  created_by: string;
  created_at: string;
};

export type RotationTables = {
  departments: DepartmentTable;
  department_standards: DepartmentStandardTable;
  rotation_schemes: RotationSchemeTable;
  rotation_scheme_rows: RotationSchemeRowTable;
  rotation_plans: RotationPlanTable;
  rotation_blocks: RotationBlockTable;
  rotation_leave: RotationLeaveTable;
};
