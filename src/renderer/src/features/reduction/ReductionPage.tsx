import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconPrinter } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReductionList, ReductionRow } from '../../../../shared/contract/reduction';
import { can } from '../../../../shared/permissions';
import { call } from '../../app/call';
import { notifyError } from '../../app/notify';
import { useSession } from '../../app/session';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { readableFileName, saveBase64, XLSX_MIME } from '../../lib/download';
import { formatDate } from '../../lib/format';
import { showPrintable } from '../../lib/print';
import { useQuery } from '../../lib/query';
import { ExperienceList } from './ExperienceList';
import {
  AgreementDialog,
  ExperienceDialog,
  FactsDialog,
  OutcomeDialog,
  RotationDialog,
  type DialogKind,
} from './ReductionDialogs';

const OVERALL_COLOR = { eligible: 'teal', ineligible: 'red', unknown: 'orange', 'no-rules': 'gray' } as const;
const RULE_COLOR = { pass: 'teal', fail: 'red', unknown: 'orange', na: 'gray' } as const;

function OutcomeCell({ r }: { r: ReductionRow }) {
  const { t } = useTranslation();
  if (r.outcome === null)
    return (
      <Text size="sm" c="dimmed">
        {t('reduction.notRecorded')}
      </Text>
    );
  return (
    <Stack gap={0}>
      <Text size="sm">{t('reduction.granted', { months: r.outcome.monthsGranted, years: r.outcome.years })}</Text>
      <Text size="xs" c="dimmed">
        {t('reduction.makeupTitle')}：{r.outcome.makeup.map((m) => t('reduction.makeupItem', m)).join('、')}
      </Text>
    </Stack>
  );
}

