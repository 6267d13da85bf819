/**
 * The 报名人员 list as XLSX, with the screen's filter and sort. ID and phone numbers are masked unless the
 * role may reveal them and asked to; a revealing export is audited with who is in it.
 */
import type { ApplicantListSort } from '../../shared/contract/applicants';
import { formatDateTime } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import { can } from '../../shared/permissions';
import { appendEvent } from '../audit/events';
import { currentPreset, requireBase } from '../base/base';
import { loadCatalogue } from '../catalogue/catalogue';
import type { Actor, Core } from '../context';
import { exportWorkbook, fileSafe, type ExportCell } from '../tabular/xlsx-write';
import { listApplicants } from './list-query';
import { summaryOf } from './record';

export type ApplicantExportInput = {
  status?: 'pending' | 'confirmed' | 'returned' | 'rejected' | undefined;
  specialty?: string | undefined;
  query?: string | undefined;
  sort: ApplicantListSort;
  dir: 'asc' | 'desc';
  reveal: boolean;
};

const STATUS_LABELS = { pending: '待确认', confirmed: '确认通过', returned: '退回补正', rejected: '不予确认' } as const;
/** Everyone of a year: an export is the whole filtered list, not the page on screen. */
const ALL_ROWS = 1_000_000;

const COLUMNS = [
  { header: '序号', width: 7 },
  { header: '姓名', width: 10 },
  { header: '证件号码', width: 22 },
  { header: '性别', width: 6 },
  { header: '手机号码', width: 14 },
  { header: '人员类型', width: 14 },
  { header: '志愿', width: 24 },
  { header: '服从调剂', width: 9 },
  { header: '确认结果', width: 10 },
  { header: '确认时间', width: 20 },
];

export async function exportApplicantList(
  core: Core,
  actor: Actor,
  input: ApplicantExportInput,
): Promise<{ fileName: string; contentBase64: string }> {
  if (input.reveal && !can(actor.role, 'applicants.reveal'))
    throw new AppError('FORBIDDEN', '当前角色无权导出完整的证件号码和手机号码，请导出脱敏名单。', {
      permission: 'applicants.reveal',
    });
  const base = await requireBase(core.db);
  const catalogue = await loadCatalogue(core.db);
  const preset = await currentPreset(core.db);
  const categoryName = (code: string | null) => (code ? (preset.categories.find((c) => c.code === code)?.name ?? code) : '');
  const { rows } = await listApplicants(core.db, { ...input, limit: ALL_ROWS, offset: 0 });
  const cells: ExportCell[][] = rows.map((r, i) => {
    const a = summaryOf(r, catalogue, input.reveal);
    return [
      i + 1,
      a.name,
      a.idNumber,
      a.sex ?? '',
      a.phone ?? '',
      categoryName(a.category),
      a.choiceNames.join('；'),
      a.acceptsAdjustment ? '是' : '否',
      STATUS_LABELS[a.confirmation],
      a.decidedAt ? formatDateTime(a.decidedAt) : '',
    ];
  });
  const bytes = await exportWorkbook([{ name: '报名人员', columns: COLUMNS, rows: cells }]);
  await core.db.transaction().execute((tx) =>
    appendEvent(tx, core, actor.username, {
      action: input.reveal ? 'applicant.reveal-export' : 'applicant.export',
      entity: 'applicant',
      entityId: 'list',
      after: {
        count: rows.length,
        revealed: input.reveal,
        filter: { status: input.status ?? null, specialty: input.specialty ?? null, query: input.query ? '（已填写）' : null },
        ...(input.reveal ? { ids: rows.map((r) => r.id) } : {}),
      },
    }),
  );
  return {
    fileName: fileSafe(`报名人员-${base.cohort_year}-${base.name}.xlsx`),
    contentBase64: Buffer.from(bytes).toString('base64'),
  };
}
