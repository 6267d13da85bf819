export type * from './types';
export {
  cohortStartSlot,
  monthsToSlots,
  rangeLabel,
  slotContaining,
  slotEndDate,
  slotMonth,
  slotStartDate,
  slotStartingOn,
  slotsToMonths,
  trainingYearOf,
  SLOTS_PER_YEAR,
} from './slots';
export { MAX_PARTNER_MONTHS, MAX_PARTNER_SITES, schemeMonths, validateScheme } from './scheme';
export type { SchemeProblem, SchemeProblemCode } from './scheme';
export { schedule } from './scheduler';
export { ALL_DEPARTMENTS } from './bound';
export { checkPlans } from './check';
export type { CheckInput } from './check';
export { replanAfter, splitAtNow } from './extend';
export type { Disruption, ReplanInput, ReplanResult } from './extend';
export { roster } from './roster';
export { shiftAndPush } from './shift';
export type { ShiftBlock, ShiftOutcome } from './shift';
export type { Roster, RosterCell } from './roster';
export { traineeDemand } from './demand';
export type { Demand, DemandGroup, DemandRow } from './demand';
