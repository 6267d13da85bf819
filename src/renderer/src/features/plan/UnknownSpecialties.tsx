import { Alert, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconQuestionMark } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PlanPreview } from '../../../../shared/contract/plan';
import { useSpecialtyOptions } from './queries';

/** Select value meaning "add this name to the catalogue as a local specialty". */
export const ADD_LOCAL = '__add_local__';

export function UnknownSpecialties({
  unknown,
  mappings,
  onChange,
}: {
  unknown: PlanPreview['unknownSpecialties'];
  mappings: Record<string, string | null>;
  onChange: (name: string, value: string | null) => void;
}) {
  const { t } = useTranslation();
  const { options } = useSpecialtyOptions();
  if (unknown.length === 0) return null;
  const data = [
    { group: t('plan.mapAddGroup'), items: [{ value: ADD_LOCAL, label: t('plan.mapAddLocal') }] },
    { group: t('plan.mapExistingGroup'), items: options },
  ];
  return (
    <Alert color="yellow" icon={<IconQuestionMark size={18} />} title={t('plan.unknownTitle', { count: unknown.length })}>
      <Stack gap="xs">
        <Text size="sm">{t('plan.unknownHint')}</Text>
        <SimpleGrid cols={2} spacing="sm">
          {unknown.map((u) => (
            <Select
              key={u.name}
              label={t('plan.unknownLabel', { name: u.name, rows: u.rows.join('、') })}
              placeholder={t('plan.mapPlaceholder')}
              data={data}
              value={mappings[u.name] ?? null}
              onChange={(v) => onChange(u.name, v)}
              searchable
              nothingFoundMessage={t('common.nothingFound')}
              error={mappings[u.name] ? undefined : t('plan.mapRequired')}
            />
          ))}
        </SimpleGrid>
      </Stack>
    </Alert>
  );
}
