import { Badge, Button, Group, Paper, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamComponent, RankedRow, RankingGroup } from '../../../../shared/contract/scores';
import type { ApiError } from '../../../../shared/errors';
import { can } from '../../../../shared/permissions';
import { call } from '../../app/call';
import { notifyError } from '../../app/notify';
import { useSession } from '../../app/session';
import { Pager } from '../../components/Pager';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { saveBase64, XLSX_MIME } from '../../lib/download';
import { formatDateTime } from '../../lib/format';
import { useQuery } from '../../lib/query';
import { ConfirmationBadge } from '../applicants/ConfirmationBadge';
import { useRoundLabel } from '../applicants/ChoiceCells';
import { StaleBanner } from '../admission/StaleBanner';
import { rerunAllocation, useRerunConsent } from '../admission/useRerunConsent';
import { formatHundredths } from './score-input';
import { TieDialog } from './TieDialog';

type TieRequest = { groupKey: string; candidates: Array<{ applicantId: string; name: string }> };

/** One line of a group's table: a ranked candidate, or one without a complete result. */
type Line = { kind: 'ranked'; row: RankedRow } | { kind: 'unranked'; row: RankingGroup['unranked'][number] };

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
        <GroupTable
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

function GroupTable({
  group: g,
  components,
  onlyAdmissible,
  pageSize,
  onDecideTie,
}: {
  group: RankingGroup;
  components: ExamComponent[];
  onlyAdmissible: boolean;
  pageSize: number;
  onDecideTie: ((tie: TieRequest) => void) | undefined;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const lines: Line[] = [
    ...g.ranked.filter((r) => !onlyAdmissible || r.admissible).map((row) => ({ kind: 'ranked' as const, row })),
    ...(onlyAdmissible ? [] : g.unranked.map((row) => ({ kind: 'unranked' as const, row }))),
  ];
  const pages = Math.max(1, Math.ceil(lines.length / pageSize));
  const current = Math.min(page, pages);
  const shown = lines.slice((current - 1) * pageSize, current * pageSize);

  async function exportXlsx() {
    const r = await call('scores.summaryXlsx', { specialty: g.specialty });
    if (!r.ok) return notifyError(r.error);
    saveBase64(r.value.fileName, r.value.contentBase64, XLSX_MIME);
  }

  return (
    <Paper withBorder p="md" data-testid={`ranking-${g.groupKey}`}>
      <Group justify="space-between" mb="sm">
        <Title order={3}>
          {g.specialty} {g.specialtyName}
          {g.category ? `（${g.category}）` : ''}
          {g.priorityCategory && (
            <Text span size="sm" c="dimmed" ml="sm" data-testid="priority-note">
              {t('choices.priority', { category: g.priorityCategory })}
            </Text>
          )}
        </Title>
        <Button size="xs" variant="default" leftSection={<IconFileSpreadsheet size={14} />} onClick={() => void exportXlsx()}>
          {t('scores.ranking.exportXlsx')}
        </Button>
      </Group>
      {onDecideTie &&
        g.ties.map((tieGroup) => (
          <Button
            key={tieGroup.rank}
            size="xs"
            variant="light"
            color="orange"
            mb="xs"
            mr="xs"
            onClick={() =>
              onDecideTie({
                groupKey: g.groupKey,
                candidates: tieGroup.applicantIds.map((id) => ({
                  applicantId: id,
                  name: g.ranked.find((r) => r.applicantId === id)?.name ?? id,
                })),
              })
            }
          >
            {t('scores.ranking.decideTie')}（{tieGroup.rank}）
          </Button>
        ))}
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('scores.ranking.rank')}</Table.Th>
            <Table.Th>{t('scores.setup.candidate')}</Table.Th>
            <Table.Th>{t('choices.round')}</Table.Th>
            <Table.Th>{t('scores.setup.idNumber')}</Table.Th>
            <Table.Th>{t('scores.ranking.confirmation')}</Table.Th>
            {components.map((c) => (
              <Table.Th key={c.key}>{c.name}</Table.Th>
            ))}
            <Table.Th>{t('scores.setup.total')}</Table.Th>
            <Table.Th>{t('scores.ranking.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((l) =>
            l.kind === 'ranked' ? (
              <RankedLine key={l.row.applicantId} r={l.row} components={components} />
            ) : (
              <UnrankedLine key={l.row.applicantId} u={l.row} span={components.length + 1} />
            ),
          )}
        </Table.Tbody>
      </Table>
      {pages > 1 && (
        <Stack mt="sm">
          <Pager total={lines.length} page={current} pageSize={pageSize} onPage={setPage} testId={`pager-${g.groupKey}`} />
        </Stack>
      )}
    </Paper>
  );
}

