/** 拟录取名单公示: record the published run and its window; the printable page shows masked ID numbers only. */
import type { HtmlPage, PublicationView } from '../../shared/contract/admission';
import { AppError } from '../../shared/errors';
import { PROGRAM_LABELS } from '../../shared/preset';
import { appendEvent } from '../audit/events';
import { programsOf, requireBase } from '../base/base';
import type { Actor, Core, Tx } from '../context';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';
import { checkWindow } from '../windows/guard';
import { addDays, requireDate } from './dates';
import { escapeHtml, noteParagraph, printablePage } from './html';
import { activePublication, loadStored, requireRun, toPublicationView, viewContext } from './service';
import { requireFreshRun } from './staleness';
import { admittedRows } from './views';
import { formatDate } from '../../shared/dates';

export async function publish(
  core: Core,
  actor: Actor,
  input: { startDate: string; days: number; note?: string | undefined; reason?: string | undefined },
): Promise<PublicationView> {
  return core.db.transaction().execute(async (tx) => {
    const base = await requireBase(tx);
    const outside = await checkWindow(tx, core, base.cohort_year, 'admission-publication', input.reason);
    const run = await requireRun(tx, base.cohort_year);
    await requireFreshRun(tx, run, '公示');
    const stored = await loadStored(tx, run);
    if (stored.result.ties.length > 0) {
      throw new AppError(
        'ADMISSION_TIES_OPEN',
        `还有 ${stored.result.ties.length} 处末位同分等待决定，名单尚未确定，不能公示。请先决定同分。`,
        { count: stored.result.ties.length },
      );
    }
    if (stored.result.admissions.length === 0) {
      throw new AppError('ADMISSION_NOTHING_TO_PUBLISH', '本次录取结果没有录取任何考生，无需公示。');
    }
    const current = await activePublication(tx, base.cohort_year);
    if (current !== null && current.runId === run.id) {
      throw new AppError(
        'ADMISSION_ALREADY_PUBLISHED',
        `第 ${run.run_no} 次计算结果已于 ${formatDate(current.startDate)} 起公示（至 ${formatDate(current.endDate)}），无需重复公示。`,
        { publication: current },
      );
    }
    const start = requireDate(input.startDate, '公示开始日期');
    const row = {
      id: uuidv7(core.clock.nowMs()),
      cohort_year: base.cohort_year,
      run_id: run.id,
      start_date: start,
      end_date: addDays(start, input.days - 1),
      days: input.days,
      note: input.note?.trim() || null,
      published_by: actor.username,
      published_at: isoNow(core.clock),
      superseded_by_run: null,
    };
    if (current !== null) {
      await tx.updateTable('admission_publications').set({ superseded_by_run: run.id }).where('id', '=', current.id).execute();
    }
    await tx.insertInto('admission_publications').values(row).execute();
    const view = toPublicationView(row, run.run_no);
    await appendEvent(tx, core, actor.username, {
      action: 'admission.publish',
      entity: 'admission-publication',
      entityId: row.id,
      before: current,
      after: { ...view, admitted: stored.result.admissions.length, ...(outside ? { outsideWindow: outside } : {}) },
      reason: outside ? outside.reason : row.note,
    });
    return view;
  });
}

/** The printable 公示 page of the latest run: names, masked ID numbers, specialty and how admitted. */
export async function publicationHtml(tx: Tx): Promise<HtmlPage> {
  const base = await requireBase(tx);
  const run = await requireRun(tx, base.cohort_year);
  const ctx = await viewContext(tx, base.cohort_year, false);
  const rows = admittedRows(ctx, await loadStored(tx, run));
  const pub = await activePublication(tx, base.cohort_year);
  const window =
    pub !== null && pub.runId === run.id
      ? `公示期：${formatDate(pub.startDate)} 至 ${formatDate(pub.endDate)}（${pub.days} 天）。公示期内如有异议，请向基地住培办反映。`
      : '（尚未公示：本页为预览。）';
  const body = `
<p class="meta">${escapeHtml(window)}</p>
${pub !== null && pub.runId === run.id ? noteParagraph(pub.note) : ''}
<table>
<thead><tr><th>序号</th><th>姓名</th><th>性别</th><th>身份证号</th><th>录取专业</th><th>人员类别</th><th>录取方式</th><th>总成绩</th></tr></thead>
<tbody>
${rows
  .map(
    (r, i) =>
      `<tr><td>${i + 1}</td><td>${escapeHtml(r.name)}</td><td>${escapeHtml(r.sex ?? '')}</td><td class="mono">${escapeHtml(r.idNumber)}</td><td>${escapeHtml(r.specialtyName)}</td><td>${escapeHtml(r.applicantCategory ?? '')}</td><td>${escapeHtml(r.roundLabel)}</td><td>${escapeHtml(r.total)}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>
<p class="meta">共 ${rows.length} 人。第 ${run.run_no} 次计算结果。</p>`;
  const programs = programsOf(base);
  const program = programs.length === 1 ? PROGRAM_LABELS[programs[0]!] : '住院医师规范化培训和助理全科医生培训';
  const title = `${base.name} ${base.cohort_year} 年${program}拟录取名单公示`;
  return { fileName: `拟录取名单公示-${base.cohort_year}.html`, html: printablePage(title, body), revealed: false };
}
