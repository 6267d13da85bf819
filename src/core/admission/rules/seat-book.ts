/** The seat book: remaining seats per plan row, and the lookup from (specialty, applicant category) to a row. */
import type { OpenTie, Seats } from './types';

export type SeatState = {
  readonly seat: Seats;
  readonly key: string;
  admitted: number;
  /** quota - admitted, never below 0 (approved over-quota admissions do not make it negative). */
  remaining: number;
  /** Set while a tie at this row's last seats is unresolved: the seats stay closed to everyone else. */
  heldBy: OpenTie | null;
};

export type SeatLookup = SeatState | 'not-in-plan' | 'category-not-in-plan';

export function seatKey(specialty: string, category: string | null): string {
  return `${specialty}\u0001${category ?? '\u0000'}`;
}

export function compareSeats(a: Seats, b: Seats): number {
  if (a.specialty !== b.specialty) return a.specialty < b.specialty ? -1 : 1;
  if (a.category === b.category) return 0;
  if (a.category === null) return -1;
  if (b.category === null) return 1;
  return a.category < b.category ? -1 : 1;
}

export class SeatBook {
  /** All rows, in (specialty, category) order: the order in which rows are visited and reported. */
  readonly rows: SeatState[];
  private readonly byKey = new Map<string, SeatState>();
  private readonly split = new Map<string, boolean>();

  constructor(seats: readonly Seats[]) {
    this.rows = [...seats].sort(compareSeats).map((seat) => ({
      seat: { specialty: seat.specialty, category: seat.category, quota: seat.quota },
      key: seatKey(seat.specialty, seat.category),
      admitted: 0,
      remaining: seat.quota,
      heldBy: null,
    }));
    for (const r of this.rows) {
      this.byKey.set(r.key, r);
      this.split.set(r.seat.specialty, r.seat.category !== null);
    }
  }

  /** The row an applicant of `category` competes for in `specialty`. */
  lookup(specialty: string, category: string | null): SeatLookup {
    const split = this.split.get(specialty);
    if (split === undefined) return 'not-in-plan';
    if (!split) return this.byKey.get(seatKey(specialty, null))!;
    if (category === null) return 'category-not-in-plan';
    return this.byKey.get(seatKey(specialty, category)) ?? 'category-not-in-plan';
  }

  take(row: SeatState): void {
    row.admitted += 1;
    row.remaining = Math.max(0, row.seat.quota - row.admitted);
  }
}
