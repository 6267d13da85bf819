/**
 * When a recruitment year's non-admitted applicants, and a delivered package's file, fall due for purging.
 * No source gives the periods; they come from the base's retention settings (shipped as examples).
 */
import { formatDate } from '../../../shared/dates';
import { addDays, addMonths, dayOf } from './dates';

/** What the admission of one year looks like today, as the service read it. */
export type YearFacts = {
  cohortYear: number;
  /** The base's current recruitment year: its admission is still in progress until the year moves on. */
  baseCohortYear: number;
  today: string;
  /** The publication in force, if any: its last day, and whether it shows the latest, up-to-date run. */
  publication: { endDate: string; current: boolean } | null;
};

export type YearSchedule = {
  final: boolean;
  /** 'publication': the 公示 window ended; 'year-end': the recruitment year is over. */
  basis: 'publication' | 'year-end' | null;
  /** The day the clock starts (the last 公示 day, or 31 December). */
  finalSince: string | null;
  /** The first day its non-admitted applicants are due. */
  dueFrom: string | null;
  due: boolean;
  /** Why not final, or when due, in plain Chinese. */
  note: string;
};

function notFinal(note: string): YearSchedule {
  return { final: false, basis: null, finalSince: null, dueFrom: null, due: false, note };
}

function scheduled(basis: 'publication' | 'year-end', since: string, months: number, today: string): YearSchedule {
  const dueFrom = addMonths(since, months);
  const due = dueFrom <= today;
  const start = basis === 'publication' ? `公示于${formatDate(since)}结束` : `${since.slice(0, 4)}年度已结束`;
  return {
    final: true,
    basis,
    finalSince: since,
    dueFrom,
    due,
    note: due ? `${start}，已到保存期限` : `${start}，${formatDate(dueFrom)}起到期`,
  };
}

/**
 * A year is final once its 公示 of the latest up-to-date run has ended, or once the calendar year is over and
 * the base has moved to a later recruitment year. Anything else (no 公示, 公示 still running, a list changed
 * after 公示, the current year) is not final and nothing of it is due.
 */
export function yearSchedule(f: YearFacts, months: number): YearSchedule {
  const pub = f.publication;
  if (pub !== null && pub.current && pub.endDate < f.today) return scheduled('publication', pub.endDate, months, f.today);
  const yearEnd = `${f.cohortYear}-12-31`;
  if (f.cohortYear < f.baseCohortYear && yearEnd < f.today) return scheduled('year-end', yearEnd, months, f.today);
  if (pub !== null && pub.current) return notFinal(`公示期至${formatDate(pub.endDate)}，尚未结束`);
  if (pub !== null) return notFinal('公示后录取结果有变化，尚未重新公示');
  return notFinal('录取尚未公示，本年度招收尚未结束');
}

/** The first day a package delivered at `deliveredAt` (ISO time) is due. */
export function packageDueFrom(deliveredAt: string, days: number): string {
  return addDays(dayOf(deliveredAt), days);
}
