import { NavLink, Paper, ScrollArea, Stack, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamCandidateView } from '../../../../shared/contract/exam';
import { ExamStatusBadge } from './ExamStatusBadge';

/** The year's candidates, narrowed by name or the last digits of the (masked) ID number. */
export function CandidatePicker({
  candidates,
  selected,
  onSelect,
}: {
  candidates: ExamCandidateView[];
  selected: string | null;
  onSelect: (traineeId: string) => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const q = query.trim();
  const shown = candidates.filter((c) => q === '' || c.name.includes(q) || c.idNumber.endsWith(q));
  return (
    <Stack gap="xs">
      <TextInput
        label={t('exam.search')}
        placeholder={t('exam.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      <Paper withBorder>
        <ScrollArea.Autosize mah="calc(100vh - 260px)" type="auto">
          {shown.map((c) => (
            <NavLink
              key={c.id}
              data-testid="exam-pick"
              active={c.traineeId === selected}
              label={c.name}
              description={c.idNumber}
              rightSection={<ExamStatusBadge status={c.status} />}
              onClick={() => onSelect(c.traineeId)}
            />
          ))}
        </ScrollArea.Autosize>
      </Paper>
    </Stack>
  );
}
