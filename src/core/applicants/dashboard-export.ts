/** The 确认统计 workbook: the dashboard's figures as number cells, one sheet per view. */
import type { Dashboard } from '../../shared/contract/applicants';
import { formatDate as chineseDate } from '../../shared/dates';
import { exportWorkbook, fileSafe, type ExportSheet } from '../tabular/xlsx-write';

const OUTCOME_HEADERS = [
  { header: '确认通过', width: 10 },
  { header: '退回补正', width: 10 },
  { header: '不予确认', width: 10 },
];

function overview(d: Dashboard): ExportSheet {
  const p = d.progress;
  const rows: Array<[string, string | number]> = [
    ['报名人数', d.total],
    ['待确认', d.byOutcome.pending],
    ['确认通过', d.byOutcome.confirmed],
    ['退回补正（待补正返回）', d.byOutcome.returned],
    ['不予确认', d.byOutcome.rejected],
  ];
  if (p) {
    rows.push(
      [p.source === 'window' ? '现场确认时间' : '已有确认的日期范围', `${chineseDate(p.start)}—${chineseDate(p.end)}`],
      ['总天数', p.daysTotal],
      ['已过天数', p.daysElapsed],
      ['剩余天数', p.daysLeft],
      ['已办结（确认通过、不予确认）', p.done],
    );
  }
  return {
    name: '概览',
    columns: [
      { header: '项目', width: 30 },
      { header: '数值', width: 24 },
    ],
    rows,
  };
}

export function statsSheets(d: Dashboard): ExportSheet[] {
  return [
    overview(d),
    {
      name: '按日',
      columns: [{ header: '日期', width: 16 }, ...OUTCOME_HEADERS, { header: '合计', width: 8 }],
      rows: d.perDay.map((r) => [
        chineseDate(r.date),
        r.confirmed,
        r.returned,
        r.rejected,
        r.confirmed + r.returned + r.rejected,
      ]),
    },
    {
      name: '按经办人',
      columns: [{ header: '日期', width: 16 }, { header: '经办人', width: 14 }, ...OUTCOME_HEADERS, { header: '合计', width: 8 }],
      rows: d.perClerk.map((r) => [
        chineseDate(r.date),
        r.clerkName,
        r.confirmed,
        r.returned,
        r.rejected,
        r.confirmed + r.returned + r.rejected,
      ]),
    },
    {
      name: '按专业',
      columns: [
        { header: '专业（第一志愿）', width: 20 },
        { header: '报名', width: 8 },
        { header: '待确认', width: 8 },
        ...OUTCOME_HEADERS,
      ],
      rows: d.perSpecialty.map((r) => [r.name, r.total, r.pending, r.confirmed, r.returned, r.rejected]),
    },
  ];
}

export async function statsWorkbook(
  d: Dashboard,
  cohortYear: number,
  baseName: string,
): Promise<{ fileName: string; contentBase64: string }> {
  const bytes = await exportWorkbook(statsSheets(d));
  return {
    fileName: fileSafe(`确认统计-${cohortYear}-${baseName}.xlsx`),
    contentBase64: Buffer.from(bytes).toString('base64'),
  };
}
