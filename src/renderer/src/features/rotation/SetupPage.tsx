import { Badge, Button, Group, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentView, SchemeView } from '../../../../shared/contract/rotation';
import { can } from '../../../../shared/permissions';
import { useSession } from '../../app/session';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useQuery } from '../../lib/query';
import { ExampleBadge } from './ExampleBadge';
import { ImportDepartmentsDialog } from './ImportDepartmentsDialog';
import { ImportSchemesDialog } from './ImportSchemesDialog';

/** 科室与轮转方案: the base's departments (capacity, standard departments) and each specialty's scheme. */
export function SetupPage() {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const canManage = role ? can(role, 'rotation.manage') : false;
  const [importing, setImporting] = useState<'departments' | 'schemes' | null>(null);
  const departments = useQuery('rotation.listDepartments', {});
  const schemes = useQuery('rotation.listSchemes', {});
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('rotation.setup.title')}</Title>
        {canManage && (
          <Group>
            <Button variant="light" leftSection={<IconFileImport size={16} />} onClick={() => setImporting('departments')}>
              {t('rotation.setup.importDepartments')}
            </Button>
            <Button variant="light" leftSection={<IconFileImport size={16} />} onClick={() => setImporting('schemes')}>
              {t('rotation.setup.importSchemes')}
            </Button>
          </Group>
        )}
      </Group>
      <Tabs defaultValue="departments">
        <Tabs.List>
          <Tabs.Tab value="departments">{t('rotation.setup.departments')}</Tabs.Tab>
          <Tabs.Tab value="schemes">{t('rotation.setup.schemes')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="departments" pt="md">
          {departments.error && <ErrorState error={departments.error} onRetry={departments.refresh} />}
          {!departments.data && !departments.error && <LoadingState />}
          {departments.data && <DepartmentsTable rows={departments.data} />}
        </Tabs.Panel>
        <Tabs.Panel value="schemes" pt="md">
          {schemes.error && <ErrorState error={schemes.error} onRetry={schemes.refresh} />}
          {!schemes.data && !schemes.error && <LoadingState />}
          {schemes.data && <SchemesList schemes={schemes.data} />}
        </Tabs.Panel>
      </Tabs>
      <ImportDepartmentsDialog opened={importing === 'departments'} onClose={() => setImporting(null)} />
      <ImportSchemesDialog opened={importing === 'schemes'} onClose={() => setImporting(null)} />
    </Stack>
  );
}

function DepartmentsTable({ rows }: { rows: DepartmentView[] }) {
  const { t } = useTranslation();
  if (rows.length === 0)
    return <EmptyState title={t('rotation.setup.noDepartments')} description={t('rotation.setup.noDepartmentsHint')} />;
  return (
    <Paper withBorder>
      <Table striped verticalSpacing={6} aria-label={t('rotation.setup.departments')} data-testid="departments-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rotation.setup.departmentName')}</Table.Th>
            <Table.Th>{t('rotation.setup.standardDepartments')}</Table.Th>
            <Table.Th ta="right">{t('rotation.setup.capacity')}</Table.Th>
            <Table.Th>{t('rotation.setup.site')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{d.name}</Table.Td>
              <Table.Td>{d.standardDepartments.join('、')}</Table.Td>
              <Table.Td ta="right">{d.capacity}</Table.Td>
              <Table.Td>
                {d.site ?? '—'}{' '}
                <Badge size="xs" variant="light" color="gray">
                  {t(`rotation.setup.siteTypes.${d.siteType}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function SchemesList({ schemes }: { schemes: SchemeView[] }) {
  const { t } = useTranslation();
  if (schemes.length === 0)
    return <EmptyState title={t('rotation.setup.noSchemes')} description={t('rotation.setup.noSchemesHint')} />;
  return (
    <Stack>
      {schemes.map((s) => (
        <Paper withBorder p="md" key={s.id} data-testid={`scheme-${s.specialtyCode}`}>
          <Group gap="xs" mb="xs">
            <Text fw={600}>
              {t('rotation.setup.schemeTitle', {
                specialty: s.specialtyCode,
                program: t(`trainees.programs.${s.program}`),
                years: s.years,
                months: s.totalMonths,
              })}
            </Text>
            {s.example && <ExampleBadge />}
          </Group>
          <Table verticalSpacing={2} fz="sm">
            <Table.Tbody>
              {s.rows.map((r) => (
                <Table.Tr key={r.seq}>
                  <Table.Td w={220}>{r.standardDepartment}</Table.Td>
                  <Table.Td w={100}>{t('rotation.setup.months', { months: r.months })}</Table.Td>
                  <Table.Td w={80}>{t(`rotation.setup.kinds.${r.kind}`)}</Table.Td>
                  <Table.Td w={90}>{r.stage ? t('rotation.setup.stage', { stage: r.stage }) : ''}</Table.Td>
                  <Table.Td>{t(`rotation.setup.siteTypes.${r.siteType}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
    </Stack>
  );
}
