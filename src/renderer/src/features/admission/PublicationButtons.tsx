import { Button } from '@mantine/core';
import { IconFileSpreadsheet, IconPrinter, IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/call';
import { notifyError, notifySuccess } from '../../app/notify';
import { saveBase64, XLSX_MIME } from '../../lib/download';
import { showPrintable } from '../../lib/print';
import { PublishDialog } from './PublishDialog';

/** 公示 and the documents that go with it: publish, print the publication, the summary as a sheet or printed. */
export function PublicationButtons() {
  const { t } = useTranslation();
  const [publishing, setPublishing] = useState(false);

  async function exportSummary() {
    const r = await call('admission.summaryXlsx', {});
    if (!r.ok) return notifyError(r.error);
    saveBase64(r.value.fileName, r.value.contentBase64, XLSX_MIME);
    notifySuccess(t('admission.exported', { rows: r.value.rows, file: r.value.fileName }));
  }

  async function showPage(op: 'admission.publicationHtml' | 'admission.summaryHtml') {
    const r = await call(op, {});
    if (!r.ok) return notifyError(r.error);
    showPrintable({ title: r.value.fileName, html: r.value.html });
  }

  return (
    <>
      <Button variant="light" leftSection={<IconSpeakerphone size={16} />} onClick={() => setPublishing(true)}>
        {t('admission.publish')}
      </Button>
      <Button
        variant="default"
        leftSection={<IconPrinter size={16} />}
        onClick={() => void showPage('admission.publicationHtml')}
      >
        {t('admission.printPublication')}
      </Button>
      <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void exportSummary()}>
        {t('admission.exportSummary')}
      </Button>
      <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => void showPage('admission.summaryHtml')}>
        {t('admission.printSummary')}
      </Button>
      <PublishDialog opened={publishing} onClose={() => setPublishing(false)} />
    </>
  );
}
