import { Paper, Table } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../../shared/contract/outbox';
import { OutboxHistoryRow } from './OutboxHistoryRow';
import { OutboxRow, type UploadProgress } from './OutboxRow';
import { RequeueDialog } from './RequeueDialog';
import { useDownloadPackage } from './useDownloadPackage';

/** Every package in the outbox, newest first as the core lists them; a row opens to its history. */
export function OutboxTable({
  items,
  progressOf,
  onChanged,
}: {
  items: OutboxItem[];
  progressOf: (i: OutboxItem) => UploadProgress | null;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const [requeue, setRequeue] = useState<OutboxItem | null>(null);
  const download = useDownloadPackage();
  return (
    <Paper withBorder>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="outbox-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={32} />
            <Table.Th>{t('outbox.columns.seq')}</Table.Th>
            <Table.Th>{t('outbox.columns.kind')}</Table.Th>
            <Table.Th>{t('outbox.columns.created')}</Table.Th>
            <Table.Th>{t('outbox.columns.records')}</Table.Th>
            <Table.Th>{t('outbox.columns.size')}</Table.Th>
            <Table.Th>{t('outbox.columns.state')}</Table.Th>
            <Table.Th>{t('outbox.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const expanded = open === item.uuid;
            return (
              <Fragment key={item.uuid}>
                <OutboxRow
                  item={item}
                  progress={progressOf(item)}
                  expanded={expanded}
                  onToggle={() => setOpen(expanded ? null : item.uuid)}
                  onDownload={() => void download(item)}
                  onRequeue={() => setRequeue(item)}
                />
                {expanded && <OutboxHistoryRow item={item} />}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
      <RequeueDialog item={requeue} onClose={() => setRequeue(null)} onDone={onChanged} />
    </Paper>
  );
}
