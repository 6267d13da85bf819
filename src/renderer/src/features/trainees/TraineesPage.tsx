import { Button, Group, Table } from '@mantine/core';
import { IconFileImport, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/permissions';
import { useSession } from '../../app/session';
import { PagedList } from '../../components/PagedList';
import { useRevealed } from '../../components/RevealButton';
import { mutate } from '../../lib/query';
import { EnrolDialog } from './EnrolDialog';
import { ImportTraineesDialog } from './ImportTraineesDialog';
import { TraineeDrawer } from './TraineeDrawer';
import { TraineeFilters } from './TraineeFilters';
import { TraineeRow } from './TraineeRow';
import { useTraineeList } from './useTraineeList';

/** 在培学员: search and filters, masked ID numbers (reveal audited), status with its history, import and enrol. */
export function TraineesPage() {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const baseYear = useSession((s) => s.status?.base?.cohortYear) ?? new Date().getFullYear();
  const canManage = role ? can(role, 'trainees.manage') : false;
  const canReveal = role ? can(role, 'trainees.reveal') : false;
  const [open, setOpen] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [enrolling, setEnrolling] = useState(false);
  const { list, paging, filters, setFilter, filtered } = useTraineeList();
  const { revealed, reveal } = useRevealed(async (id) => {
    const r = await mutate('trainees.revealIdNumber', { id });
    return r.ok ? { ok: true as const, value: r.value.idNumber } : r;
  });
  const data = list.data;

  return (
    <PagedList
      title={t('trainees.title')}
      testId="trainees"
      totalText={data ? t('trainees.total', { total: data.total }) : null}
      actions={
        canManage && (
          <Group>
            <Button variant="light" leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
              {t('trainees.import')}
            </Button>
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setEnrolling(true)}>
              {t('trainees.enrol')}
            </Button>
          </Group>
        )
      }
      filters={<TraineeFilters value={filters} onChange={setFilter} baseYear={baseYear} />}
      error={list.error}
      onRetry={list.refresh}
      loaded={data !== null}
      empty={data && data.total === 0 && !filtered ? { title: t('trainees.empty'), description: t('trainees.emptyHint') } : null}
      head={
        <>
          <Table.Th>{t('trainees.name')}</Table.Th>
          <Table.Th>{t('trainees.idNumber')}</Table.Th>
          <Table.Th>{t('trainees.program')}</Table.Th>
          <Table.Th>{t('trainees.specialty')}</Table.Th>
          <Table.Th>{t('trainees.cohort')}</Table.Th>
          <Table.Th>{t('trainees.startDate')}</Table.Th>
          <Table.Th>{t('trainees.status')}</Table.Th>
          <Table.Th>{t('trainees.source')}</Table.Th>
          {canReveal && <Table.Th w={50} />}
        </>
      }
      rows={
        data && data.trainees.length > 0
          ? data.trainees.map((r) => (
              <TraineeRow
                key={r.id}
                r={r}
                fullIdNumber={revealed[r.id]}
                onOpen={() => setOpen(r.id)}
                onReveal={canReveal ? () => void reveal(r.id) : undefined}
              />
            ))
          : null
      }
      // One page holds a cohort or two: the pager shows only when the list runs past it.
      paging={
        data && data.total > paging.pageSize
          ? { total: data.total, page: paging.page, pageSize: paging.pageSize, onPage: paging.setPage }
          : null
      }
    >
      <TraineeDrawer id={open} onClose={() => setOpen(null)} canManage={canManage} />
      {canManage && <ImportTraineesDialog opened={importing} onClose={() => setImporting(false)} />}
      {canManage && <EnrolDialog opened={enrolling} onClose={() => setEnrolling(false)} cohortYear={baseYear} />}
    </PagedList>
  );
}
