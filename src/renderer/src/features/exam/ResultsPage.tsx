import { Badge, Button, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamResultRow, ExamSubjectResult } from '../../../../shared/contract/exam';
import { can } from '../../../../shared/permissions';
import { useSession } from '../../app/session';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatDate } from '../../lib/format';
import { useQuery } from '../../lib/query';
import { CertificateDialog } from './CertificateDialog';
import { useExamYear } from './exam-year';
import { NoCalendar } from './NoCalendar';
import { ResultsImport } from './ResultsImport';
import { YearSelect } from './YearSelect';

/** 成绩与证书: import the province's results, see who passed, record the 合格证书. */
export function ResultsPage() {
  const { t } = useTranslation();
  const { year, years, setYear } = useExamYear();
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('exam.nav.results')}</Title>
        {year !== null && <YearSelect year={year} years={years} onChange={setYear} />}
      </Group>
      {year === null ? <LoadingState /> : <ResultsYear year={year} />}
    </Stack>
  );
}

function ResultsYear({ year }: { year: number }) {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const canManage = role ? can(role, 'exam.manage') : false;
  const list = useQuery('exam.results', { year });
  const [importing, setImporting] = useState(false);
  if (list.error?.code === 'EXAM_NO_CALENDAR') return <NoCalendar year={year} />;
  if (list.error) return <ErrorState error={list.error} onRetry={list.refresh} />;
  if (!list.data) return <LoadingState />;
  return (
    <Stack>
      {canManage && (
        <Group justify="flex-end">
          <Button leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
            {t('exam.results.import')}
          </Button>
        </Group>
      )}
      {list.data.rows.length === 0 ? (
        <EmptyState title={t('exam.results.empty', { year })} description={t('exam.results.emptyHint')} />
      ) : (
        <ResultsTable rows={list.data.rows} canManage={canManage} />
      )}
      <ResultsImport year={year} opened={importing} onClose={() => setImporting(false)} />
    </Stack>
  );
}

function SubjectCell({ r }: { r: ExamSubjectResult | null }) {
  const { t } = useTranslation();
  if (!r)
    return (
      <Text size="sm" c="dimmed">
        {t('exam.results.none')}
      </Text>
    );
  return (
    <Text size="sm" c={r.passed ? undefined : 'red'}>
      {t(r.passed ? 'exam.results.pass' : 'exam.results.fail')}
      {r.score ? `（${t('exam.results.score', { score: r.score })}）` : ''}
      <Text span size="xs" c="dimmed">
        {' '}
        {t('exam.yearValue', { year: r.year })}
      </Text>
    </Text>
  );
}

function ResultsTable({ rows, canManage }: { rows: ExamResultRow[]; canManage: boolean }) {
  const { t } = useTranslation();
  const [cert, setCert] = useState<ExamResultRow | null>(null);
  return (
    <Paper withBorder>
      <ScrollArea.Autosize mah="calc(100vh - 300px)" type="auto">
        <Table striped stickyHeader verticalSpacing={6} aria-label={t('exam.nav.results')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('exam.name')}</Table.Th>
              <Table.Th miw={170}>{t('exam.idNumber')}</Table.Th>
              <Table.Th>{t('exam.program')}</Table.Th>
              <Table.Th>{t('exam.subjectNames.theory')}</Table.Th>
              <Table.Th>{t('exam.subjectNames.skills')}</Table.Th>
              <Table.Th>{t('exam.results.outcome')}</Table.Th>
              <Table.Th>{t('exam.results.certificate')}</Table.Th>
              {canManage && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.traineeId} data-testid="exam-result-row">
                <Table.Td>{r.name}</Table.Td>
                <Table.Td ff="monospace">{r.idNumber}</Table.Td>
                <Table.Td>{t(`exam.programs.${r.program}`)}</Table.Td>
                <Table.Td>
                  <SubjectCell r={r.theory} />
                </Table.Td>
                <Table.Td>
                  <SubjectCell r={r.skills} />
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={r.passedBoth ? 'green' : 'gray'}>
                    {t(r.passedBoth ? 'exam.results.passedBoth' : 'exam.results.notYet')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {r.certificate ? (
                    <Group gap={6}>
                      <Text size="sm" data-testid="exam-certificate">
                        {r.certificate.certNo}（{formatDate(r.certificate.issuedOn)}）
                      </Text>
                      {r.traineeStatus === 'completed' && (
                        <Badge variant="light" color="green">
                          {t('exam.results.completed')}
                        </Badge>
                      )}
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('exam.results.noCertificate')}
                    </Text>
                  )}
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    {r.passedBoth && (
                      <Button
                        size="xs"
                        variant="subtle"
                        aria-label={`${t(r.certificate ? 'exam.results.editCert' : 'exam.results.recordCert')} ${r.name}`}
                        onClick={() => setCert(r)}
                      >
                        {t(r.certificate ? 'exam.results.editCert' : 'exam.results.recordCert')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {cert && <CertificateDialog row={cert} onClose={() => setCert(null)} />}
    </Paper>
  );
}
