import type Database from 'better-sqlite3';

export type DbCheckReport = {
  ok: boolean;
  integrity: string[];
  foreignKeys: Array<{ table: string; rowid: number | null; parent: string }>;
  schemaVersion: number;
};

/** `db check`: SQLite's own integrity check plus a foreign-key scan (which integrity_check skips). */
export function checkDatabase(raw: Database.Database): DbCheckReport {
  const integrity = (raw.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
  const fk = raw.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null; parent: string }>;
  const ok = integrity.length === 1 && integrity[0] === 'ok' && fk.length === 0;
  return {
    ok,
    integrity,
    foreignKeys: fk.map((r) => ({ table: r.table, rowid: r.rowid, parent: r.parent })),
    schemaVersion: raw.pragma('user_version', { simple: true }) as number,
  };
}
