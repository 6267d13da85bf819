import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconUserOff } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CandidateSheet, SessionDetail } from '../../../../shared/contract/scores';
import { mutate } from '../../lib/query';
import { errorText } from '../../app/errors';
import { notifyError } from '../../app/notify';
import { useSession } from '../../app/session';
import { ScoreField } from './ScoreField';
import { checkScore, formatHundredths } from './score-input';

type Props = {
  session: SessionDetail;
  candidate: CandidateSheet;
  /** Move to the next candidate still to score (after the last item, or after marking absent). */
  onNext: () => void;
  onChanged: (c: CandidateSheet) => void;
};

/**
 * One candidate's sheet for the signed-in interviewer: type, Enter, next. Each Enter saves that item (the
 * core range-checks again) and moves the focus down; the last item moves to the next candidate.
 */
export function ScoringSheet({ session, candidate, onNext, onChanged }: Props) {
  const { t } = useTranslation();
  const me = useSession((s) => s.user?.username ?? '');
  const interviewer = session.origin === 'station' ? undefined : me;
  const onPanel = session.origin === 'station' || session.panel.some((p) => p.username === me);
  const own = (item: string) =>
    candidate.marks.find((m) => m.item === item && (session.origin === 'station' || m.interviewer === me));
  const initial = () =>
    Object.fromEntries(
      session.items.map((it) => {
        const m = own(it.key);
        return [it.key, m ? (m.unable ? '无' : formatHundredths(m.value ?? 0)) : ''];
      }),
    );
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [saved, setSaved] = useState<Record<string, boolean>>({});
  const [serverError, setServerError] = useState<Record<string, string>>({});
  const refs = useRef<Array<HTMLInputElement | null>>([]);
  const locked = candidate.state === 'signed' || candidate.absent;

  useEffect(() => {
    setValues(initial());
    setSaved({});
    setServerError({});
    if (!locked) setTimeout(() => refs.current[0]?.focus(), 0);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset only when another candidate is opened
  }, [candidate.candidateId]);

  const problemText = (text: string, max: number): string | null => {
    const c = checkScore(text, max);
    if (c.ok || c.problem === 'empty') return null;
    return c.problem === 'outOfRange' ? t('scores.interview.outOfRange', { max }) : t(`scores.interview.${c.problem}`);
  };

  async function save(index: number) {
    const it = session.items[index]!;
    const text = values[it.key] ?? '';
    const c = checkScore(text, it.max);
    if (!c.ok) return;
    const r = await mutate('interview.setScore', {
      sessionId: session.id,
      candidate: candidate.candidateId,
      item: it.key,
      score: c.unable ? '无法评价' : formatHundredths(c.hundredths),
      ...(interviewer ? { interviewer } : {}),
    });
    if (!r.ok) {
      setServerError((e) => ({ ...e, [it.key]: errorText(r.error) }));
      return;
    }
    setServerError((e) => ({ ...e, [it.key]: '' }));
    setSaved((s) => ({ ...s, [it.key]: true }));
    onChanged(r.value);
    if (index + 1 < session.items.length) refs.current[index + 1]?.focus();
    else onNext();
  }

  async function markAbsent() {
    if (!window.confirm(t('scores.interview.absentConfirm', { name: candidate.name }))) return;
    const r = await mutate('interview.markAbsent', { sessionId: session.id, candidate: candidate.candidateId });
    if (!r.ok) return notifyError(r.error);
    onChanged(r.value);
    onNext();
  }

  return (
    <Paper withBorder p="md" data-testid="scoring-sheet">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>
            {t('scores.interview.drawNo', { n: candidate.drawNo })} {candidate.name}
          </Title>
          <Badge variant="light" color={candidate.state === 'signed' ? 'teal' : candidate.absent ? 'gray' : 'blue'}>
            {t(`scores.interview.state.${candidate.state}`)}
          </Badge>
        </Group>
        {!locked && onPanel && (
          <Text size="sm" c="dimmed">
            {t('scores.interview.sheetHint')}
          </Text>
        )}
        {onPanel &&
          session.items.map((it, i) => {
            const text = values[it.key] ?? '';
            const problem = problemText(text, it.max) ?? (serverError[it.key] || null);
            return (
              <ScoreField
                key={it.key}
                inputRef={(el) => {
                  refs.current[i] = el;
                }}
                itemKey={it.key}
                label={`${it.name}（${it.max}）`}
                value={text}
                disabled={locked}
                problem={problem}
                saved={!!saved[it.key]}
                onChange={(v) => {
                  setValues((s) => ({ ...s, [it.key]: v }));
                  setSaved((s) => ({ ...s, [it.key]: false }));
                }}
                onEnter={() => void save(i)}
              />
            );
          })}
        {!locked && (
          <Group>
            <Button variant="default" color="gray" leftSection={<IconUserOff size={16} />} onClick={() => void markAbsent()}>
              {t('scores.interview.markAbsent')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
