import type { Core } from '../../../src/core/context';
import { writeCsv, writeXlsx } from '../../../src/core/testdata';
import { makeTrainees, traineesCsv, traineesXlsx, type TraineeRow } from '../../../src/core/testdata/trainees';
import { ok } from '../../helpers/core';

/** Specialty names of the national catalogue (Jilin preset) the generated trainees are in. */
export const SPECIALTIES = ['内科', '外科', '儿科', '全科', '妇产科', '急诊科', '麻醉科'] as const;

export function registry(count: number, seed = 11): TraineeRow[] {
  return makeTrainees(seed, count, { specialties: SPECIALTIES });
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

export function csvFile(rows: readonly TraineeRow[], encoding: 'utf-8' | 'gb18030' = 'utf-8', fileName = '在培学员.csv') {
  return { fileName, contentBase64: b64(traineesCsv(rows, encoding)) };
}

export async function xlsxFile(rows: readonly TraineeRow[], fileName = '在培学员.xlsx') {
  return { fileName, contentBase64: b64(await traineesXlsx(rows)) };
}

/** A file from a raw matrix (header first), for deliberately odd layouts. */
export function matrixCsv(matrix: (string | number)[][], fileName = '在培学员.csv') {
  return { fileName, contentBase64: b64(writeCsv(matrix, { encoding: 'utf-8' })) };
}

export async function matrixXlsx(matrix: (string | number)[][], fileName = '在培学员.xlsx') {
  return { fileName, contentBase64: b64(await writeXlsx(matrix)) };
}

export async function importRegistry(core: Core, session: string, rows: readonly TraineeRow[]) {
  return ok(core, session, 'trainees.commitImport', csvFile(rows));
}

export async function countRows(core: Core, table: 'trainees' | 'events' | 'trainee_status_changes' | 'trainee_transfers') {
  const r = await core.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function eventsOf(core: Core, action: string) {
  return core.db.selectFrom('events').selectAll().where('action', '=', action).orderBy('seq').execute();
}
