import type { Sheet } from './types';
import { normalizeHeader } from './normalize';

export type HeaderMatch = { rowIndex: number; columns: Map<string, number> };

/**
 * Find the header row: platform exports often put a title ("2024年招收报名名单") or notes above it. Scans
 * the first `maxScan` rows and picks the one matching the most alias groups (the earliest on a tie).
 * `known` is a list of alias groups; the result maps each matched group's FIRST alias to a 0-based column
 * index (the first matching column wins). Null when fewer than 2 groups match (or fewer than all of them,
 * when fewer than 2 were asked for): a single matching cell is too weak a signal.
 */
export function findHeaderRow(
  sheet: Sheet,
  known: readonly (readonly string[])[],
  opts?: { maxScan?: number },
): HeaderMatch | null {
  const maxScan = opts?.maxScan ?? 20;
  const groups = known.filter((g) => g.length > 0).map((g) => ({ key: g[0]!, aliases: new Set(g.map(normalizeHeader)) }));
  const needed = Math.min(2, groups.length);
  if (needed === 0) return null;

  let best: HeaderMatch | null = null;
  const limit = Math.min(maxScan, sheet.rows.length);
  for (let r = 0; r < limit; r++) {
    const row = sheet.rows[r]!;
    const headers = row.map((c) => normalizeHeader(c.text));
    const columns = new Map<string, number>();
    for (const g of groups) {
      const col = headers.findIndex((h) => h !== '' && g.aliases.has(h));
      if (col !== -1) columns.set(g.key, col);
    }
    if (columns.size >= needed && (best === null || columns.size > best.columns.size)) {
      best = { rowIndex: r, columns };
    }
  }
  return best;
}
