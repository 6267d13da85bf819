import { Button, Paper, ScrollArea, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExamCandidateView } from '../../../../shared/contract/exam';
import { navigate } from '../../app/router';
import { formatDate } from '../../lib/format';
import { CheckBadges } from './CheckBadges';
import { ExamStatusBadge } from './ExamStatusBadge';

// A name or a date broken over two lines (高平 / 帅) reads as two entries: the short columns keep one line and
// the checks column takes what is left.
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** The year's candidates; 审核 opens the desk on that candidate. */
export function CandidatesTable({ candidates, canReview }: { candidates: ExamCandidateView[]; canReview: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder>
      <ScrollArea.Autosize mah="calc(100vh - 380px)" type="auto">
        <Table striped highlightOnHover stickyHeader verticalSpacing={6} aria-label={t('exam.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={NOWRAP}>{t('exam.name')}</Table.Th>
              <Table.Th miw={170}>{t('exam.idNumber')}</Table.Th>
              <Table.Th style={NOWRAP}>{t('exam.program')}</Table.Th>
              <Table.Th style={NOWRAP}>{t('exam.specialty')}</Table.Th>
              <Table.Th style={NOWRAP}>{t('exam.trainingEnd')}</Table.Th>
              <Table.Th>{t('exam.subjects')}</Table.Th>
              <Table.Th>{t('exam.eligibility')}</Table.Th>
              <Table.Th miw={110}>{t('exam.status')}</Table.Th>
              {canReview && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {candidates.map((c) => (
              <Table.Tr key={c.id} data-testid="exam-row" data-trainee={c.traineeId}>
                <Table.Td style={NOWRAP}>{c.name}</Table.Td>
                <Table.Td ff="monospace">{c.idNumber}</Table.Td>
                <Table.Td style={NOWRAP}>{t(`exam.programs.${c.program}`)}</Table.Td>
                <Table.Td style={NOWRAP}>{c.specialtyName}</Table.Td>
                <Table.Td style={NOWRAP}>{formatDate(c.trainingEnd)}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {c.subjects.map((s) => t(`exam.subjectNames.${s}`)).join('、')}
                    {c.retake ? `（${t('exam.retake')}）` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <CheckBadges candidate={c} />
                </Table.Td>
                <Table.Td>
                  <ExamStatusBadge status={c.status} />
                </Table.Td>
                {canReview && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      aria-label={`${t('exam.openDesk')} ${c.name}`}
                      onClick={() => navigate(`/exam/desk?trainee=${encodeURIComponent(c.traineeId)}`)}
                    >
                      {t('exam.openDesk')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Paper>
  );
}
