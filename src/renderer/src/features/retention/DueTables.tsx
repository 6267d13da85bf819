import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RetentionPackage, RetentionYear } from '../../../../shared/contract/retention';
import { formatBytes, formatDate } from '../../lib/format';

export function YearsTable({ years }: { years: RetentionYear[] }) {
  const { t } = useTranslation();
  if (years.length === 0) return <Text c="dimmed">{t('retention.yearsEmpty')}</Text>;
  return (
    <Table striped aria-label={t('retention.year')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('retention.year')}</Table.Th>
          <Table.Th>{t('retention.status')}</Table.Th>
          <Table.Th ta="right">{t('retention.nonAdmitted')}</Table.Th>
          <Table.Th ta="right">{t('retention.dueApplicants')}</Table.Th>
          <Table.Th ta="right">{t('retention.dueFiles')}</Table.Th>
          <Table.Th ta="right">{t('retention.purged')}</Table.Th>
          <Table.Th ta="right">{t('retention.kept')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {years.map((y) => (
          <Table.Tr key={y.cohortYear} data-testid={`retention-year-${y.cohortYear}`}>
            <Table.Td>{y.cohortYear} 年</Table.Td>
            <Table.Td>
              {y.due && y.dueApplicants > 0 ? (
                <Badge color="red" variant="light" mr="xs">
                  {t('retention.dueNow')}
                </Badge>
              ) : null}
              {y.note}
            </Table.Td>
            <Table.Td ta="right">{y.nonAdmitted}</Table.Td>
            <Table.Td ta="right">{y.dueApplicants}</Table.Td>
            <Table.Td ta="right">{y.dueFiles}</Table.Td>
            <Table.Td ta="right">{y.purged}</Table.Td>
            <Table.Td ta="right">{y.kept}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function PackagesTable({ packages }: { packages: RetentionPackage[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={5}>{t('retention.packagesTitle')}</Title>
        {packages.length === 0 ? (
          <Text c="dimmed">{t('retention.packagesEmpty')}</Text>
        ) : (
          <Table striped aria-label={t('retention.packagesTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('retention.file')}</Table.Th>
                <Table.Th ta="right">{t('retention.size')}</Table.Th>
                <Table.Th>{t('retention.deliveredAt')}</Table.Th>
                <Table.Th>{t('retention.dueFrom')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {packages.map((p) => (
                <Table.Tr key={p.uuid}>
                  <Table.Td>{p.fileName}</Table.Td>
                  <Table.Td ta="right">{formatBytes(p.bytes)}</Table.Td>
                  <Table.Td>{formatDate(p.deliveredAt)}</Table.Td>
                  <Table.Td>
                    {p.due ? (
                      <Badge color="red" variant="light">
                        {t('retention.dueNow')}
                      </Badge>
                    ) : (
                      formatDate(p.dueFrom)
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
