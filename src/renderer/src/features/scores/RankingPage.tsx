import { Stack, Title } from '@mantine/core';
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
import { RankingFilters } from './RankingFilters';
import { RankingGroupTable, type TieRequest } from './RankingGroupTable';
import { TieDialog } from './TieDialog';
import { linesPerGroup } from './first-paint-lines';
import { useFirstPaintLines } from './useFirstPaintLines';
import { useRankingPage } from './useRankingPage';

/**
 * Ranking per specialty (and category when quotas are split), with ties shown as ties until 择优录取 decides
 * them. Everyone who cannot be admitted (现场确认 not passed, absent, incomplete, below the minimum) is shown
 * grey with the reason, or filtered out; each group is paged in the core, so 10,000 candidates arrive as one
 * page per group, never as 10,000 rows. The first frame renders about a screen of those lines, the rest
 * right after it.
 */
export function RankingPage() {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const canReorder = role ? can(role, 'ranking.reorder') : false;
  const canRun = role ? can(role, 'admission.run') : false;
  const [tie, setTie] = useState<TieRequest | null>(null);
  const [running, setRunning] = useState(false);
  const { consent, dialog } = useRerunConsent();
  const { list, data, filters, setFilter, setPage, filtered } = useRankingPage();
  const comps = useQuery('scores.components', {});
  const components = comps.data?.components ?? [];
  const budget = useFirstPaintLines(data !== null);
  const limits = linesPerGroup(data?.groups.map((g) => g.lines.length) ?? [], budget);

  async function rerun() {
    setRunning(true);
    const v = await rerunAllocation(consent).catch((e: ApiError) => {
      notifyError(e);
      return null;
    });
    setRunning(false);
    if (v) list.refresh();
  }

  return (
    <Stack>
      <Title order={2}>{t('scores.ranking.title')}</Title>
      {data?.admission && (
        <StaleBanner staleness={data.admission} {...(canRun ? { onRerun: () => void rerun(), running } : {})} />
      )}
      <RankingFilters data={data} components={components} value={filters} onChange={setFilter} />
      {list.error && <ErrorState error={list.error} onRetry={list.refresh} />}
      {!data && !list.error && <LoadingState />}
      {data && data.groups.length === 0 && (
        <EmptyState title={filtered ? t('lists.results.noMatch') : t('scores.ranking.empty')} />
      )}
      {data?.groups.map((g, k) =>
        limits[k] === null ? null : (
          <RankingGroupTable
            key={g.groupKey}
            group={g}
            lineLimit={limits[k]!}
            components={components}
            onPage={(p) => setPage(g.groupKey, p)}
            onDecideTie={canReorder ? setTie : undefined}
          />
        ),
      )}
      {tie && (
        <TieDialog
          groupKey={tie.groupKey}
          candidates={tie.candidates}
          onClose={() => setTie(null)}
          onDone={() => list.refresh()}
        />
      )}
      {dialog}
    </Stack>
  );
}
