import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CandidateSheet, SessionDetail } from '../../../../shared/contract/scores';
import { mutate } from '../../lib/query';
import { notifyError } from '../../app/notify';
import { Dialog } from '../../components/Dialog';
import { formatHundredths } from './score-input';

type Props = { session: SessionDetail; candidate: CandidateSheet; onChanged: (c: CandidateSheet) => void };

/** What the panel head (and the coordinator) sees: every mark, conflicts, the panel score, sign-off. */
export function HeadPanel({ session, candidate, onChanged }: Props) {
  const { t } = useTranslation();
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const [resolving, setResolving] = useState<{ interviewer: string; item: string } | null>(null);
  const [value, setValue] = useState('');
  const head = session.me.head;
  const p = candidate.panel;
  const itemName = (k: string) => session.items.find((i) => i.key === k)?.name ?? k;

  async function run(fn: () => ReturnType<typeof mutate<'interview.signOff'>>) {
    const r = await fn();
    if (!r.ok) return notifyError(r.error);
    onChanged(r.value);
    setReopening(false);
    setResolving(null);
    setReason('');
    setValue('');
  }

  return (
    <Paper withBorder p="md" data-testid="head-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{t('scores.interview.panelScore')}</Text>
          <Text fw={700} size="xl" data-testid="panel-score">
            {candidate.absent
              ? t('scores.interview.absent')
              : p.status === 'ok'
                ? p.display
                : t(`scores.interview.${p.status === 'hidden' ? 'hidden' : p.status === 'conflict' ? 'conflict' : 'incomplete'}`)}
          </Text>
        </Group>
        {p.status === 'ok' && (
          <Text size="sm" c="dimmed">
            {p.interviewers.map((i) => `${i.interviewer} ${i.display}${i.dropped ? '*' : ''}`).join(' · ')}
          </Text>
        )}
        {candidate.marks.length > 0 && p.status !== 'hidden' && (
          <Table withTableBorder striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('scores.interview.interviewer')}</Table.Th>
                {session.items.map((i) => (
                  <Table.Th key={i.key}>{i.name}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {session.panel.map((m) => (
                <Table.Tr key={m.username}>
                  <Table.Td>{m.username}</Table.Td>
                  {session.items.map((i) => {
                    const mark = candidate.marks.find((x) => x.interviewer === m.username && x.item === i.key);
                    return (
                      <Table.Td key={i.key}>
                        {mark ? (mark.unable ? t('scores.interview.unable') : formatHundredths(mark.value ?? 0)) : '—'}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {candidate.conflicts.map((c) => (
          <Alert key={`${c.interviewer}/${c.item}`} color="orange" title={t('scores.interview.conflict')}>
            <Group justify="space-between">
              <Text size="sm">
                {c.interviewer} · {itemName(c.item)}：
                {c.marks.map((m) => (m.unable ? t('scores.interview.unable') : formatHundredths(m.value ?? 0))).join(' / ')}
              </Text>
              {head && (
                <Button size="xs" variant="light" onClick={() => setResolving({ interviewer: c.interviewer, item: c.item })}>
                  {t('scores.interview.resolve')}
                </Button>
              )}
            </Group>
          </Alert>
        ))}
        {candidate.changedAfterSignoff && <Alert color="orange">{t('scores.interview.changedAfterSignoff')}</Alert>}
        {candidate.signoff && (
          <Text size="sm" c="teal" data-testid="signoff-state">
            {t('scores.interview.signed', {
              score: candidate.signoff.absent ? t('scores.interview.absent') : formatHundredths(candidate.signoff.score ?? 0),
              version: candidate.signoff.version,
            })}
          </Text>
        )}
        {head && (
          <Group>
            {candidate.state !== 'signed' && (
              <Button
                leftSection={<IconSignature size={16} />}
                disabled={!(candidate.absent || p.status === 'ok')}
                onClick={() =>
                  void run(() => mutate('interview.signOff', { sessionId: session.id, candidate: candidate.candidateId }))
                }
              >
                {t('scores.interview.signOff')}
              </Button>
            )}
            {candidate.state === 'signed' && (
              <Button variant="default" onClick={() => setReopening(true)}>
                {t('scores.interview.reopen')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <Dialog opened={reopening} onClose={() => setReopening(false)} title={t('scores.interview.reopen')}>
        <Stack>
          <TextInput
            label={t('scores.interview.reopenReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
          />
          <Button
            disabled={reason.trim().length < 2}
            onClick={() =>
              void run(() => mutate('interview.reopen', { sessionId: session.id, candidate: candidate.candidateId, reason }))
            }
          >
            {t('scores.interview.reopen')}
          </Button>
        </Stack>
      </Dialog>
      <Dialog opened={resolving !== null} onClose={() => setResolving(null)} title={t('scores.interview.resolve')}>
        <Stack>
          <TextInput
            label={t('scores.interview.resolveValue')}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            data-autofocus
          />
          <TextInput
            label={t('scores.interview.resolveReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Button
            disabled={reason.trim().length < 2 || value.trim() === ''}
            onClick={() =>
              resolving &&
              void run(() =>
                mutate('interview.resolveConflict', {
                  sessionId: session.id,
                  candidate: candidate.candidateId,
                  interviewer: resolving.interviewer,
                  item: resolving.item,
                  score: value,
                  reason,
                }),
              )
            }
          >
            {t('scores.interview.resolve')}
          </Button>
        </Stack>
      </Dialog>
    </Paper>
  );
}
