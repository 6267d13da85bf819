/**
 * The 确认统计 dashboard: counts by outcome, per day, per clerk and day, per first-choice specialty, what is
 * left, and progress against the confirmation window. Two aggregate queries over the year's applicants (one
 * by specialty and outcome, one by decision day, clerk and outcome), so it stays fast at provincial scale.
 */
import type { ConfirmProgress, Dashboard } from '../../shared/contract/applicants';
import { requireBase } from '../base/base';
import { loadCatalogue } from '../catalogue/catalogue';
import type { Tx } from '../context';

type Outcome = 'confirmed' | 'returned' | 'rejected';
type DayRow = Dashboard['perDay'][number];
type ClerkRow = Dashboard['perClerk'][number];
type SpecialtyRow = Dashboard['perSpecialty'][number];

/** The recorded 现场确认 dates of a year, when the base has them as data. */
export type ConfirmationWindow = { start: string; end: string };

/**
 * Where the recorded confirmation window comes from. Until windows are stored as data this finds none and the
 * dashboard measures progress over the range of the decisions made so far; a window store plugs in here.
 */
export type ConfirmationWindowSource = (tx: Tx, cohortYear: number) => Promise<ConfirmationWindow | null>;
export const noRecordedWindow: ConfirmationWindowSource = async () => null;

export type DashboardOptions = { today: string; window?: ConfirmationWindowSource };

export async function dashboard(tx: Tx, opts: DashboardOptions): Promise<Dashboard> {
  const base = await requireBase(tx);
  const year = base.cohort_year;
  const perSpecialty = await countBySpecialty(tx, year);
  const byOutcome = { pending: 0, confirmed: 0, returned: 0, rejected: 0 };
  for (const r of perSpecialty) for (const s of ['pending', 'confirmed', 'returned', 'rejected'] as const) byOutcome[s] += r[s];
  const { perDay, perClerk } = await countByDayAndClerk(tx, year);
  const total = perSpecialty.reduce((s, r) => s + r.total, 0);
  const recorded = await (opts.window ?? noRecordedWindow)(tx, year);
  return {
    total,
    waiting: byOutcome.pending,
    byOutcome,
    perDay,
    perSpecialty,
    perClerk,
    remaining: {
      pending: byOutcome.pending,
      returned: byOutcome.returned,
      perSpecialty: perSpecialty
        .filter((r) => r.pending + r.returned > 0)
        .map((r) => ({ code: r.code, name: r.name, pending: r.pending, returned: r.returned })),
    },
    progress: progressOf(recorded, perDay, opts.today, byOutcome.confirmed + byOutcome.rejected, total),
  };
}

/** Per specialty by first choice: that is where the applicant competes first. */
async function countBySpecialty(tx: Tx, year: number): Promise<SpecialtyRow[]> {
  const catalogue = await loadCatalogue(tx);
  const rows = await tx
    .selectFrom('applicants')
    .select([
      (eb) => eb.fn('json_extract', ['choices_json', eb.val('$[0]')]).as('c'),
      'confirmation_status as s',
      (eb) => eb.fn.countAll().as('n'),
    ])
    .where('cohort_year', '=', year)
    .groupBy(['c', 'confirmation_status'])
    .execute();
  const bySpecialty = new Map<string, SpecialtyRow>();
  for (const r of rows) {
    const code = r.c === null ? '' : String(r.c);
    const row = bySpecialty.get(code) ?? {
      code,
      name: catalogue.byCode.get(code)?.name ?? (code || '（未填志愿）'),
      total: 0,
      confirmed: 0,
      returned: 0,
      rejected: 0,
      pending: 0,
    };
    row[r.s] += Number(r.n);
    row.total += Number(r.n);
    bySpecialty.set(code, row);
  }
  return [...bySpecialty.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * Decisions by local day and clerk; the per-day counts are the sums over clerks. SQLite's 'localtime' costs
 * about 8 µs a row (0.85 s at 100,000), so the query groups by the UTC hour of the stored ISO time and each
 * hour is put on its local day here: exact for every whole-hour offset, China's included.
 */
async function countByDayAndClerk(tx: Tx, year: number): Promise<{ perDay: DayRow[]; perClerk: ClerkRow[] }> {
  const rows = await tx
    .selectFrom('applicants as a')
    .leftJoin('users as u', 'u.username', 'a.decided_by')
    .select([
      (eb) => eb.fn<string>('substr', ['a.decided_at', eb.val(1), eb.val(13)]).as('h'),
      'a.decided_by as by',
      'u.display_name as byName',
      'a.confirmation_status as s',
      (eb) => eb.fn.countAll().as('n'),
    ])
    .where('a.cohort_year', '=', year)
    .where('a.decided_at', 'is not', null)
    .where('a.confirmation_status', '!=', 'pending')
    .groupBy(['h', 'a.decided_by', 'a.confirmation_status'])
    .execute();
  const perDay = new Map<string, DayRow>();
  const perClerk = new Map<string, ClerkRow>();
  const dayOfHour = new Map<string, string>();
  for (const r of rows) {
    const hour = String(r.h);
    let date = dayOfHour.get(hour);
    if (date === undefined) dayOfHour.set(hour, (date = localDay(Date.parse(`${hour}:00:00Z`))));
    const s = r.s as Outcome;
    const n = Number(r.n);
    const clerk = r.by ?? '';
    const day = perDay.get(date) ?? { date, confirmed: 0, returned: 0, rejected: 0 };
    day[s] += n;
    perDay.set(date, day);
    const key = `${date}\u0000${clerk}`;
    const row = perClerk.get(key) ?? {
      date,
      clerk,
      clerkName: r.byName ?? (clerk || '（未记录）'),
      confirmed: 0,
      returned: 0,
      rejected: 0,
    };
    row[s] += n;
    perClerk.set(key, row);
  }
  return {
    perDay: [...perDay.values()].sort((a, b) => a.date.localeCompare(b.date)),
    perClerk: [...perClerk.values()].sort((a, b) => a.date.localeCompare(b.date) || a.clerkName.localeCompare(b.clerkName, 'zh')),
  };
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

/**
 * Days of the window, counted inclusively (7月1日—7月4日 is 4 days); before the window nothing has elapsed,
 * after it everything has.
 */
export function progressOf(
  recorded: ConfirmationWindow | null,
  perDay: readonly DayRow[],
  today: string,
  done: number,
  total: number,
): ConfirmProgress | null {
  const range = recorded ?? (perDay.length ? { start: perDay[0]!.date, end: perDay[perDay.length - 1]!.date } : null);
  if (!range) return null;
  const first = dayNumber(range.start);
  const last = dayNumber(range.end);
  const now = dayNumber(today);
  const daysTotal = last - first + 1;
  const daysElapsed = Math.min(daysTotal, Math.max(0, now - first + 1));
  return {
    source: recorded ? 'window' : 'decisions',
    start: range.start,
    end: range.end,
    today,
    daysTotal,
    daysElapsed,
    daysLeft: daysTotal - daysElapsed,
    done,
    total,
  };
}

/** The calendar day of a moment in this computer's time zone, as the per-day counts use (SQLite 'localtime'). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
