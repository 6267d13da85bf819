import { Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/call';
import { notifyError, notifySuccess } from '../../app/notify';
import { saveBase64, XLSX_MIME } from '../../lib/download';

const PROGRAMS = ['residency', 'agp'] as const;

/** 汇总表 for the province, one workbook per program. */
export function ExportButtons({ year }: { year: number }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);

  async function download(program: (typeof PROGRAMS)[number]) {
    setBusy(program);
    const r = await call('exam.export', { year, program });
    setBusy(null);
    if (!r.ok) return notifyError(r.error);
    saveBase64(r.value.fileName, r.value.contentBase64, XLSX_MIME);
    notifySuccess(t('exam.exported', { rows: r.value.rows, fileName: r.value.fileName }));
  }

  return (
    <Group gap="xs">
      {PROGRAMS.map((p) => (
        <Button
          key={p}
          variant="default"
          leftSection={<IconDownload size={16} />}
          loading={busy === p}
          onClick={() => void download(p)}
        >
          {t('exam.export', { program: t(`exam.programs.${p}`) })}
        </Button>
      ))}
    </Group>
  );
}
