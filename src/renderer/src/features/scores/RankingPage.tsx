import { Group, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import { can } from '../../../../shared/permissions';
import { notifyError } from '../../app/notify';
import { useSession } from '../../app/session';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useQuery } from '../../lib/query';
import { StaleBanner } from '../admission/StaleBanner';
import { rerunAllocation, useRerunConsent } from '../admission/useRerunConsent';
import { RankingGroupTable, type TieRequest } from './RankingGroupTable';
import { TieDialog } from './TieDialog';

/** Rows per page: one specialty gets a longer page; many specialties at once stay short each. */
const PAGE_ONE = 50;
const PAGE_MANY = 20;

/**
 * Ranking per specialty (and category when quotas are split), with ties shown as ties until 择优录取 decides
 * them. Everyone who cannot be admitted (现场确认 not passed, absent, incomplete, below the minimum) is shown
 * grey with the reason, or filtered out; long groups are paged, so 10,000 candidates never become 10,000 rows.
 */
export function RankingPage() {
  const { t } = useTranslation();
  const [specialty, setSpecialty] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [onlyAdmissible, setOnlyAdmissible] = useState(false);
  const role = useSession((s) => s.user?.role);
  const canReorder = role ? can(role, 'ranking.reorder') : false;
  const canRun = role ? can(role, 'admission.run') : false;
  const [tie, setTie] = useState<TieRequest | null>(null);
  const [running, setRunning] = useState(false);
  const { consent, dialog } = useRerunConsent();
  const all = useQuery('ranking.show', {});
  const comps = useQuery('scores.components', {});
  const groups = (all.data?.groups ?? []).filter(
    (g) => (!specialty || g.specialty === specialty) && (!category || g.category === category),
  );
  const specialties = [...new Map((all.data?.groups ?? []).map((g) => [g.specialty, g.specialtyName])).entries()];
  const categories = [...new Set((all.data?.groups ?? []).map((g) => g.category).filter((c): c is string => c !== null))];
  const components = comps.data?.components ?? [];

  async function rerun() {
    setRunning(true);
    const v = await rerunAllocation(consent).catch((e: ApiError) => {
      notifyError(e);
      return null;
    });
    setRunning(false);
    if (v) all.refresh();
  }

  return (
    <Stack>
      <Title order={2}>{t('scores.ranking.title')}</Title>
      {all.data?.admission && (
        <StaleBanner staleness={all.data.admission} {...(canRun ? { onRerun: () => void rerun(), running } : {})} />
      )}
      <Group align="flex-end">
        <Select
          label={t('scores.ranking.specialty')}
          data={[
            { value: '', label: t('scores.ranking.all') },
            ...specialties.map(([code, name]) => ({ value: code, label: `${code} ${name}` })),
          ]}
          value={specialty ?? ''}
          onChange={(v) => setSpecialty(v || null)}
          w={260}
        />
        {categories.length > 0 && (
          <Select
            label={t('scores.ranking.category')}
            data={[{ value: '', label: t('scores.ranking.all') }, ...categories]}
            value={category ?? ''}
            onChange={(v) => setCategory(v || null)}
            w={200}
          />
        )}
        <Switch
          label={t('scores.ranking.onlyAdmissible')}
          checked={onlyAdmissible}
          onChange={(e) => setOnlyAdmissible(e.currentTarget.checked)}
          mb={8}
        />
        {all.data && (
          <Text size="sm" c="dimmed" mb={8}>
            {t('scores.ranking.tieBreaks', {
              list: all.data.tieBreaks.map((k) => components.find((c) => c.key === k)?.name ?? k).join(' → '),
            })}
          </Text>
        )}
      </Group>
      {all.error && <ErrorState error={all.error} onRetry={all.refresh} />}
      {!all.data && !all.error && <LoadingState />}
      {all.data && groups.length === 0 && <EmptyState title={t('scores.ranking.empty')} />}
      {groups.map((g) => (
        <RankingGroupTable
          key={g.groupKey}
          group={g}
          components={components}
          onlyAdmissible={onlyAdmissible}
          pageSize={groups.length === 1 ? PAGE_ONE : PAGE_MANY}
          onDecideTie={canReorder ? setTie : undefined}
        />
      ))}
      {tie && <TieDialog groupKey={tie.groupKey} candidates={tie.candidates} onClose={() => setTie(null)} onDone={all.setData} />}
      {dialog}
    </Stack>
  );
}
