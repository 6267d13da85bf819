import { Progress, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuildProgress } from '../../../../shared/contract/outbox';
import { call } from '../../app/call';
import { formatBytes } from '../../lib/format';

const POLL_MS = 400;

/** getRandomValues, not randomUUID: the served UI opened from another computer is not a secure context. */
function newProgressId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `build-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Polls how far a package build has got while its call is running, so a big package shows its stage and the
 * bytes written instead of a spinning button. `start` gives the id to send with `package.build`.
 */
export function useBuildProgress(): { start: () => string; stop: () => void; progress: BuildProgress | null } {
  const [progress, setProgress] = useState<BuildProgress | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const stop = useCallback(() => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
    setProgress(null);
  }, []);
  const start = useCallback(() => {
    const id = newProgressId();
    setProgress({ stage: 'preparing', writtenBytes: 0, payloadBytes: null });
    if (timer.current) clearInterval(timer.current);
    timer.current = setInterval(() => {
      void call('package.buildProgress', { progressId: id }).then((r) => {
        if (r.ok && r.value && timer.current) setProgress(r.value);
      });
    }, POLL_MS);
    return id;
  }, []);
  useEffect(() => () => void (timer.current && clearInterval(timer.current)), []);
  return { start, stop, progress };
}

/** The stage in words and, while writing, the bytes against the payload's size (the bag adds a little). */
export function BuildProgressLine({ progress }: { progress: BuildProgress | null }) {
  const { t } = useTranslation();
  if (!progress || progress.stage === 'done' || progress.stage === 'failed') return null;
  const total = progress.payloadBytes ?? 0;
  const writing = progress.stage === 'writing' && total > 0;
  return (
    <Stack gap={4} data-testid="build-progress" aria-live="polite">
      <Text size="sm">
        {t(`outbox.build.progress.${progress.stage}`, {
          written: formatBytes(progress.writtenBytes),
          total: formatBytes(total),
        })}
      </Text>
      {writing ? (
        <Progress
          value={Math.min(100, (progress.writtenBytes / total) * 100)}
          aria-label={t('outbox.build.progress.writing', {
            written: formatBytes(progress.writtenBytes),
            total: formatBytes(total),
          })}
        />
      ) : (
        <Progress value={100} animated striped aria-hidden="true" />
      )}
    </Stack>
  );
}
