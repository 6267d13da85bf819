import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicantListSort } from '../../../../shared/contract/applicants';
import { can } from '../../../../shared/permissions';
import { call } from '../../app/call';
import { useSession } from '../../app/session';
import { PagedList } from '../../components/PagedList';
import { useRevealed } from '../../components/RevealButton';
import { SortableTh } from '../../components/SortableTh';
import { ApplicantActions } from './ApplicantActions';
import { ApplicantFilters } from './ApplicantFilters';
import { ApplicantRow, type RevealedContact } from './ApplicantRow';
import { useApplicantList } from './useApplicantList';

/** The applicant list: masked by default; roles with the reveal permission can show one row in full (audited). */
export function ApplicantsPage() {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const allowed = {
    import: role ? can(role, 'applicants.import') : false,
    reveal: role ? can(role, 'applicants.reveal') : false,
    add: role ? can(role, 'applicants.add') : false,
  };
  const canConfirm = role ? can(role, 'confirm.decide') : false;
  const { list, data, paging, selection, filters, setFilter, filtered, sort, setSort } = useApplicantList();
  const { revealed, reveal } = useRevealed<RevealedContact>((id) => call('applicants.reveal', { id }));
  const th = (label: string, key: ApplicantListSort) => <SortableTh label={label} sortKey={key} state={sort} onSort={setSort} />;

  return (
    <PagedList
      title={t('applicants.title')}
      testId="applicants"
      totalText={data ? t('applicants.total', { total: data.total }) : null}
      actions={<ApplicantActions selection={selection} can={allowed} onChanged={list.refresh} />}
      filters={<ApplicantFilters value={filters} onChange={setFilter} />}
      error={list.error}
      onRetry={list.refresh}
      loaded={data !== null}
      empty={
        data && data.total === 0 && !filtered ? { title: t('applicants.empty'), description: t('applicants.emptyHint') } : null
      }
      head={
        <>
          {th(t('applicants.name'), 'name')}
          {th(t('applicants.idNumber'), 'idNumber')}
          <Table.Th>{t('applicants.phone')}</Table.Th>
          {th(t('applicants.category'), 'category')}
          {th(t('applicants.choices'), 'specialty')}
          <Table.Th>{t('choices.round')}</Table.Th>
          {th(t('applicants.status'), 'status')}
          {allowed.reveal && <Table.Th w={50} />}
        </>
      }
      rows={
        data && data.applicants.length > 0
          ? data.applicants.map((a) => (
              <ApplicantRow
                key={a.id}
                a={a}
                full={revealed[a.id]}
                linkToDesk={canConfirm}
                onReveal={allowed.reveal ? () => void reveal(a.id) : undefined}
              />
            ))
          : null
      }
      paging={
        data
          ? {
              total: data.total,
              page: paging.page,
              pageSize: paging.pageSize,
              onPage: paging.setPage,
              onPageSize: paging.setPageSize,
            }
          : null
      }
    />
  );
}
