import { ActionIcon, Badge, Button, Group, Paper, ScrollArea, Switch, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Specialty } from '../../../../shared/contract/catalogue';
import { can } from '../../../../shared/permissions';
import { notifyError, notifySuccess } from '../../app/notify';
import { useSession } from '../../app/session';
import { mutate, useQuery } from '../../lib/query';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { SpecialtyModal } from './SpecialtyModal';
import { useCatalogueUi } from './store';

export function CatalogueTable() {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const editable = role ? can(role, 'catalogue.edit') : false;
  const catalogue = useQuery('catalogue.list');
  const { search, showInactive, setSearch, setShowInactive } = useCatalogueUi();
  const [modal, setModal] = useState<{ open: boolean; editing: Specialty | null }>({ open: false, editing: null });
  const [pending, setPending] = useState<string | null>(null);

  if (catalogue.error && !catalogue.data) return <ErrorState error={catalogue.error} onRetry={catalogue.refresh} />;
  if (!catalogue.data) return <LoadingState />;

  const q = search.trim();
  const rows = catalogue.data.filter(
    (s) => (showInactive || s.active) && (!q || s.name.includes(q) || s.code.toLowerCase().includes(q.toLowerCase())),
  );

  async function toggleActive(s: Specialty) {
    setPending(s.code);
    const r = await mutate('catalogue.update', { code: s.code, active: !s.active });
    setPending(null);
    if (!r.ok) return notifyError(r.error, t('base.updateFailed'));
    notifySuccess(r.value.active ? t('base.specialtyEnabled', { name: s.name }) : t('base.specialtyDisabled', { name: s.name }));
    catalogue.refresh();
  }

  return (
    <Paper withBorder p="md">
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
            {t('base.specialtyCount', { count: rows.length, total: catalogue.data.length })}
          </Text>
          {editable && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setModal({ open: true, editing: null })}>
              {t('base.addSpecialty')}
            </Button>
          )}
        </Group>
      </Group>
      {rows.length === 0 ? (
        <EmptyState title={t('base.noSpecialties')} description={t('base.noSpecialtiesHint')} />
      ) : (
        <ScrollArea.Autosize mah="calc(100vh - 300px)" type="auto">
          <Table striped highlightOnHover stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>{t('base.specialtyCode')}</Table.Th>
                <Table.Th>{t('base.specialtyName')}</Table.Th>
                <Table.Th w={140}>{t('base.source')}</Table.Th>
                <Table.Th w={110}>{t('base.state')}</Table.Th>
                {editable && <Table.Th w={170}>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((s) => (
                <Table.Tr key={s.code}>
                  <Table.Td>{s.code}</Table.Td>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td>
                    {s.local ? (
                      <Badge color="grape" variant="light">
                        {t('base.local')}
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="light">
                        {t('base.national')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={s.active ? 'teal' : 'gray'} variant="dot">
                      {s.active ? t('base.active') : t('base.inactive')}
                    </Badge>
                  </Table.Td>
                  {editable && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Tooltip label={t('base.renameSpecialty')}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('base.renameSpecialtyOf', { name: s.name })}
                            onClick={() => setModal({ open: true, editing: s })}
                          >
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Button
                          size="compact-xs"
                          variant="light"
                          color={s.active ? 'gray' : 'teal'}
                          loading={pending === s.code}
                          onClick={() => void toggleActive(s)}
                        >
                          {s.active ? t('base.disable') : t('base.enable')}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      <SpecialtyModal
        opened={modal.open}
        editing={modal.editing}
        onClose={() => setModal({ open: false, editing: null })}
        onSaved={catalogue.refresh}
      />
    </Paper>
  );
}
