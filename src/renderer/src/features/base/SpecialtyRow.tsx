import { ActionIcon, Badge, Button, Group, Table, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Specialty } from '../../../../shared/contract/catalogue';

/** One specialty: code, name, national or local, in use or not; editors rename it or switch it on and off. */
export function SpecialtyRow({
  s,
  editable,
  pending,
  onRename,
  onToggle,
}: {
  s: Specialty;
  editable: boolean;
  pending: boolean;
  onRename: () => void;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
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
              <ActionIcon variant="subtle" aria-label={t('base.renameSpecialtyOf', { name: s.name })} onClick={onRename}>
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
            <Button size="compact-xs" variant="light" color={s.active ? 'gray' : 'teal'} loading={pending} onClick={onToggle}>
              {s.active ? t('base.disable') : t('base.enable')}
            </Button>
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
