import { Badge, Button, FileButton, Grid, Group, NavLink, Select, Stack, Text, Title } from '@mantine/core';
import { IconFileExport, IconFileImport, IconPlus, IconPrinter } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CandidateSheet, SessionDetail } from '../../../../shared/contract/scores';
import { can } from '../../../../shared/permissions';
import { call } from '../../app/call';
import { notifyError, notifySuccess } from '../../app/notify';
import { useSession } from '../../app/session';
import { mutate, useQuery } from '../../lib/query';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { saveBase64 } from '../../lib/download';
import { readFileAsBase64 } from '../../lib/file';
import { showPrintable } from '../../lib/print';
import { HeadPanel } from './HeadPanel';
import { NewSessionModal } from './NewSessionModal';
import { ScoringSheet } from './ScoringSheet';

export function InterviewPage() {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const manage = role ? can(role, 'stations.manage') : false;
  const sessions = useQuery('interview.listSessions', {});
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = sessions.data ?? [];
  const firstId = sessions.data?.[0]?.id ?? null;
  useEffect(() => {
    if (sessionId === null && firstId !== null) setSessionId(firstId);
  }, [firstId, sessionId]);

  async function importFile(file: File | null) {
    if (!file) return;
    const r = await mutate('stations.import', { fileName: file.name, contentBase64: await readFileAsBase64(file) });
    if (!r.ok) return notifyError(r.error);
    notifySuccess(
      t('scores.interview.bundleImported', {
        marks: r.value.marksAdded,
        absences: r.value.absencesAdded,
        conflicts: r.value.conflicts,
      }),
    );
    sessions.refresh();
    setSessionId(r.value.sessionId);
  }

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('scores.interview.title')}</Title>
        <Group>
          <FileButton onChange={(f) => void importFile(f)} accept=".json">
            {(props) => (
              <Button variant="default" leftSection={<IconFileImport size={16} />} {...props}>
                {t('scores.interview.importFile')}
              </Button>
            )}
          </FileButton>
          {manage && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('scores.interview.newSession')}
            </Button>
          )}
        </Group>
      </Group>
      {sessions.error && <ErrorState error={sessions.error} onRetry={sessions.refresh} />}
      {!sessions.data && !sessions.error && <LoadingState />}
      {sessions.data && list.length === 0 && <EmptyState title={t('scores.interview.noSessions')} />}
      {list.length > 0 && (
        <Select
          label={t('scores.interview.session')}
          placeholder={t('scores.interview.chooseSession')}
          data={list.map((s) => ({ value: s.id, label: `${s.name}（${s.date}，${s.site}）` }))}
          value={sessionId}
          onChange={setSessionId}
          allowDeselect={false}
          maw={480}
        />
      )}
      {sessionId && <SessionView key={sessionId} sessionId={sessionId} manage={manage} />}
      <NewSessionModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(s) => {
          sessions.refresh();
          setSessionId(s.id);
        }}
      />
    </Stack>
  );
}

function SessionView({ sessionId, manage }: { sessionId: string; manage: boolean }) {
  const { t } = useTranslation();
  const detail = useQuery('interview.session', { sessionId });
  const [current, setCurrent] = useState(0);
  const d = detail.data;
  if (detail.error) return <ErrorState error={detail.error} onRetry={detail.refresh} />;
  if (!d) return <LoadingState />;
  const cand = d.candidates[current];
  const sessionName = d.name;

  const replace = (c: CandidateSheet) =>
    detail.setData({ ...d, candidates: d.candidates.map((x) => (x.candidateId === c.candidateId ? c : x)) } as SessionDetail);
  const next = () => {
    for (let i = current + 1; i < d.candidates.length; i++) {
      const c = d.candidates[i]!;
      if (!c.absent && c.state !== 'signed') return setCurrent(i);
    }
    if (current + 1 < d.candidates.length) setCurrent(current + 1);
  };

  async function print(kind: 'blank' | 'result') {
    const r =
      kind === 'blank'
        ? await call('interview.blankSheetHtml', { sessionId })
        : await call('interview.resultSheetHtml', { sessionId });
    if (!r.ok) return notifyError(r.error);
    showPrintable({
      title:
        kind === 'blank'
          ? t('scores.interview.blankSheetTitle', { name: sessionName })
          : t('scores.interview.resultSheetTitle', { name: sessionName }),
      html: r.value.html,
    });
  }

  async function exportFor(interviewer: string | null) {
    const r = interviewer
      ? await call('stations.exportSession', { sessionId, interviewer })
      : await call('stations.exportBundle', { sessionId });
    if (!r.ok) return notifyError(r.error);
    saveBase64(r.value.fileName, r.value.contentBase64, 'application/json');
  }

  const showHead = d.me.head || manage;
  return (
    <Stack>
      <Group gap="xs">
        <Text c="dimmed" size="sm">
          {t('scores.interview.seedInfo', { seed: d.seed, date: d.date, site: d.site })}
        </Text>
        {d.panel.map((p) => (
          <Badge key={p.username} variant={p.head ? 'filled' : 'light'}>
            {p.username}
            {p.head ? ` · ${t('scores.interview.head')}` : ''}
          </Badge>
        ))}
      </Group>
      <Group gap="xs">
        <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} onClick={() => void print('blank')}>
          {t('scores.interview.printBlank')}
        </Button>
        {showHead && (
          <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} onClick={() => void print('result')}>
            {t('scores.interview.printResult')}
          </Button>
        )}
        {manage && d.origin === 'local' && (
          <Select
            size="xs"
            placeholder={t('scores.interview.exportSession')}
            data={d.panel.map((p) => p.username)}
            value={null}
            onChange={(u) => u && void exportFor(u)}
            leftSection={<IconFileExport size={14} />}
            w={220}
          />
        )}
        {d.origin === 'station' && (
          <Button size="xs" variant="default" leftSection={<IconFileExport size={14} />} onClick={() => void exportFor(null)}>
            {t('scores.interview.exportBundle')}
          </Button>
        )}
      </Group>
      <Grid>
        <Grid.Col span={3}>
          <Stack gap={2} data-testid="candidate-list">
            {d.candidates.map((c, i) => (
              <NavLink
                key={c.candidateId}
                active={i === current}
                onClick={() => setCurrent(i)}
                data-testid={`candidate-${c.drawNo}`}
                label={`${t('scores.interview.drawNo', { n: c.drawNo })} ${c.name}`}
                rightSection={
                  <Badge
                    size="xs"
                    variant="light"
                    color={c.state === 'signed' ? 'teal' : c.absent ? 'gray' : c.conflicts.length ? 'orange' : 'blue'}
                  >
                    {t(`scores.interview.state.${c.state}`)}
                  </Badge>
                }
              />
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={9}>
          {cand && (
            <Stack>
              <ScoringSheet session={d} candidate={cand} onNext={next} onChanged={replace} />
              {showHead && <HeadPanel session={d} candidate={cand} onChanged={replace} />}
            </Stack>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
