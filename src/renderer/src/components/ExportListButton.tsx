import { Button, Menu } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpInput } from '../../../shared/contract';
import { call } from '../app/call';
import { notifyError, notifySuccess } from '../app/notify';
import { saveBase64, XLSX_MIME } from '../lib/download';

type ExportOp = 'applicants.export' | 'scores.export';

/**
 * Exports what a list shows (its search, filters and sort; every page) as XLSX. With `revealable`, the role
 * may also export the full ID numbers, chosen explicitly (the core audits it).
 */
export function ExportListButton<K extends ExportOp>({
  op,
  input,
  revealable = false,
}: {
  op: K;
  input: OpInput<K>;
  revealable?: boolean;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  async function run(reveal: boolean) {
    setBusy(true);
    const r = await call(op, (reveal ? { ...input, reveal: true } : input) as OpInput<K>);
    setBusy(false);
    if (!r.ok) return notifyError(r.error);
    const file = r.value as { fileName: string; contentBase64: string };
    saveBase64(file.fileName, file.contentBase64, XLSX_MIME);
    notifySuccess(t('lists.export.done', { file: file.fileName }));
  }
  const button = (
    <Button
      variant="default"
      leftSection={<IconDownload size={16} />}
      loading={busy}
      data-testid="export-list"
      {...(revealable ? {} : { onClick: () => void run(false) })}
    >
      {t('lists.export.button')}
    </Button>
  );
  if (!revealable) return button;
  return (
    <Menu position="bottom-end">
      <Menu.Target>{button}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void run(false)} data-testid="export-masked">
          {t('lists.export.masked')}
        </Menu.Item>
        <Menu.Item onClick={() => void run(true)} data-testid="export-revealed">
          {t('lists.export.revealed')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
