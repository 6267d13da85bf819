export const dateFields = {
  dateFields: {
    datePlaceholder: 'e.g. 2026-12-01',
    dateInvalid: 'Enter a valid date as year-month-day, e.g. 2026-12-01',
    timePlaceholder: 'e.g. 09:30',
    timeInvalid: 'Enter a 24-hour time as hours:minutes, e.g. 09:30',
  },
};
