import { Button, Group } from '@mantine/core';
import { IconColumns, IconDownload, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/call';
import { notifyError, notifySuccess } from '../../app/notify';
import { saveBase64, XLSX_MIME } from '../../lib/download';
import { showPrintable } from '../../lib/print';
import { SummaryTemplateDialog } from './SummaryTemplateDialog';

const PROGRAMS = ['residency', 'agp'] as const;
type Program = (typeof PROGRAMS)[number];

/**
 * 汇总表 for the province, one per program: the workbook (named as the notice names the table, with the
 * base) and the printable page with the seal and signature lines.
 */
export function ExportButtons({ year }: { year: number }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [columns, setColumns] = useState(false);

  async function download(program: Program) {
    setBusy(`xlsx-${program}`);
    const r = await call('exam.export', { year, program });
    setBusy(null);
    if (!r.ok) return notifyError(r.error);
    saveBase64(r.value.fileName, r.value.contentBase64, XLSX_MIME);
    notifySuccess(t('exam.exported', { rows: r.value.rows, fileName: r.value.fileName }));
  }

  async function print(program: Program) {
    setBusy(`print-${program}`);
    const r = await call('exam.printable', { year, program });
    setBusy(null);
    if (!r.ok) return notifyError(r.error);
    showPrintable({ title: r.value.title, html: r.value.html });
  }

  return (
    <Group gap="xs">
      {PROGRAMS.map((p) => (
        <Group key={p} gap={0}>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={busy === `xlsx-${p}`}
            onClick={() => void download(p)}
          >
            {t('exam.export', { program: t(`exam.programs.${p}`) })}
          </Button>
          <Button
            variant="default"
            px="xs"
            aria-label={t('exam.printSummary', { program: t(`exam.programs.${p}`) })}
            title={t('exam.printSummary', { program: t(`exam.programs.${p}`) })}
            loading={busy === `print-${p}`}
            onClick={() => void print(p)}
          >
            <IconPrinter size={16} />
          </Button>
        </Group>
      ))}
      <Button variant="subtle" leftSection={<IconColumns size={16} />} onClick={() => setColumns(true)}>
        {t('exam.summaryTemplate.open')}
      </Button>
      <SummaryTemplateDialog opened={columns} onClose={() => setColumns(false)} />
    </Group>
  );
}
