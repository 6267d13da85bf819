export { addDays, addMonths, dayOf } from './dates';
export { packageDueFrom, yearSchedule, type YearFacts, type YearSchedule } from './schedule';
