import { Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlayerTrackNext } from '@tabler/icons-react';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../app/notify';
import { ErrorState, LoadingState } from '../../components/states';
import { useQuery } from '../../lib/query';
import { ApplicantPanel } from './ApplicantPanel';
import { DeskSearch } from './DeskSearch';
import { WindowBanner } from '../windows/WindowBanner';

/** Opened from the applicant list (#/desk?id=...): that applicant; otherwise the desk starts at the search box. */
function idFromHash(): string | null {
  return new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('id');
}

/** Keys typed into a text field are text, not desk commands. */
function isTyping(target: EventTarget): boolean {
  const el = target as HTMLElement;
  if (el.closest?.('[role="dialog"]')) return true;
  if (el.isContentEditable || el.tagName === 'TEXTAREA') return true;
  return el.tagName === 'INPUT' && !['radio', 'checkbox', 'button'].includes((el as HTMLInputElement).type);
}

/**
 * The shell's nav link only sets the hash, which on the desk itself changes nothing: the desk watches its
 * own nav entry and hash changes so that 现场确认 always starts over at the search box.
 */
function useDeskNavigation(reset: () => void, open: (id: string) => void): void {
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if ((e.target as Element | null)?.closest?.('a[href="#/desk"]')) reset();
    };
    const onHash = () => {
      if (!window.location.hash.startsWith('#/desk')) return;
      const id = idFromHash();
      if (id) open(id);
      else reset();
    };
    document.addEventListener('click', onClick);
    window.addEventListener('hashchange', onHash);
    return () => {
      document.removeEventListener('click', onClick);
      window.removeEventListener('hashchange', onHash);
    };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
}

/**
 * The confirmation desk: type-ahead search (kept in view), keyboard selection, checklist, decision, receipt,
 * and N for the next applicant still 待确认. The search list and the panel read the shared cache, so a
 * decision or a reopening shows in both at once.
 */
export function DeskPage() {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string | null>(idFromHash);
  const [searchKey, setSearchKey] = useState(0);
  const detail = useQuery('applicants.get', { id: selected ?? '' }, selected !== null);
  const queue = useQuery('confirm.next', selected ? { afterId: selected } : {});

  useDeskNavigation(
    () => {
      setSelected(null);
      setSearchKey((k) => k + 1);
    },
    (id) => setSelected(id),
  );

  function next() {
    const n = queue.data?.next;
    if (n) setSelected(n.id);
    else if (queue.data) notifySuccess(t('desk.nextNone'));
  }

  function onKey(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key.toLowerCase() !== 'n' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    e.preventDefault();
    next();
  }

  return (
    <Stack onKeyDown={onKey}>
      <Group justify="space-between">
        <Title order={2}>{t('desk.title')}</Title>
        <Group gap="sm">
          {queue.data && (
            <Text size="sm" c="dimmed" data-testid="desk-waiting">
              {t('desk.waiting', { count: queue.data.waiting })}
            </Text>
          )}
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlayerTrackNext size={14} />}
            onClick={next}
            disabled={queue.data !== null && queue.data.next === null}
          >
            {t('desk.next')}
          </Button>
        </Group>
      </Group>
      <WindowBanner governs="desk-confirmation" />
      <Grid>
        <Grid.Col span={4}>
          <div style={{ position: 'sticky', top: 'calc(var(--app-shell-header-offset, 0rem) + var(--mantine-spacing-md))' }}>
            <DeskSearch key={searchKey} onOpen={setSelected} autoFocus={selected === null} />
          </div>
        </Grid.Col>
        <Grid.Col span={8}>
          {selected === null && <Text c="dimmed">{t('desk.chooseApplicant')}</Text>}
          {selected !== null && detail.error && <ErrorState error={detail.error} onRetry={detail.refresh} />}
          {selected !== null && !detail.data && !detail.error && <LoadingState />}
          {detail.data && detail.data.id === selected && <ApplicantPanel detail={detail.data} />}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
