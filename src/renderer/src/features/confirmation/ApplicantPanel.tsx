import { Badge, Button, FileButton, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPrinter, IconRotate, IconUpload } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantDetail, ChecklistState } from '../../../../shared/contract/applicants';
import { call } from '../../app/call';
import { notifyError, notifySuccess } from '../../app/notify';
import { readFileAsBase64 } from '../../lib/file';
import { formatDateTime } from '../../lib/format';
import { showPrintable } from '../../lib/print';
import { mutate } from '../../lib/query';
import { ApplicantFacts } from './ApplicantFacts';
import { Checklist } from './Checklist';
import { DecisionForm } from './DecisionForm';
import { EligibilityList } from './EligibilityList';
import { ReopenDialog } from './ReopenDialog';

/** One applicant at the desk: facts, eligibility, the checklist with scans, then the decision or its record. */
export function ApplicantPanel({ detail }: { detail: ApplicantDetail }) {
  const { t } = useTranslation();
  const [states, setStates] = useState<Record<string, ChecklistState>>({});
  const [reopening, setReopening] = useState(false);
  const [cursor, setCursor] = useState(0);
  const checklistRef = useRef<HTMLDivElement>(null);
  const submitRef = useRef<(() => void) | null>(null);
  const pending = detail.confirmation === 'pending' || detail.confirmation === 'returned';

  useEffect(() => {
    setStates({});
    setCursor(0);
    checklistRef.current?.querySelector<HTMLElement>('[data-testid="checklist"]')?.focus();
  }, [detail.id]);

  async function print() {
    const r = await call('confirm.receipt', { id: detail.id });
    if (!r.ok) return notifyError(r.error);
    showPrintable({ title: t('desk.receiptTitle', { name: detail.name }), html: r.value.html });
  }

  async function upload(file: File | null, itemKey: string) {
    if (!file) return;
    const r = await mutate('attachments.add', {
      applicantId: detail.id,
      itemKey,
      fileName: file.name,
      contentBase64: await readFileAsBase64(file),
    });
    if (!r.ok) return notifyError(r.error);
    notifySuccess(t('desk.scanAdded'));
  }

  const itemLabel = (key: string) => detail.checklist.find((i) => i.key === key)?.label ?? key;
  return (
    <Stack
      gap="sm"
      onKeyDown={(e) => {
        if (e.key === 'Escape') document.getElementById('desk-search')?.focus();
        else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && pending) {
          e.preventDefault();
          submitRef.current?.();
        }
      }}
    >
      <ApplicantFacts detail={detail} />
      <EligibilityList detail={detail} />
      <Paper withBorder p="sm" ref={checklistRef}>
        <Group justify="space-between" mb={4}>
          <Text fw={600}>{t('desk.checklist')}</Text>
          <Text size="xs" c="dimmed">
            {t('desk.keyboardHint')}
          </Text>
        </Group>
        <Checklist
          detail={detail}
          states={states}
          cursor={cursor}
          setCursor={setCursor}
          onChange={(key, s) => setStates((m) => ({ ...m, [key]: s }))}
        />
        <Group mt="xs" gap="xs">
          <FileButton
            onChange={(f) => void upload(f, detail.checklist[cursor]?.key ?? 'id_card')}
            accept="image/jpeg,image/png,application/pdf"
          >
            {(props) => (
              <Button {...props} size="xs" variant="default" leftSection={<IconUpload size={14} />}>
                {t('desk.uploadScan', { item: detail.checklist[cursor]?.label ?? '' })}
              </Button>
            )}
          </FileButton>
          {detail.attachments.map((a) => (
            <Badge key={a.id} variant="light" color={a.sensitive ? 'red' : 'gray'}>
              {itemLabel(a.itemKey)} · {a.fileName}
              {a.sensitive ? ` · ${t('desk.sensitive')}` : ''}
            </Badge>
          ))}
        </Group>
      </Paper>
      <Paper withBorder p="sm">
        {pending ? (
          <DecisionForm detail={detail} states={states} submitRef={submitRef} />
        ) : (
          <Stack gap="xs">
            <Text data-testid="current-decision">
              {t('desk.currentDecision', {
                decision: t(`applicants.statuses.${detail.confirmation}`),
                by: detail.decidedBy ?? '',
                at: detail.decidedAt ? formatDateTime(detail.decidedAt) : '',
              })}
            </Text>
            {detail.decisionReason && <Text size="sm">{detail.decisionReason}</Text>}
          </Stack>
        )}
        {detail.confirmation !== 'pending' && (
          <Group mt="xs">
            <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => void print()}>
              {t('desk.printReceipt')}
            </Button>
            <Button variant="subtle" color="orange" leftSection={<IconRotate size={16} />} onClick={() => setReopening(true)}>
              {t('desk.reopen')}
            </Button>
          </Group>
        )}
      </Paper>
      <ReopenDialog detail={detail} opened={reopening} onClose={() => setReopening(false)} />
    </Stack>
  );
}
