import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ExamCandidateView } from '../../../../shared/contract/exam';
import { call } from '../../app/call';
import { notifyError } from '../../app/notify';
import { formatDate, formatDateTime } from '../../lib/format';
import { showPrintable } from '../../lib/print';
import { ChecksList } from './ChecksList';
import { ExamDecisionForm } from './ExamDecisionForm';
import { ExamStatusBadge } from './ExamStatusBadge';
import { MaterialsChecklist } from './MaterialsChecklist';

/** The decision as recorded, once made: who, when, why. */
function DecisionRecord({ candidate }: { candidate: ExamCandidateView }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} data-testid="exam-current-decision">
      <Group gap="xs">
        <Text>{t('exam.current', { status: t(`exam.statuses.${candidate.status}`) })}</Text>
      </Group>
      {candidate.decidedBy && (
        <Text size="sm" c="dimmed">
          {t('exam.decidedBy', {
            by: candidate.decidedByName ?? candidate.decidedBy,
            at: candidate.decidedAt ? formatDateTime(candidate.decidedAt) : '',
          })}
        </Text>
      )}
      {candidate.decisionReason && <Text size="sm">{candidate.decisionReason}</Text>}
    </Stack>
  );
}

/** One candidate at the desk: facts, checks with evidence, materials, the decision and the receipt. */
export function CandidatePanel({ candidate, year }: { candidate: ExamCandidateView; year: number }) {
  const { t } = useTranslation();
  const open = candidate.status === 'proposed' || candidate.status === 'returned';

  async function print() {
    const r = await call('exam.receipt', { year, trainee: candidate.traineeId });
    if (!r.ok) return notifyError(r.error);
    showPrintable({ title: t('exam.receiptTitle', { name: candidate.name }), html: r.value.html });
  }

  return (
    <Stack gap="sm">
      <Paper withBorder p="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={4}>{candidate.name}</Title>
            <Text ff="monospace">{candidate.idNumber}</Text>
            <ExamStatusBadge status={candidate.status} />
          </Group>
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => void print()}>
            {t('exam.printReceipt')}
          </Button>
        </Group>
        <Text size="sm" mt={4}>
          {t('exam.facts', {
            program: t(`exam.programs.${candidate.program}`),
            specialty: candidate.specialtyName,
            start: formatDate(candidate.trainingStart),
            end: formatDate(candidate.trainingEnd),
          })}
        </Text>
        <Text size="sm">
          {t('exam.subjects')}：{candidate.subjects.map((s) => t(`exam.subjectNames.${s}`)).join('、')}
          {candidate.retake ? `（${t('exam.retake')}）` : ''}
        </Text>
      </Paper>
      <ChecksList candidate={candidate} year={year} />
      <MaterialsChecklist candidate={candidate} year={year} />
      <Paper withBorder p="sm">
        {candidate.status !== 'proposed' && <DecisionRecord candidate={candidate} />}
        {open && <ExamDecisionForm candidate={candidate} year={year} />}
      </Paper>
    </Stack>
  );
}
