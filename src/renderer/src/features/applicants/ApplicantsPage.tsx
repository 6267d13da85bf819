import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconEye, IconFileImport, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantSummary, ConfirmationStatus } from '../../../../shared/contract/applicants';
import { can } from '../../../../shared/permissions';
import { call } from '../../app/call';
import { notifyError } from '../../app/notify';
import { useSession } from '../../app/session';
import { useQuery } from '../../lib/query';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { ConfirmationBadge } from './ConfirmationBadge';
import { ImportApplicantsModal } from './ImportApplicantsModal';

const PAGE = 100;

/** The applicant list: masked by default; roles with the reveal permission can show one row in full (audited). */
export function ApplicantsPage() {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const canImport = role ? can(role, 'applicants.import') : false;
  const canReveal = role ? can(role, 'applicants.reveal') : false;
  const canConfirm = role ? can(role, 'confirm.decide') : false;
  const [status, setStatus] = useState<string | null>(null);
  const [specialty, setSpecialty] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const [importing, setImporting] = useState(false);
  const [revealed, setRevealed] = useState<Record<string, { idNumber: string; phone: string | null }>>({});
  const catalogue = useQuery('catalogue.list', {});
  const list = useQuery('applicants.list', {
    limit: PAGE,
    offset,
    ...(status ? { status: status as ConfirmationStatus } : {}),
    ...(specialty ? { specialty } : {}),
    ...(query.trim() ? { query: query.trim() } : {}),
  });

  async function reveal(a: ApplicantSummary) {
    const r = await call('applicants.reveal', { id: a.id });
    if (!r.ok) return notifyError(r.error);
    setRevealed((m) => ({ ...m, [a.id]: r.value }));
  }

  const statuses = (['pending', 'confirmed', 'returned', 'rejected'] as const).map((s) => ({
    value: s,
    label: t(`applicants.statuses.${s}`),
  }));
  const specialties = (catalogue.data ?? [])
    .filter((s) => s.active)
    .map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }));
  const data = list.data;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('applicants.title')}</Title>
          {data && (
            <Text c="dimmed" data-testid="applicants-total">
              {t('applicants.total', { total: data.total })}
            </Text>
          )}
        </div>
        {canImport && (
          <Button leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
            {t('applicants.import')}
          </Button>
        )}
      </Group>
      <Group align="flex-end">
        <TextInput
          label={t('applicants.search')}
          placeholder={t('applicants.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setOffset(0);
          }}
          w={300}
        />
        <Select
          label={t('applicants.filterStatus')}
          placeholder={t('applicants.all')}
          data={statuses}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setOffset(0);
          }}
          clearable
          w={160}
        />
        <Select
          label={t('applicants.filterSpecialty')}
          placeholder={t('applicants.all')}
          data={specialties}
          value={specialty}
          onChange={(v) => {
            setSpecialty(v);
            setOffset(0);
          }}
          clearable
          searchable
          w={220}
        />
      </Group>
      {list.error && <ErrorState error={list.error} onRetry={list.refresh} />}
      {!data && !list.error && <LoadingState />}
      {data && data.total === 0 && !status && !specialty && !query && (
        <EmptyState title={t('applicants.empty')} description={t('applicants.emptyHint')} />
      )}
      {data && data.applicants.length > 0 && (
        <Paper withBorder>
          <ScrollArea.Autosize mah="calc(100vh - 300px)" type="auto">
            <Table striped highlightOnHover stickyHeader verticalSpacing={6} aria-label={t('applicants.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('applicants.name')}</Table.Th>
                  <Table.Th>{t('applicants.idNumber')}</Table.Th>
                  <Table.Th>{t('applicants.phone')}</Table.Th>
                  <Table.Th>{t('applicants.category')}</Table.Th>
                  <Table.Th>{t('applicants.choices')}</Table.Th>
                  <Table.Th>{t('applicants.status')}</Table.Th>
                  {canReveal && <Table.Th w={50} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.applicants.map((a) => {
                  const full = revealed[a.id];
                  return (
                    <Table.Tr key={a.id} data-testid="applicant-row">
                      <Table.Td>
                        {canConfirm ? (
                          <Anchor href={`#/desk?id=${encodeURIComponent(a.id)}`} size="sm">
                            {a.name}
                          </Anchor>
                        ) : (
                          a.name
                        )}
                      </Table.Td>
                      <Table.Td ff="monospace">{full?.idNumber ?? a.idNumber}</Table.Td>
                      <Table.Td ff="monospace">{full ? full.phone : a.phone}</Table.Td>
                      <Table.Td>{a.category}</Table.Td>
                      <Table.Td>{a.choiceNames.join(' / ')}</Table.Td>
                      <Table.Td>
                        <ConfirmationBadge status={a.confirmation} />
                      </Table.Td>
                      {canReveal && (
                        <Table.Td>
                          <Tooltip label={full ? t('applicants.revealed') : t('applicants.reveal')}>
                            <ActionIcon
                              variant="subtle"
                              aria-label={`${t('applicants.reveal')} ${a.name}`}
                              onClick={() => void reveal(a)}
                              disabled={!!full}
                            >
                              <IconEye size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Paper>
      )}
      {data && data.total > PAGE && (
        <Group>
          <Button variant="default" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('applicants.prev')}
          </Button>
          <Text size="sm">{t('applicants.page', { from: offset + 1, to: Math.min(data.total, offset + PAGE) })}</Text>
          <Button variant="default" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
            {t('applicants.next')}
          </Button>
        </Group>
      )}
      {canImport && <ImportApplicantsModal opened={importing} onClose={() => setImporting(false)} onImported={list.refresh} />}
    </Stack>
  );
}
