import { Stack, Tabs, Title } from '@mantine/core';
import { IconBuildingHospital, IconList } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { BaseForm } from './BaseForm';
import { CatalogueTable } from './CatalogueTable';

export function BaseSettingsPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('nav.base')}</Title>
      <Tabs defaultValue="base" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="base" leftSection={<IconBuildingHospital size={16} />}>
            {t('base.tabBase')}
          </Tabs.Tab>
          <Tabs.Tab value="catalogue" leftSection={<IconList size={16} />}>
            {t('base.tabCatalogue')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="base" pt="md">
          <BaseForm />
        </Tabs.Panel>
        <Tabs.Panel value="catalogue" pt="md">
          <CatalogueTable />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
