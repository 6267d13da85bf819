export type {
  AdjustmentPolicy,
  Admission,
  AllocationResult,
  AllocationRound,
  AllocationWarning,
  Applicant,
  ChoiceRound,
  Competition,
  CompetitionEntry,
  DecisionError,
  DecisionErrorCode,
  Decisions,
  ManualAdjustment,
  NotAdmitted,
  NotAdmittedCode,
  OpenTie,
  Options,
  OverQuotaApproval,
  Priority,
  Proposal,
  SecondRound,
  Seats,
  TieResolution,
  WarningCode,
} from './types';
export { allocate } from './allocate';
export type { AdmissionRef, AdmittedSeat, AllocationChange } from './diff';
export { admittedSeats, diffAdmitted, diffAllocations } from './diff';
export { adjustedByText, ROUND_LABEL } from './messages';
export { policyOptions } from './policy';
