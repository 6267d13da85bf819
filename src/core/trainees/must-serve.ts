/**
 * What a reduced-year trainee must make up (需要补足培训时间的培训内容, seed 002 五（一）), which the rotation
 * plan serves instead of the whole scheme ("缺什么、补什么", seed 002 八（二）). Recorded from the base's
 * 年限减免审批表; audited.
 */
import type { MustServeRow, TraineeDetail } from '../../shared/contract/trainees';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import { currentPreset } from '../base/base';
import type { Actor, Core } from '../context';
import { isoNow } from '../util/clock';
import { traineeDetail } from './detail';
import { findTrainee } from './find';
import { mustServeOf } from './record';

/** Rotation is counted in half months: every entry is a multiple of 0.5 and each department appears once. */
function checkRows(rows: MustServeRow[], years: number): MustServeRow[] {
  const seen = new Set<string>();
  for (const r of rows) {
    if (!Number.isInteger(r.months * 2)) {
      throw new AppError(
        'TRAINEE_BAD_MONTHS',
        `“${r.standardDepartment}”的月数 ${r.months} 不是 0.5 的整数倍（轮转以半个月为单位）。`,
      );
    }
    if (seen.has(r.standardDepartment)) {
      throw new AppError('TRAINEE_MUST_SERVE_DUPLICATE', `“${r.standardDepartment}”出现了多次，请合并为一行。`);
    }
    seen.add(r.standardDepartment);
  }
  const total = rows.reduce((s, r) => s + r.months, 0);
  if (total > years * 12) {
    throw new AppError('TRAINEE_BAD_MONTHS', `需补足的月数合计 ${total} 个月，超过培训年限 ${years} 年（${years * 12} 个月）。`);
  }
  return rows;
}

export async function setMustServe(
  core: Core,
  actor: Actor,
  input: { id: string; mustServe: MustServeRow[] | null; reason: string },
): Promise<TraineeDetail> {
  return core.db.transaction().execute(async (tx) => {
    const t = await findTrainee(tx, input.id);
    const standard = (await currentPreset(tx)).trainingYears[t.program];
    if (input.mustServe !== null && t.years >= standard) {
      throw new AppError(
        'TRAINEE_NOT_REDUCED',
        `${t.name} 的培训年限为 ${t.years} 年，未减免，按完整轮转方案培训，无需登记补足内容。`,
      );
    }
    const rows = input.mustServe === null ? null : checkRows(input.mustServe, t.years);
    const json = rows === null ? null : JSON.stringify(rows);
    await tx
      .updateTable('trainees')
      .set({ must_serve_json: json, updated_at: isoNow(core.clock) })
      .where('id', '=', t.id)
      .execute();
    await appendEvent(tx, core, actor.username, {
      action: 'trainee.must-serve',
      entity: 'trainee',
      entityId: t.id,
      before: { mustServe: mustServeOf(t) },
      after: { mustServe: rows },
      reason: input.reason,
    });
    return traineeDetail(tx, await findTrainee(tx, t.id));
  });
}
