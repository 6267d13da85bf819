import { Badge, Button, FileButton, Group } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantDetail, AttachmentView } from '../../../../shared/contract/applicants';
import { notifyError, notifySuccess } from '../../app/notify';
import { readFileAsBase64 } from '../../lib/file';
import { mutate } from '../../lib/query';
import { ScanViewer } from './ScanViewer';

/**
 * Upload a scan for the item under the checklist cursor, and the scans already stored: each opens in the
 * in-app viewer. `onUploaded` lets the panel drop an unsaved 缺 for that item (the core recorded a copy).
 */
export function Scans({
  detail,
  itemKey,
  onUploaded,
}: {
  detail: ApplicantDetail;
  itemKey: string;
  onUploaded: (itemKey: string) => void;
}) {
  const { t } = useTranslation();
  const [viewing, setViewing] = useState<AttachmentView | null>(null);
  const itemLabel = (key: string) => detail.checklist.find((i) => i.key === key)?.label ?? key;

  async function upload(file: File | null) {
    if (!file) return;
    const r = await mutate('attachments.add', {
      applicantId: detail.id,
      itemKey,
      fileName: file.name,
      contentBase64: await readFileAsBase64(file),
    });
    if (!r.ok) return notifyError(r.error);
    onUploaded(itemKey);
    notifySuccess(t('desk.scanAdded'));
  }

  return (
    <Group mt="xs" gap="xs">
      <FileButton onChange={(f) => void upload(f)} accept="image/jpeg,image/png,application/pdf">
        {(props) => (
          <Button {...props} size="xs" variant="default" leftSection={<IconUpload size={14} />}>
            {t('desk.uploadScan', { item: itemLabel(itemKey) })}
          </Button>
        )}
      </FileButton>
      {detail.attachments.map((a) => (
        <Badge
          key={a.id}
          component="button"
          type="button"
          variant="light"
          color={a.sensitive ? 'red' : 'gray'}
          style={{ cursor: 'pointer' }}
          aria-label={t('desk.viewScan', { item: `${itemLabel(a.itemKey)} · ${a.fileName}` })}
          data-testid="scan-badge"
          onClick={() => setViewing(a)}
        >
          {itemLabel(a.itemKey)} · {a.fileName}
          {a.sensitive ? ` · ${t('desk.sensitive')}` : ''}
        </Badge>
      ))}
      <ScanViewer scan={viewing} itemLabel={viewing ? itemLabel(viewing.itemKey) : ''} onClose={() => setViewing(null)} />
    </Group>
  );
}
