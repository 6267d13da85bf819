import { Alert, Badge, Button, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { IconListDetails, IconScale } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdmissionRunView, AdmittedRow, ChangeView, ProposalView, TieView } from '../../../../shared/contract/admission';
import { Dialog } from '../../components/Dialog';
import { ErrorState } from '../../components/states';
import { useQuery } from '../../lib/query';
import { AdjustDialog } from './AdjustDialog';
import type { Consent } from './consent';
import { DeclineDialog } from './DeclineDialog';
import { ProposalsList } from './ProposalsList';
import { TieDialog } from './TieDialog';

function seatLabel(s: { specialtyCode: string; specialtyName: string; category: string | null }): string {
  return `${s.specialtyCode} ${s.specialtyName}${s.category ? `（${s.category}）` : ''}`;
}

export function ResultsTab({
  view,
  editable,
  consent,
  onChanged,
}: {
  view: AdmissionRunView;
  editable: boolean;
  consent: Consent;
  onChanged: (v: AdmissionRunView) => void;
}) {
  const { t } = useTranslation();
  const [tie, setTie] = useState<TieView | null>(null);
  const [declining, setDeclining] = useState<AdmittedRow | null>(null);
  const [adjusting, setAdjusting] = useState<ProposalView | null>(null);
  const [ranking, setRanking] = useState<{ code: string; name: string } | null>(null);
  const groups = new Map<string, AdmittedRow[]>();
  for (const a of view.admitted) groups.set(a.specialtyCode, [...(groups.get(a.specialtyCode) ?? []), a]);

  return (
    <Stack>
      {view.ties.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconScale size={18} />}
          title={t('admission.ties.title', { count: view.ties.length })}
          data-testid="ties"
        >
          <Stack gap="xs">
            {view.ties.map((x) => (
              <Group
                key={`${x.round}-${x.specialtyCode}-${x.category ?? ''}`}
                justify="space-between"
                data-testid={`tie-${x.specialtyCode}`}
              >
                <Text size="sm">
                  {t('admission.ties.line', {
                    specialty: seatLabel(x),
                    round: t(`admission.rounds.${x.round}`),
                    seats: x.seatsLeft,
                    total: x.total,
                  })}
                  ：{x.applicants.map((p) => p.name).join('、')}
                </Text>
                {editable && (
                  <Button size="xs" color="orange" onClick={() => setTie(x)}>
                    {t('admission.ties.decide')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        </Alert>
      )}

      {view.decisionErrors.length > 0 && (
        <Alert
          color="red"
          variant="light"
          title={t('admission.notices.decisionErrors', { count: view.decisionErrors.length })}
          data-testid="decision-errors"
        >
          <Stack gap={2}>
            {view.decisionErrors.map((e, i) => (
              <Text size="sm" key={i}>
                {e.message}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}

      {view.changes.length > 0 && <ChangesPanel changes={view.changes} />}

      {view.warnings.length > 0 && (
        <Paper withBorder p="sm" data-testid="warnings">
          <details>
            <summary>
              <Text span size="sm" c="dimmed">
                {t('admission.notices.warnings', { count: view.warnings.length })}
              </Text>
            </summary>
            <Stack gap={2} mt="xs">
              {view.warnings.slice(0, 200).map((w, i) => (
                <Text size="xs" key={i}>
                  {w.message}
                </Text>
              ))}
            </Stack>
          </details>
        </Paper>
      )}

      {(view.unfilled.length > 0 || view.proposals.length > 0) && (
        <Paper withBorder p="md">
          <Group align="flex-start" grow>
            <Stack gap={4}>
              <Title order={5}>{t('admission.unfilled.title')}</Title>
              {view.unfilled.map((u) => (
                <Text size="sm" key={`${u.specialtyCode}-${u.category ?? ''}`} data-testid={`unfilled-${u.specialtyCode}`}>
                  {t('admission.unfilled.line', { specialty: seatLabel(u), seats: u.seatsLeft })}
                </Text>
              ))}
            </Stack>
            {view.proposals.length > 0 && (
              <ProposalsList proposals={view.proposals} seatLabel={seatLabel} editable={editable} onAssign={setAdjusting} />
            )}
          </Group>
        </Paper>
      )}

      {[...groups.entries()].map(([code, rows]) => (
        <Paper withBorder key={code} data-testid={`specialty-${code}`}>
          <Group justify="space-between" p="sm">
            <Title order={4}>{t('admission.specialtyHeader', { code, name: rows[0]!.specialtyName, count: rows.length })}</Title>
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconListDetails size={14} />}
              onClick={() => setRanking({ code, name: rows[0]!.specialtyName })}
            >
              {t('admission.table.ranking')}
            </Button>
          </Group>
          <ScrollArea type="auto">
            <Table striped verticalSpacing={6} aria-label={rows[0]!.specialtyName}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={60}>{t('admission.table.rank')}</Table.Th>
                  <Table.Th w={90}>{t('admission.table.name')}</Table.Th>
                  <Table.Th w={180}>{t('admission.table.idNumber')}</Table.Th>
                  <Table.Th w={90}>{t('admission.table.category')}</Table.Th>
                  <Table.Th w={110}>{t('admission.table.round')}</Table.Th>
                  <Table.Th w={80}>{t('admission.table.total')}</Table.Th>
                  <Table.Th>{t('admission.table.why')}</Table.Th>
                  {editable && <Table.Th w={70} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((a) => (
                  <Table.Tr key={a.applicantId} data-testid={`admitted-${a.applicantId}`}>
                    <Table.Td>{a.rank}</Table.Td>
                    <Table.Td>{a.name}</Table.Td>
                    <Table.Td ff="monospace">{a.idNumber}</Table.Td>
                    <Table.Td>{a.applicantCategory ?? '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Text size="sm">{t(`admission.rounds.${a.round}`)}</Text>
                        {a.overQuota && (
                          <Badge color="orange" size="xs">
                            {t('admission.table.overQuota')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{a.total}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {a.explanation}
                      </Text>
                    </Table.Td>
                    {editable && (
                      <Table.Td>
                        <Button size="compact-xs" variant="subtle" color="red" onClick={() => setDeclining(a)}>
                          {t('admission.table.decline')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Paper>
      ))}

      <TieDialog tie={tie} consent={consent} onClose={() => setTie(null)} onChanged={onChanged} />
      <DeclineDialog row={declining} consent={consent} onClose={() => setDeclining(null)} onChanged={onChanged} />
      <AdjustDialog proposal={adjusting} view={view} consent={consent} onClose={() => setAdjusting(null)} onChanged={onChanged} />
      <RankingDialog specialty={ranking} onClose={() => setRanking(null)} />
    </Stack>
  );
}

function ChangesPanel({ changes }: { changes: ChangeView[] }) {
  const { t } = useTranslation();
  const color = { admitted: 'teal', dropped: 'red', moved: 'blue' } as const;
  return (
    <Paper withBorder p="md" data-testid="changes">
      <Title order={5} mb="xs">
        {t('admission.changes.title', { count: changes.length })}
      </Title>
      <Stack gap={4}>
        {changes.map((c) => (
          <Group key={c.applicantId} gap="xs" data-testid={`change-${c.kind}`}>
            <Badge color={color[c.kind]} variant="light" w={90}>
              {t(`admission.changes.${c.kind}`)}
            </Badge>
            <Text size="sm">
              {c.name}（{c.idNumber}）{c.before ? ` ${seatLabel(c.before)} · ${t(`admission.rounds.${c.before.round}`)}` : ''}
              {c.before && c.after ? ' → ' : ''}
              {c.after ? ` ${seatLabel(c.after)} · ${t(`admission.rounds.${c.after.round}`)}` : ''}
              {c.message ? ` · ${c.message}` : ''}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/** "Why A and not B": every competition of one specialty, ranked, with who got a seat. */
function RankingDialog({ specialty, onClose }: { specialty: { code: string; name: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useQuery('admission.competitions', { specialtyCode: specialty?.code ?? '' }, specialty !== null);
  return (
    <Dialog
      opened={specialty !== null}
      onClose={onClose}
      title={specialty ? t('admission.ranking.title', { specialty: `${specialty.code} ${specialty.name}` }) : ''}
      size="xl"
    >
      {q.error && <ErrorState error={q.error} onRetry={q.refresh} />}
      <Stack>
        {q.data?.map((c) => (
          <Paper withBorder p="xs" key={`${c.round}-${c.category ?? ''}`}>
            <Text fw={600} size="sm">
              {t(`admission.rounds.${c.round}`)}
              {c.category ? `（${c.category}）` : ''} · {c.heldForTie ? t('admission.ranking.held') : `${c.seatsBefore}`}
            </Text>
            <Table verticalSpacing={2}>
              <Table.Tbody>
                {c.ranked.map((e) => (
                  <Table.Tr key={e.applicantId}>
                    <Table.Td w={50}>{e.rank}</Table.Td>
                    <Table.Td w={100}>{e.name}</Table.Td>
                    <Table.Td w={80}>{e.total}</Table.Td>
                    <Table.Td>
                      <Badge color={e.admitted ? 'teal' : 'gray'} variant="light">
                        {e.admitted ? t('admission.ranking.admitted') : t('admission.ranking.notAdmitted')}
                      </Badge>
                      {e.tied && (
                        <Badge color="orange" variant="light" ml={4}>
                          {t('admission.ranking.tied')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        ))}
      </Stack>
    </Dialog>
  );
}
