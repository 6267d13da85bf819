import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamCandidateView, ExamCheckView } from '../../../../shared/contract/exam';
import { formatDateTime } from '../../lib/format';
import { RecordCheckForm } from './RecordCheckForm';

function CheckRow({ candidate, check, year }: { candidate: ExamCandidateView; check: ExamCheckView; year: number }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  const who =
    check.recordedBy === 'auto'
      ? t('exam.recordedAuto')
      : t('exam.recordedBy', {
          by: check.recordedByName ?? check.recordedBy,
          at: check.recordedAt ? formatDateTime(check.recordedAt) : '',
        });
  return (
    <Stack gap={2} data-testid="exam-check" data-passed={check.passed} data-pending={check.pending}>
      <Group gap="xs">
        <Badge variant="light" color={check.passed ? 'green' : check.pending ? 'yellow' : 'red'}>
          {check.passed ? t('exam.passed') : check.pending ? t('exam.pending') : t('exam.failed')}
        </Badge>
        <Text size="sm" fw={500}>
          {t(`exam.checkNames.${check.code}`)}
        </Text>
        {!recording && (
          <Button
            size="compact-xs"
            variant="subtle"
            aria-label={`${t('exam.recordCheck')} ${t(`exam.checkNames.${check.code}`)}`}
            onClick={() => setRecording(true)}
          >
            {t('exam.recordCheck')}
          </Button>
        )}
      </Group>
      <Text size="sm">{check.message}</Text>
      {check.evidence && <Text size="xs">{t('exam.evidence', { evidence: check.evidence })}</Text>}
      <Text size="xs" c="dimmed">
        {who}
      </Text>
      {recording && <RecordCheckForm candidate={candidate} check={check} year={year} onDone={() => setRecording(false)} />}
    </Stack>
  );
}

/** Each eligibility check with its message, the evidence recorded and who judged it. */
export function ChecksList({ candidate, year }: { candidate: ExamCandidateView; year: number }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Text fw={600} mb={4}>
        {t('exam.checks')}
      </Text>
      <Stack gap="sm">
        {candidate.checks.map((c) => (
          <CheckRow key={c.code} candidate={candidate} check={c} year={year} />
        ))}
      </Stack>
    </Paper>
  );
}