function RuleList({ r }: { r: ReductionRow }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Text fw={600} size="sm">
        {t('reduction.rules')}
      </Text>
      {r.eligibility.rules.map((x) => (
        <div key={x.ruleId}>
          <Group gap="xs">
            <Badge color={RULE_COLOR[x.outcome]} variant="light">
              {t(`reduction.outcomes.${x.outcome}`)}
            </Badge>
            <Text size="sm">
              {x.title}：{x.detail}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t('reduction.source')}：{x.source}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

function RowActions({ r, beijing, open }: { r: ReductionRow; beijing: boolean; open: (k: DialogKind) => void }) {
  const { t } = useTranslation();
  if (r.program === 'agp') return null;
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="compact-xs" variant="subtle" onClick={() => open('facts')}>
        {t('reduction.apply')}
      </Button>
      <Button size="compact-xs" variant="subtle" onClick={() => open('outcome')}>
        {t('reduction.record')}
      </Button>
      {r.outcome && (
        <Button size="compact-xs" variant="subtle" onClick={() => open('agreement')}>
          {t('reduction.sign')}
        </Button>
      )}
      {(r.rotation.state === 'not-applied' || r.rotation.state === 'applied') && (
        <Button size="compact-xs" variant="subtle" onClick={() => open('rotation')}>
          {t('reduction.toRotation')}
        </Button>
      )}
      {beijing && (
        <Button size="compact-xs" variant="subtle" onClick={() => open('experience')}>
          {t('reduction.addExperience')}
        </Button>
      )}
    </Group>
  );
}

function rotationText(t: (k: string, o?: Record<string, unknown>) => string, r: ReductionRow): string {
  const link = r.rotation;
  return t(`reduction.rotations.${link.state}`, link.state === 'years-differ' ? link : {});
}

function ReductionTable({ data, editable }: { data: ReductionList; editable: boolean }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{ kind: DialogKind; row: ReductionRow } | null>(null);
  const close = () => setDialog(null);
  const cols = editable ? 8 : 7;
  return (
    <Paper withBorder>
      <Table striped highlightOnHover aria-label={t('reduction.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reduction.name')}</Table.Th>
            <Table.Th>{t('reduction.idNumber')}</Table.Th>
            <Table.Th>{t('reduction.specialty')}</Table.Th>
            <Table.Th>{t('reduction.eligibility')}</Table.Th>
            <Table.Th>{t('reduction.outcome')}</Table.Th>
            <Table.Th>{t('reduction.agreement')}</Table.Th>
            <Table.Th>{t('reduction.rotation')}</Table.Th>
            {editable && <Table.Th>{t('reduction.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.rows.map((r) => (
            <Fragment key={r.applicantId}>
              <Table.Tr data-testid={`reduction-${r.applicantId}`}>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => setExpanded(expanded === r.applicantId ? null : r.applicantId)}
                  >
                    {r.name}
                  </Button>
                </Table.Td>
                <Table.Td>{r.idNumber}</Table.Td>
                <Table.Td>{r.specialtyName ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge color={OVERALL_COLOR[r.eligibility.overall]} variant="light">
                    {t(`reduction.overall.${r.eligibility.overall}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <OutcomeCell r={r} />
                </Table.Td>
                <Table.Td>{r.agreement ? t('reduction.signedOn', { date: formatDate(r.agreement.signedOn) }) : '—'}</Table.Td>
                <Table.Td>{rotationText(t, r)}</Table.Td>
                {editable && (
                  <Table.Td>
                    <RowActions r={r} beijing={data.experienceRows} open={(kind) => setDialog({ kind, row: r })} />
                  </Table.Td>
                )}
              </Table.Tr>
              {expanded === r.applicantId && (
                <Table.Tr>
                  <Table.Td colSpan={cols}>
                    <Stack gap="sm" p="xs">
                      {r.eligibility.rules.length > 0 && <RuleList r={r} />}
                      <ExperienceList rows={r.experiences} editable={editable} />
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
      {dialog?.kind === 'facts' && <FactsDialog row={dialog.row} onClose={close} />}
      {dialog?.kind === 'outcome' && <OutcomeDialog row={dialog.row} onClose={close} />}
      {dialog?.kind === 'agreement' && <AgreementDialog row={dialog.row} onClose={close} />}
      {dialog?.kind === 'rotation' && <RotationDialog row={dialog.row} onClose={close} />}
      {dialog?.kind === 'experience' && <ExperienceDialog row={dialog.row} onClose={close} />}
    </Paper>
  );
}

function FormButtons() {
  const { t } = useTranslation();
  async function xlsx() {
    const r = await call('reduction.recognitionXlsx', {});
    if (!r.ok) return notifyError(r.error);
    saveBase64(readableFileName(r.value.fileName), r.value.contentBase64, XLSX_MIME);
  }
  async function print() {
    const r = await call('reduction.recognitionHtml', {});
    if (!r.ok) return notifyError(r.error);
    showPrintable(r.value);
  }
  return (
    <Group>
      <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void xlsx()}>
        {t('reduction.formXlsx')}
      </Button>
      <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => void print()}>
        {t('reduction.formPrint')}
      </Button>
    </Group>
  );
}

export function ReductionPage() {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const editable = role !== undefined && can(role, 'reduction.manage');
  const q = useQuery('reduction.list', {});
  if (q.error) return <ErrorState error={q.error} onRetry={q.refresh} />;
  if (!q.data) return <LoadingState />;
  const d = q.data;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('reduction.title')}</Title>
        {d.experienceRows && <FormButtons />}
      </Group>
      <Text size="sm" c="dimmed">
        {t('reduction.intro', { year: d.cohortYear })}
        {d.reviewDeadline && ` ${t('reduction.deadline', { date: formatDate(d.reviewDeadline) })}`}
      </Text>
      {d.rows.length === 0 ? (
        <EmptyState title={t('reduction.empty')} description={t('reduction.emptyHint')} />
      ) : (
        <ReductionTable data={d} editable={editable} />
      )}
    </Stack>
  );
}
