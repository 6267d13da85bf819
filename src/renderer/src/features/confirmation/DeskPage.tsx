import { Grid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../components/states';
import { useQuery } from '../../lib/query';
import { ApplicantPanel } from './ApplicantPanel';
import { DeskSearch } from './DeskSearch';

/** Opened from the applicant list (#/desk?id=...): that applicant; otherwise the desk starts at the search box. */
function idFromHash(): string | null {
  return new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('id');
}

/**
 * The confirmation desk: type-ahead search, keyboard selection, checklist, decision, receipt. The search
 * list and the panel read the shared cache, so a decision or a reopening shows in both at once.
 */
export function DeskPage() {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string | null>(idFromHash);
  const detail = useQuery('applicants.get', { id: selected ?? '' }, selected !== null);

  return (
    <Stack>
      <Title order={2}>{t('desk.title')}</Title>
      <Grid>
        <Grid.Col span={4}>
          <DeskSearch onOpen={setSelected} autoFocus={selected === null} />
        </Grid.Col>
        <Grid.Col span={8}>
          {selected === null && <Text c="dimmed">{t('desk.chooseApplicant')}</Text>}
          {selected !== null && detail.error && <ErrorState error={detail.error} onRetry={detail.refresh} />}
          {selected !== null && !detail.data && !detail.error && <LoadingState />}
          {detail.data && detail.data.id === selected && <ApplicantPanel detail={detail.data} />}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
