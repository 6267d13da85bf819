import { dispatch } from '../src/core/api/dispatch';
import type { Core } from '../src/core/context';

/** The session every bench works in. */
export const SESSION = 's';
export const ADMIN_PASSWORD = 'bench-pass-123';

/** One op on the bench session; a coded error stops the bench (a bench measures, it does not recover). */
export async function call(core: Core, op: string, input: unknown): Promise<Record<string, unknown>> {
  const r = await dispatch(core, SESSION, op, input);
  if (!r.ok) throw new Error(`${op}: ${r.error.code} ${r.error.message}`);
  return r.value as Record<string, unknown>;
}

/** Sets up a base on a new data folder and signs the administrator in on the bench session. */
export async function setUpBase(
  core: Core,
  {
    presetId = 'jilin-2024',
    cohortYear = 2024,
    baseCode = 'B1',
  }: { presetId?: string; cohortYear?: number; baseCode?: string } = {},
): Promise<void> {
  await call(core, 'setup.initialize', {
    baseName: '基准测试医院',
    baseCode,
    presetId,
    cohortYear,
    admin: { username: 'admin', displayName: '管理员', password: ADMIN_PASSWORD },
  });
  await call(core, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
}
