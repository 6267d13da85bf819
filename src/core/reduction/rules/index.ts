export { checkEligibility, overallOf, type Program } from './eligibility';
export { cannotAccept, checkExperience, experienceRowsRequired, reviewDeadline, REVIEW_DEADLINE_SOURCE } from './experience';
export { checkOutcome } from './outcome';
