/**
 * Beijing's 临床实践经历 rows: entered with their proof scan (stored content-addressed like every scan), and
 * reviewed by the base by 9月12日 ("培训基地于9月12日之前完成临床实践经历审核"); a review after that date needs a
 * reason, and a row is accepted only when no rule fails and its proof is there.
 */
import type { ReductionRow } from '../../shared/contract/reduction';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import { checkAttachment, readBlob, storeBlob } from '../attachments/store';
import type { Actor, Core, Tx } from '../context';
import { isoNow } from '../util/clock';
import { decodeFile } from '../util/file-input';
import { uuidv7 } from '../util/uuid7';
import { cohortContext } from './applicants';
import { oneRow, requirePerson } from './records';
import { cannotAccept, reviewDeadline } from './rules';
import { experienceView } from './view';
import { formatDate } from '../../shared/dates';

export type ExperienceInput = {
  applicant: string;
  kind: 'professional-graduate' | 'academic-graduate' | 'other-province' | 'other';
  hospital: string;
  specialty: string;
  from: string;
  to: string;
  recognisedBase?: boolean | undefined;
  proof?: { fileName: string; contentBase64: string } | undefined;
};

function storeProof(core: Core, proof: ExperienceInput['proof']) {
  if (proof === undefined) return { proof_sha256: null, proof_file_name: null, proof_mime: null };
  const { fileName, bytes } = decodeFile(proof);
  const mime = checkAttachment(fileName, bytes);
  return { proof_sha256: storeBlob(core.dataDir, bytes), proof_file_name: fileName, proof_mime: mime };
}

export async function addExperience(core: Core, actor: Actor, input: ExperienceInput): Promise<ReductionRow> {
  if (input.to < input.from) {
    throw new AppError(
      'REDUCTION_EXPERIENCE_DATES',
      `起止日期颠倒：${formatDate(input.from)} 晚于 ${formatDate(input.to)}。未做任何更改。`,
    );
  }
  // The scan is checked and stored before the transaction: a stored blob nobody references is harmless.
  const proof = storeProof(core, input.proof);
  return core.db.transaction().execute(async (tx) => {
    const ctx = await cohortContext(tx);
    const p = await requirePerson(tx, ctx, input.applicant);
    const row = {
      id: uuidv7(core.clock.nowMs()),
      applicant_id: p.a.id,
      kind: input.kind,
      hospital: input.hospital,
      specialty: input.specialty,
      from_date: input.from,
      to_date: input.to,
      recognised_base: input.recognisedBase === undefined ? null : input.recognisedBase ? 1 : 0,
      ...proof,
      review: 'pending' as const,
      review_reason: null,
      reviewed_by: null,
      reviewed_at: null,
      created_by: actor.username,
      created_at: isoNow(core.clock),
    };
    await tx.insertInto('reduction_experiences').values(row).execute();
    await appendEvent(tx, core, actor.username, {
      action: 'reduction.experience-add',
      entity: 'reduction',
      entityId: p.a.id,
      after: experienceView(row),
    });
    return oneRow(tx, ctx, p.a.id);
  });
}

export async function reviewExperience(
  core: Core,
  actor: Actor,
  input: { id: string; accept: boolean; reason?: string | undefined },
): Promise<ReductionRow> {
  return core.db.transaction().execute(async (tx) => {
    const ctx = await cohortContext(tx);
    const e = await tx.selectFrom('reduction_experiences').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!e) throw new AppError('REDUCTION_EXPERIENCE_NOT_FOUND', '没有这条临床实践经历，可能已被删除，请刷新。');
    const before = experienceView(e);
    const reason = input.reason?.trim() ?? '';
    if (input.accept) {
      const why = cannotAccept(before.checks);
      if (why !== null) throw new AppError('REDUCTION_EXPERIENCE_NOT_ACCEPTABLE', `不能认可这条经历：${why}`);
    } else if (reason === '') {
      throw new AppError('REDUCTION_REASON_REQUIRED', '不予认可时请写明原因，报名者会据此补充材料。');
    }
    const now = isoNow(core.clock);
    const deadline = reviewDeadline(ctx.province, ctx.cohortYear);
    if (deadline !== null && now.slice(0, 10) > deadline && reason === '') {
      throw new AppError(
        'REDUCTION_REVIEW_LATE',
        `临床实践经历应于 ${Number(deadline.slice(5, 7))}月${Number(deadline.slice(8, 10))}日前审核完毕，现已过期：请写明逾期审核的原因。`,
      );
    }
    const patch = {
      review: input.accept ? ('accepted' as const) : ('rejected' as const),
      review_reason: reason || null,
      reviewed_by: actor.username,
      reviewed_at: now,
    };
    await tx.updateTable('reduction_experiences').set(patch).where('id', '=', e.id).execute();
    await appendEvent(tx, core, actor.username, {
      action: 'reduction.experience-review',
      entity: 'reduction',
      entityId: e.applicant_id,
      before,
      after: experienceView({ ...e, ...patch }),
      reason: reason || null,
    });
    return oneRow(tx, ctx, e.applicant_id);
  });
}

/** The proof scan of one row, for the reviewer to look at in the app. */
export async function proofOf(
  tx: Tx,
  core: Core,
  id: string,
): Promise<{ fileName: string; mime: string; contentBase64: string }> {
  const e = await tx.selectFrom('reduction_experiences').selectAll().where('id', '=', id).executeTakeFirst();
  if (!e) throw new AppError('REDUCTION_EXPERIENCE_NOT_FOUND', '没有这条临床实践经历，可能已被删除，请刷新。');
  if (e.proof_sha256 === null) throw new AppError('REDUCTION_NO_PROOF', '这条临床实践经历还没有上传证明材料。');
  const bytes = readBlob(core.dataDir, e.proof_sha256);
  return { fileName: e.proof_file_name ?? '', mime: e.proof_mime ?? '', contentBase64: Buffer.from(bytes).toString('base64') };
}
