import { Button, Group, Switch, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCatalogueUi } from './store';

/** Search and the 显示停用 switch on the left; how many are shown of how many, and 新增专业, on the right. */
export function CatalogueToolbar({
  shown,
  total,
  onAdd,
}: {
  shown: number;
  total: number;
  /** Absent for roles that may not edit the catalogue. */
  onAdd: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const { search, showInactive, setSearch, setShowInactive } = useCatalogueUi();
  return (
    <Group justify="space-between" mb="sm">
      <Group>
        <TextInput
          placeholder={t('base.searchSpecialty')}
          aria-label={t('base.searchSpecialty')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={260}
        />
        <Switch
          label={t('base.showInactive')}
          checked={showInactive}
          onChange={(e) => setShowInactive(e.currentTarget.checked)}
        />
      </Group>
      <Group>
        <Text size="sm" c="dimmed">
          {t('base.specialtyCount', { count: shown, total })}
        </Text>
        {onAdd && (
          <Button leftSection={<IconPlus size={16} />} onClick={onAdd}>
            {t('base.addSpecialty')}
          </Button>
        )}
      </Group>
    </Group>
  );
}
