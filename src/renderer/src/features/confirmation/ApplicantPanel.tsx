import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPrinter, IconRotate } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantDetail, ChecklistState } from '../../../../shared/contract/applicants';
import { call } from '../../app/call';
import { notifyError } from '../../app/notify';
import { formatDateTime } from '../../lib/format';
import { showPrintable } from '../../lib/print';
import { ApplicantFacts } from './ApplicantFacts';
import { Checklist } from './Checklist';
import { DecisionForm } from './DecisionForm';
import { EligibilityList } from './EligibilityList';
import { ReopenDialog } from './ReopenDialog';
import { Scans } from './Scans';

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

  // The core records a scan of a 缺 or unchecked item as 已收复印件; an unsaved 缺 marked here would hide that.
  function uploaded(itemKey: string) {
    setStates((m) => {
      if (m[itemKey] !== 'missing') return m;
      const rest = { ...m };
      delete rest[itemKey];
      return rest;
    });
  }

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
        <Scans detail={detail} itemKey={detail.checklist[cursor]?.key ?? 'id_card'} onUploaded={uploaded} />
      </Paper>
      <Paper withBorder p="sm">
        {pending ? (
          <DecisionForm detail={detail} states={states} submitRef={submitRef} />
        ) : (
          <Stack gap="xs">
            <Text data-testid="current-decision">
              {t('desk.currentDecision', {
                decision: t(`applicants.statuses.${detail.confirmation}`),
                by: detail.decidedByName ?? detail.decidedBy ?? '',
                at: detail.decidedAt ? formatDateTime(detail.decidedAt) : '',
              })}
            </Text>
            {detail.rulesOverride ? (
              <OverrideNote detail={detail} />
            ) : (
              detail.decisionReason && <Text size="sm">{detail.decisionReason}</Text>
            )}
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

/** The override a 确认通过 went through with: which rules, who, when and why (also on the receipt). */
function OverrideNote({ detail }: { detail: ApplicantDetail }) {
  const { t } = useTranslation();
  const o = detail.rulesOverride;
  if (!o) return null;
  // The override is made with the decision, so its author has the decider's display name.
  const by = o.by === detail.decidedBy ? (detail.decidedByName ?? o.by) : o.by;
  return (
    <Stack gap={2} data-testid="rules-override">
      <Text size="sm" c="orange.9">
        {t('desk.overrideShown', { rules: o.rules.map((r) => r.title).join('、'), by, at: formatDateTime(o.at) })}
      </Text>
      <Text size="sm">{t('desk.overrideReasonLine', { reason: o.reason })}</Text>
    </Stack>
  );
}
