/** The exam year at a glance: what is due next on the calendar, and how many candidates are at each status. */
import type { ExamCandidateStatus, ExamDashboard } from '../../shared/contract/exam';
import type { Core } from '../context';
import { calendarFor } from './calendars';
import { beijingMoment, dueSteps } from './rules';
import { candidateRows, viewsFor } from './views';

export async function examDashboard(core: Core, year: number): Promise<ExamDashboard> {
  const tx = core.db;
  const { calendar, edited } = await calendarFor(tx, year);
  const views = await viewsFor(tx, core, calendar, await candidateRows(tx, year), false);
  const counts: Record<ExamCandidateStatus, number> = { proposed: 0, approved: 0, returned: 0, rejected: 0, withdrawn: 0 };
  for (const v of views) counts[v.status]++;
  return {
    year,
    calendar,
    edited,
    due: dueSteps(calendar, beijingMoment(core.clock.nowMs())),
    counts,
    eligible: views.filter((v) => v.eligible && v.status !== 'withdrawn').length,
    lapsed: views.filter((v) => v.registrationLapsed).length,
  };
}
