import type Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors';

export type DbCheckReport = {
  ok: boolean;
  integrity: string[];
  foreignKeys: Array<{ table: string; rowid: number | null; parent: string }>;
  schemaVersion: number;
};

/**
 * `db check`: SQLite's own integrity check plus a foreign-key scan (which integrity_check skips).
 * Damage bad enough that SQLite cannot even walk the pages is DB_CORRUPT with what to do, not a crash.
 */
export function checkDatabase(raw: Database.Database): DbCheckReport {
  try {
    return runChecks(raw);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) {
      throw new AppError(
        'DB_CORRUPT',
        `数据库文件已损坏（${raw.name}），无法完成检查。请立即停止使用并关闭 BaseDesk，把数据目录 backups 中最近的备份复制为 basedesk.sqlite（同时删除旁边的 -wal、-shm 文件），再运行 basedesk db check 与 basedesk audit verify；备份之后的录入需重新补录。`,
        { file: raw.name, sqliteCode: code },
      );
    }
    throw e;
  }
}

function runChecks(raw: Database.Database): DbCheckReport {
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
