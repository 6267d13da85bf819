import type { examOps } from '../../shared/contract/exam';
import { AppError } from '../../shared/errors';
import { can } from '../../shared/permissions';
import { actorOf, defineHandlers } from '../api/handler';
import { appendEvent } from '../audit/events';
import { decodeFile } from '../util/file-input';
import { calendarState, copyCalendar, setCalendar } from './calendars';
import { addCandidate, editCandidate, listCandidates, proposeYear } from './candidates';
import { examReceipt } from './receipt';
import { recordCertificate } from './certificates';
import { examDashboard } from './dashboard';
import { setRegistration } from './registration';
import { examResultList } from './result-list';
import { importResults } from './results';
import { examTracking } from './tracking';
import { recordCheck, recordMaterials, reviewCandidate } from './review';
import { beijingDate } from './rules';
import { auditExport, summaryHtml, summarySheet, summaryXlsx } from './summary';
import { resetSummaryTemplate, setSummaryTemplate, summaryTemplateView } from './summary-template';

export const examHandlers = defineHandlers<typeof examOps>()({
  'exam.years': async (ctx) => {
    const rows = await ctx.core.db.selectFrom('exam_candidates').select('year').distinct().orderBy('year').execute();
    return { years: rows.map((r) => r.year), current: Number(beijingDate(ctx.core.clock.nowMs()).slice(0, 4)) };
  },

  'exam.dashboard': async (ctx, input) => examDashboard(ctx.core, input.year),

  'exam.calendar': async (ctx, input) => calendarState(ctx.core.db, input.year),

  'exam.copyCalendar': async (ctx, input) => copyCalendar(ctx.core, actorOf(ctx), input.year, input.from, input.reason),

  'exam.tracking': async (ctx, input) => examTracking(ctx.core, input.year),

  'exam.results': async (ctx, input) => examResultList(ctx.core, input.year),

  'exam.summaryTemplate': async (ctx) => summaryTemplateView(ctx.core.db),

  'exam.setSummaryTemplate': async (ctx, input) => setSummaryTemplate(ctx.core, actorOf(ctx), input.columns, input.reason),

  'exam.resetSummaryTemplate': async (ctx, input) => resetSummaryTemplate(ctx.core, actorOf(ctx), input.reason),

  'exam.setCalendar': async (ctx, input) => setCalendar(ctx.core, actorOf(ctx), input.calendar, input.reason),

  'exam.propose': async (ctx, input) => proposeYear(ctx.core, actorOf(ctx), input.year, input.reason),

  'exam.candidates': async (ctx, input) => {
    const actor = actorOf(ctx);
    if (input.reveal && !can(actor.role, 'exam.reveal')) {
      throw new AppError('FORBIDDEN', '当前角色无权查看完整的证件号码。', { permission: 'exam.reveal' });
    }
    const list = await listCandidates(ctx.core, input);
    if (input.reveal && list.candidates.length > 0) {
      await ctx.core.db.transaction().execute((tx) =>
        appendEvent(tx, ctx.core, actor.username, {
          action: 'exam.reveal-list',
          entity: 'exam_candidate',
          entityId: String(input.year),
          after: { count: list.candidates.length, ids: list.candidates.map((c) => c.traineeId) },
        }),
      );
    }
    return list;
  },

  'exam.addCandidate': async (ctx, input) => addCandidate(ctx.core, actorOf(ctx), input),

  'exam.editCandidate': async (ctx, input) => editCandidate(ctx.core, actorOf(ctx), input),

  'exam.recordCheck': async (ctx, input) => recordCheck(ctx.core, actorOf(ctx), input),

  'exam.recordMaterials': async (ctx, input) => recordMaterials(ctx.core, actorOf(ctx), input),

  'exam.receipt': async (ctx, input) => ({ html: await examReceipt(ctx.core, input.year, input.trainee) }),

  'exam.review': async (ctx, input) => reviewCandidate(ctx.core, actorOf(ctx), input),

  'exam.setRegistration': async (ctx, input) => setRegistration(ctx.core, actorOf(ctx), input),

  'exam.export': async (ctx, input) =>
    ctx.core.db.transaction().execute(async (tx) => {
      const sheet = await summarySheet(tx, ctx.core, input.year, input.program);
      const bytes = await summaryXlsx(sheet);
      await auditExport(tx, ctx.core, actorOf(ctx), input.year, input.program, sheet, 'xlsx');
      return {
        fileName: `${sheet.fileStem}.xlsx`,
        contentBase64: Buffer.from(bytes).toString('base64'),
        rows: sheet.rows.length,
      };
    }),

  'exam.printable': async (ctx, input) =>
    ctx.core.db.transaction().execute(async (tx) => {
      const sheet = await summarySheet(tx, ctx.core, input.year, input.program);
      await auditExport(tx, ctx.core, actorOf(ctx), input.year, input.program, sheet, 'html');
      return { html: summaryHtml(sheet), rows: sheet.rows.length, title: sheet.title, fileName: `${sheet.fileStem}.html` };
    }),

  'exam.importResults': async (ctx, input) => importResults(ctx.core, actorOf(ctx), input.year, decodeFile(input), input.dryRun),

  'exam.recordCertificate': async (ctx, input) => recordCertificate(ctx.core, actorOf(ctx), input),
});
