export { beijingDate, beijingMoment, closingMoment, daysBetween, momentLabel, openingMoment, shortMomentLabel } from './moments';
export { keepRemoved, moveToYear, settleEdited, shiftMoment } from './copy-to-year';
export type { Dated } from './copy-to-year';
