import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChangeView } from '../../../../shared/contract/admission';
import { seatLabel } from './seat-label';

/** What this run changed against the previous one: admitted, dropped or moved, person by person. */
export function ChangesPanel({ changes }: { changes: ChangeView[] }) {
  const { t } = useTranslation();
  const color = { admitted: 'teal', dropped: 'red', moved: 'blue' } as const;
  return (
    <Paper withBorder p="md" data-testid="changes">
      <Title order={5} mb="xs">
        {t('admission.changes.title', { count: changes.length })}
      </Title>
      <Stack gap={4}>
        {changes.map((c) => (
          <Group key={c.applicantId} gap="xs" data-testid={`change-${c.kind}`}>
            <Badge color={color[c.kind]} variant="light" w={90}>
              {t(`admission.changes.${c.kind}`)}
            </Badge>
            <Text size="sm">
              {c.name}（{c.idNumber}）{c.before ? ` ${seatLabel(c.before)} · ${t(`admission.rounds.${c.before.round}`)}` : ''}
              {c.before && c.after ? ' → ' : ''}
              {c.after ? ` ${seatLabel(c.after)} · ${t(`admission.rounds.${c.after.round}`)}` : ''}
              {c.message ? ` · ${c.message}` : ''}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
