import { AppError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/mask';
import type { Tx } from '../context';
import { normalizeIdInput } from '../identity';
import type { TraineeTable } from './tables';

/** A trainee by record id or by ID number (how the desk and the CLI know people). */
export async function findTrainee(tx: Tx, target: string): Promise<TraineeTable> {
  const byId = await tx.selectFrom('trainees').selectAll().where('id', '=', target).executeTakeFirst();
  if (byId) return byId;
  const idNumber = normalizeIdInput(target);
  const byNumber = await tx.selectFrom('trainees').selectAll().where('id_number', '=', idNumber).executeTakeFirst();
  if (byNumber) return byNumber;
  throw new AppError('TRAINEE_NOT_FOUND', `学员名册中没有证件号码为 ${maskIdNumber(idNumber)} 的学员，请核对。`);
}
