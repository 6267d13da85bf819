/**
 * Finding, filtering and ordering the examination results for a paged screen: plain values in, the indexes
 * of the matching rows out, so a page of 50 is cut from 10,000 candidates without building 10,000 rows.
 */

export type ResultQueryRow = {
  name: string;
  /** Pinyin initials of the name, lower case (e.g. 张三丰 -> zsf). */
  initials: string;
  idNumber: string;
  specialty: string | null;
  specialtyName: string | null;
  confirmation: string;
  status: 'complete' | 'absent' | 'incomplete';
  total: number | null;
  components: Record<string, number | 'absent' | null>;
};

export type ResultFilter = {
  query?: string | undefined;
  specialty?: string | undefined;
  status?: string | undefined;
  confirmation?: string | undefined;
};

export type ResultSort = { sort: string; dir: 'asc' | 'desc' };

/**
 * What the user typed decides the match: digits (an X may end an ID number) are the start or the end of
 * the ID number, as an applicant reads the last digits out; letters are pinyin initials; anything else is
 * part of the name. Full-width digits and letters, spaces and dashes are normalised first.
 */
export function queryMatcher(raw: string | undefined): (r: Pick<ResultQueryRow, 'name' | 'initials' | 'idNumber'>) => boolean {
  const q = (raw ?? '').replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s-]+/g, '');
  if (q === '') return () => true;
  if (/^\d+[xX]?$/.test(q)) {
    const v = q.toUpperCase();
    return (r) => r.idNumber.startsWith(v) || r.idNumber.endsWith(v);
  }
  if (/^[a-zA-Z]+$/.test(q)) {
    const v = q.toLowerCase();
    return (r) => r.initials.startsWith(v);
  }
  return (r) => r.name.includes(q);
}

export function filterResults(rows: readonly ResultQueryRow[], f: ResultFilter): number[] {
  const matches = queryMatcher(f.query);
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (f.specialty !== undefined && r.specialty !== f.specialty) continue;
    if (f.status !== undefined && r.status !== f.status) continue;
    if (f.confirmation !== undefined && r.confirmation !== f.confirmation) continue;
    if (matches(r)) out.push(i);
  }
  return out;
}

const CONFIRMATION_ORDER: Record<string, number> = { confirmed: 0, pending: 1, returned: 2, rejected: 3 };
const STATUS_ORDER: Record<string, number> = { complete: 0, incomplete: 1, absent: 2 };

/** A sortable value per row; null sorts last in either direction (no score is never "the lowest score"). */
function keyOf(sort: string): (r: ResultQueryRow) => string | number | null {
  if (sort === 'name') return (r) => `${r.initials}\u0000${r.name}`;
  if (sort === 'specialty') return (r) => r.specialtyName ?? r.specialty;
  if (sort === 'confirmation') return (r) => CONFIRMATION_ORDER[r.confirmation] ?? 9;
  if (sort === 'status') return (r) => STATUS_ORDER[r.status] ?? 9;
  if (sort === 'total') return (r) => r.total;
  if (sort.startsWith('component:')) {
    const key = sort.slice('component:'.length);
    return (r) => {
      const v = r.components[key];
      return typeof v === 'number' ? v : null;
    };
  }
  return (r) => r.idNumber;
}

function compareValues(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts the given indexes in place; equal keys fall back to the ID number, so the order is total and stable. */
export function sortResults(rows: readonly ResultQueryRow[], indexes: number[], s: ResultSort): number[] {
  const key = keyOf(s.sort);
  const keys = new Array<string | number | null>(rows.length);
  for (const i of indexes) keys[i] = key(rows[i]!);
  const sign = s.dir === 'desc' ? -1 : 1;
  return indexes.sort((x, y) => {
    const a = keys[x] as string | number | null;
    const b = keys[y] as string | number | null;
    if (a === null || b === null) {
      if (a !== b) return a === null ? 1 : -1;
    } else {
      const c = compareValues(a, b);
      if (c !== 0) return sign * c;
    }
    return compareValues(rows[x]!.idNumber, rows[y]!.idNumber);
  });
}
