import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CandidateSheet, SessionDetail } from '../../../../shared/contract/scores';
import { notifyError } from '../../app/notify';
import { mutate } from '../../lib/query';
import { PanelMarksTable } from './PanelMarksTable';
import { ReopenSheetDialog } from './ReopenSheetDialog';
import { ResolveConflictDialog } from './ResolveConflictDialog';
import { formatHundredths } from './score-input';

type Props = { session: SessionDetail; candidate: CandidateSheet; onChanged: (c: CandidateSheet) => void };
type Conflict = { interviewer: string; item: string };

/** The panel score as the head reads it: the score, or why there is none yet. */
function panelScoreKey(c: CandidateSheet): string | null {
  if (c.absent) return 'absent';
  const status = c.panel.status;
  if (status === 'ok') return null;
  return status === 'hidden' || status === 'conflict' ? status : 'incomplete';
}

/** What the panel head (and the coordinator) sees: every mark, conflicts, the panel score, sign-off. */
export function HeadPanel({ session, candidate, onChanged }: Props) {
  const { t } = useTranslation();
  const [reopening, setReopening] = useState(false);
  const [resolving, setResolving] = useState<Conflict | null>(null);
  const head = session.me.head;
  const p = candidate.panel;
  const scoreKey = panelScoreKey(candidate);
  const itemName = (k: string) => session.items.find((i) => i.key === k)?.name ?? k;
  const target = { sessionId: session.id, candidate: candidate.candidateId };

  async function run(change: ReturnType<typeof mutate<'interview.signOff'>>): Promise<boolean> {
    const r = await change;
    if (!r.ok) {
      notifyError(r.error);
      return false;
    }
    onChanged(r.value);
    setReopening(false);
    setResolving(null);
    return true;
  }

  return (
    <Paper withBorder p="md" data-testid="head-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{t('scores.interview.panelScore')}</Text>
          <Text fw={700} size="xl" data-testid="panel-score">
            {p.status === 'ok' && !candidate.absent ? p.display : t(`scores.interview.${scoreKey}`)}
          </Text>
        </Group>
        {p.status === 'ok' && (
          <Text size="sm" c="dimmed">
            {p.interviewers.map((i) => `${i.interviewer} ${i.display}${i.dropped ? '*' : ''}`).join(' · ')}
          </Text>
        )}
        {candidate.marks.length > 0 && p.status !== 'hidden' && <PanelMarksTable session={session} candidate={candidate} />}
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
        {head && candidate.state !== 'signed' && (
          <Group>
            <Button
              leftSection={<IconSignature size={16} />}
              disabled={!(candidate.absent || p.status === 'ok')}
              onClick={() => void run(mutate('interview.signOff', target))}
            >
              {t('scores.interview.signOff')}
            </Button>
          </Group>
        )}
        {head && candidate.state === 'signed' && (
          <Group>
            <Button variant="default" onClick={() => setReopening(true)}>
              {t('scores.interview.reopen')}
            </Button>
          </Group>
        )}
      </Stack>
      <ReopenSheetDialog
        opened={reopening}
        onClose={() => setReopening(false)}
        submit={(reason) => run(mutate('interview.reopen', { ...target, reason }))}
      />
      <ResolveConflictDialog
        opened={resolving !== null}
        onClose={() => setResolving(null)}
        submit={(score, reason) =>
          resolving
            ? run(mutate('interview.resolveConflict', { ...target, ...resolving, score, reason }))
            : Promise.resolve(false)
        }
      />
    </Paper>
  );
}
