import { sql } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Tx } from '../context';
import { confirmationsKind } from './kind-confirmations';
import { examRegistrationsKind } from './kind-exam';
import { admissionsKind, scoresKind } from './kind-results';
import { rotationPlansKind } from './kind-rotation';
import type { PackageKindDef } from './kind-types';

const registry = new Map<string, PackageKindDef>();

/** Every package kind, in the order of the base's year (the order the outbox offers them). */
export function registerPackageKind(def: PackageKindDef): void {
  registry.set(def.kind, def);
}

registerPackageKind(confirmationsKind);
registerPackageKind(scoresKind);
registerPackageKind(admissionsKind);
registerPackageKind(rotationPlansKind);
registerPackageKind(examRegistrationsKind);

export function packageKinds(): PackageKindDef[] {
  return [...registry.values()];
}

export function packageKind(kind: string): PackageKindDef {
  const def = registry.get(kind);
  if (!def) throw new AppError('PKG_KIND_UNKNOWN', `未知的数据包种类：${kind}。可选：${[...registry.keys()].join('、')}。`);
  return def;
}

export async function missingTables(tx: Tx, def: PackageKindDef): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(tx);
  const have = new Set(rows.rows.map((r) => r.name));
  return def.requiredTables.filter((t) => !have.has(t));
}

export async function assertKindReady(tx: Tx, def: PackageKindDef): Promise<void> {
  const missing = await missingTables(tx, def);
  if (missing.length > 0) {
    throw new AppError(
      'PKG_KIND_NOT_READY',
      `暂时无法生成“${def.label}”数据包：本版本还没有相应的数据（缺少 ${missing.join('、')}）。请升级 BaseDesk 后再试。`,
      { kind: def.kind, missing },
    );
  }
}
