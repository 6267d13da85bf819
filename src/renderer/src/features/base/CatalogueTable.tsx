import { Paper, ScrollArea, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Specialty } from '../../../../shared/contract/catalogue';
import { can } from '../../../../shared/permissions';
import { notifyError, notifySuccess } from '../../app/notify';
import { useSession } from '../../app/session';
import { mutate, useQuery } from '../../lib/query';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { CatalogueToolbar } from './CatalogueToolbar';
import { SpecialtyModal } from './SpecialtyModal';
import { SpecialtyRow } from './SpecialtyRow';
import { useCatalogueUi } from './store';

/** A name matches anywhere; a code matches regardless of case. Inactive ones only when asked for. */
function matches(s: Specialty, q: string, showInactive: boolean): boolean {
  return (showInactive || s.active) && (!q || s.name.includes(q) || s.code.toLowerCase().includes(q.toLowerCase()));
}

export function CatalogueTable() {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const editable = role ? can(role, 'catalogue.edit') : false;
  const catalogue = useQuery('catalogue.list');
  const { search, showInactive } = useCatalogueUi();
  const [modal, setModal] = useState<{ open: boolean; editing: Specialty | null }>({ open: false, editing: null });
  const [pending, setPending] = useState<string | null>(null);

  if (catalogue.error && !catalogue.data) return <ErrorState error={catalogue.error} onRetry={catalogue.refresh} />;
  if (!catalogue.data) return <LoadingState />;

  const rows = catalogue.data.filter((s) => matches(s, search.trim(), showInactive));

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
      <CatalogueToolbar
        shown={rows.length}
        total={catalogue.data.length}
        onAdd={editable ? () => setModal({ open: true, editing: null }) : undefined}
      />
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
                <SpecialtyRow
                  key={s.code}
                  s={s}
                  editable={editable}
                  pending={pending === s.code}
                  onRename={() => setModal({ open: true, editing: s })}
                  onToggle={() => void toggleActive(s)}
                />
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
