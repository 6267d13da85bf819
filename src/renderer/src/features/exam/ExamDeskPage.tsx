import { Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../components/states';
import { useQuery } from '../../lib/query';
import { CandidatePanel } from './CandidatePanel';
import { CandidatePicker } from './CandidatePicker';
import { useExamYear } from './exam-year';
import { NoCalendar } from './NoCalendar';
import { YearSelect } from './YearSelect';

/** Opened from the candidate list (#/exam/desk?trainee=...): that candidate; otherwise none yet. */
function traineeFromHash(): string | null {
  return new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('trainee');
}

/** The eligibility review desk: pick a candidate, check their papers, decide, print the receipt. */
export function ExamDeskPage() {
  const { t } = useTranslation();
  const { year, years, setYear } = useExamYear();
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('exam.deskTitle')}</Title>
        {year !== null && <YearSelect year={year} years={years} onChange={setYear} />}
      </Group>
      {year === null ? <LoadingState /> : <Desk year={year} />}
    </Stack>
  );
}

function Desk({ year }: { year: number }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string | null>(traineeFromHash);
  // The list answers with every candidate in full; the desk reads the one chosen from it, so a decision
  // (which invalidates exam.*) shows in the picker and the panel at once.
  const list = useQuery('exam.candidates', { year, reveal: false });
  const candidate = list.data?.candidates.find((c) => c.traineeId === selected) ?? null;
  if (list.error?.code === 'EXAM_NO_CALENDAR') return <NoCalendar year={year} />;
  return (
    <Grid>
      <Grid.Col span={4}>
        {list.error && <ErrorState error={list.error} onRetry={list.refresh} />}
        {!list.data && !list.error && <LoadingState />}
        {list.data && <CandidatePicker candidates={list.data.candidates} selected={selected} onSelect={setSelected} />}
      </Grid.Col>
      <Grid.Col span={8}>
        {candidate === null && <Text c="dimmed">{t('exam.choose')}</Text>}
        {candidate && <CandidatePanel candidate={candidate} year={year} />}
      </Grid.Col>
    </Grid>
  );
}