const GREY = { color: 'var(--mantine-color-dimmed)' };

/** The round the candidate belongs to here, and their choices at other bases. */
function RankRound({ r }: { r: RankedRow }) {
  const label = useRoundLabel();
  return (
    <>
      {r.round != null && (
        <Badge color={r.round === 1 ? 'blue' : 'orange'} variant="light">
          {label(r.round)}
        </Badge>
      )}
      {(r.otherChoices ?? []).map((line) => (
        <Text key={line} size="xs" c="dimmed">
          {line}
        </Text>
      ))}
    </>
  );
}

function RankedLine({ r, components }: { r: RankedRow; components: ExamComponent[] }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="ranking-row" data-admissible={r.admissible} style={r.admissible ? undefined : GREY}>
      <Table.Td>
        {r.rank}
        {r.tied && (
          <Badge ml="xs" color="orange" variant="light">
            {t('scores.ranking.tied')}
          </Badge>
        )}
        {r.tieDecision && (
          <>
            <Badge ml="xs" color="teal" variant="light" data-testid="tie-decided">
              {t('scores.ranking.decided')}
            </Badge>
            <Text size="xs" c="dimmed">
              {t('scores.ranking.decidedBy', {
                by: r.tieDecision.decidedBy,
                at: formatDateTime(r.tieDecision.decidedAt),
                outcome: t(r.tieDecision.admitted ? 'scores.ranking.seatGiven' : 'scores.ranking.seatNotGiven'),
              })}
            </Text>
          </>
        )}
        {r.manualReason && (
          <Text size="xs" c="dimmed">
            {t('scores.ranking.manual', { reason: r.manualReason })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{r.name}</Table.Td>
      <Table.Td>
        <RankRound r={r} />
      </Table.Td>
      <Table.Td>{r.idMasked}</Table.Td>
      <Table.Td>
        <ConfirmationBadge status={r.confirmation} />
      </Table.Td>
      {components.map((c) => {
        const v = r.components[c.key];
        return (
          <Table.Td key={c.key}>
            {v === 'absent' ? t('scores.setup.absent') : v === null || v === undefined ? '—' : formatHundredths(v)}
          </Table.Td>
        );
      })}
      <Table.Td fw={700}>{r.totalDisplay}</Table.Td>
      <Table.Td>
        {r.notAdmissible && (
          <Text size="sm" data-testid="not-admissible">
            {r.notAdmissible}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function UnrankedLine({ u, span }: { u: RankingGroup['unranked'][number]; span: number }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="unranked-row" data-admissible={false} style={GREY}>
      <Table.Td>{t('scores.ranking.unranked')}</Table.Td>
      <Table.Td>{u.name}</Table.Td>
      <Table.Td />
      <Table.Td>{u.idMasked}</Table.Td>
      <Table.Td>
        <ConfirmationBadge status={u.confirmation} />
      </Table.Td>
      <Table.Td colSpan={span}>{t(`scores.setup.status.${u.status}`)}</Table.Td>
      <Table.Td>
        <Text size="sm">{t(`scores.ranking.unrankedWhy.${u.status}`)}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
