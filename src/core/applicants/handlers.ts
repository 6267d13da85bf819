import type { ApplicantFieldKey, applicantsOps } from '../../shared/contract/applicants';
import { AppError } from '../../shared/errors';
import { can } from '../../shared/permissions';
import { actorOf, defineHandlers } from '../api/handler';
import { appendEvent } from '../audit/events';
import { requireBase } from '../base/base';
import { loadCatalogue } from '../catalogue/catalogue';
import { decodeFile } from '../util/file-input';
import { addAttachment, readAttachment } from './attachments';
import { recordAssigned } from './assigned';
import { decide, receipt, reopen, saveChecklist } from './confirm';
import { recordedConfirmationWindow } from './confirmation-window';
import { correctContact } from './contact';
import { dashboard, localDay } from './dashboard';
import { statsWorkbook } from './dashboard-export';
import { exportApplicantList } from './list-export';
import { applicantDetail, updateApplicant } from './detail';
import { maskProblems, rejectionReportXlsx } from './rejection-report';
import { nextInQueue } from './queue';
import { reveal } from './reveal';
import { listApplicants } from './list-query';
import { searchApplicants } from './search';
import { commitApplicantImport, previewApplicantImport } from './import';
import { summaryOf as summaryOfRow } from './record';

function importOptions(input: { mapping?: Record<string, ApplicantFieldKey> | undefined; headerRow?: number | undefined }) {
  return {
    ...(input.mapping ? { mapping: input.mapping } : {}),
    ...(input.headerRow !== undefined ? { headerRow: input.headerRow } : {}),
  };
}

const dashboardOptions = (nowMs: number) => ({ today: localDay(nowMs), window: recordedConfirmationWindow });

export const applicantsHandlers = defineHandlers<typeof applicantsOps>()({
  'applicants.previewImport': async (ctx, input) => {
    const p = await previewApplicantImport(ctx.core, decodeFile(input), importOptions(input));
    return { ...p, rejected: maskProblems(p.rejected), warnings: maskProblems(p.warnings) };
  },

  'applicants.commitImport': async (ctx, input) => {
    const r = await commitApplicantImport(ctx.core, actorOf(ctx).username, decodeFile(input), {
      ...importOptions(input),
      saveMapping: input.saveMapping,
    });
    return { ...r, rejected: maskProblems(r.rejected) };
  },

  'applicants.rejectionReport': async (ctx, input) => {
    const { fileName, bytes } = await rejectionReportXlsx(input.sourceFileName, input.rejected);
    await ctx.core.db.transaction().execute((tx) =>
      appendEvent(tx, ctx.core, actorOf(ctx).username, {
        action: 'applicants.export-rejections',
        entity: 'applicant-import',
        entityId: input.sourceFileName,
        after: { fileName, problems: input.rejected.length },
      }),
    );
    return { fileName, contentBase64: Buffer.from(bytes).toString('base64') };
  },

  'applicants.list': async (ctx, input) => {
    const actor = actorOf(ctx);
    if (input.reveal && !can(actor.role, 'applicants.reveal')) {
      throw new AppError('FORBIDDEN', '当前角色无权查看完整的证件号码和手机号码。', { permission: 'applicants.reveal' });
    }
    const { total, rows } = await listApplicants(ctx.core.db, input);
    const catalogue = await loadCatalogue(ctx.core.db);
    if (input.reveal && rows.length > 0) {
      await ctx.core.db.transaction().execute((tx) =>
        appendEvent(tx, ctx.core, actor.username, {
          action: 'applicant.reveal-list',
          entity: 'applicant',
          entityId: 'list',
          after: {
            count: rows.length,
            ids: rows.map((r) => r.id),
            filter: { status: input.status ?? null, specialty: input.specialty ?? null },
          },
        }),
      );
    }
    return { total, applicants: rows.map((r) => summaryOfRow(r, catalogue, input.reveal)), revealed: input.reveal };
  },

  'applicants.get': async (ctx, input) => applicantDetail(ctx.core.db, input.id),

  'applicants.recordAssigned': async (ctx, input) => recordAssigned(ctx.core, actorOf(ctx), input),

  'applicants.update': async (ctx, input) => updateApplicant(ctx.core, actorOf(ctx), input),

  'applicants.reveal': async (ctx, input) => reveal(ctx.core, actorOf(ctx), input.id, input.reason),

  'applicants.search': async (ctx, input) => {
    const base = await requireBase(ctx.core.db);
    const { rows, kind } = await searchApplicants(ctx.core.db, base.cohort_year, input.query, input.limit);
    const catalogue = await loadCatalogue(ctx.core.db);
    return { results: rows.map((r) => summaryOfRow(r, catalogue, false)), kind };
  },

  'confirm.saveChecklist': async (ctx, input) => saveChecklist(ctx.core, actorOf(ctx), input.id, input.checklist),

  'confirm.decide': async (ctx, input) => ({ decided: await decide(ctx.core, actorOf(ctx), input) }),

  'confirm.next': async (ctx, input) => nextInQueue(ctx.core.db, input.afterId),

  'confirm.reopen': async (ctx, input) => reopen(ctx.core, actorOf(ctx), input.id, input.reason),

  'confirm.receipt': async (ctx, input) => ({ html: await receipt(ctx.core, input.id) }),

  'confirm.dashboard': async (ctx) => dashboard(ctx.core.db, dashboardOptions(ctx.core.clock.nowMs())),

  'confirm.statsExport': async (ctx) => {
    const base = await requireBase(ctx.core.db);
    const d = await dashboard(ctx.core.db, dashboardOptions(ctx.core.clock.nowMs()));
    return statsWorkbook(d, base.cohort_year, base.name);
  },

  'applicants.correctContact': async (ctx, input) => correctContact(ctx.core, actorOf(ctx), input),

  'applicants.export': async (ctx, input) => exportApplicantList(ctx.core, actorOf(ctx), input),

  'attachments.add': async (ctx, input) => {
    const { fileName, bytes } = decodeFile(input);
    return addAttachment(ctx.core, actorOf(ctx), {
      applicantId: input.applicantId,
      itemKey: input.itemKey,
      fileName,
      bytes,
    });
  },

  'attachments.get': async (ctx, input) => {
    const { mime, bytes } = await readAttachment(ctx.core, actorOf(ctx), input.id);
    return { mime, contentBase64: Buffer.from(bytes).toString('base64') };
  },
});
