import { Button, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../../shared/contract/scores';
import { notifyError, notifySuccess } from '../../app/notify';
import { mutate } from '../../lib/query';
import { Dialog } from '../../components/Dialog';
import { CandidatePicker } from './CandidatePicker';

/**
 * Date, site, panel (head first), candidates; the draw order is drawn by the core with a recorded seed.
 * Candidates are picked from the confirmed applicants of one specialty and none is ticked by default.
 */
export function NewSessionModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (s: SessionSummary) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [site, setSite] = useState('');
  const [panel, setPanel] = useState('');
  const [seed, setSeed] = useState('');
  const [specialty, setSpecialty] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());

  async function create() {
    const r = await mutate('interview.createSession', {
      name,
      date,
      site,
      panel: panel
        .split(/[,，\s]+/)
        .filter(Boolean)
        .map((u, i) => ({ username: u, head: i === 0 })),
      candidates: [...selected],
      ...(seed.trim() !== '' ? { seed: Number(seed) } : {}),
    });
    if (!r.ok) return notifyError(r.error);
    notifySuccess(t('scores.interview.created', { seed: r.value.seed }));
    setSelected(new Set());
    onCreated(r.value);
    onClose();
  }

  return (
    <Dialog opened={opened} onClose={onClose} title={t('scores.interview.newSession')} size="xl">
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
          <TextInput
            label={t('scores.interview.sessionName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-autofocus
          />
          <TextInput label={t('scores.interview.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} />
          <TextInput label={t('scores.interview.site')} value={site} onChange={(e) => setSite(e.currentTarget.value)} />
          <TextInput label={t('scores.interview.panel')} value={panel} onChange={(e) => setPanel(e.currentTarget.value)} />
          <TextInput label={t('scores.interview.seed')} value={seed} onChange={(e) => setSeed(e.currentTarget.value)} />
        </SimpleGrid>
        <CandidatePicker
          enabled={opened}
          specialty={specialty}
          onSpecialty={(code) => {
            setSpecialty(code);
            // Another specialty is another list: nothing stays ticked that the new list does not show.
            setSelected(new Set());
          }}
          selected={selected}
          onSelected={setSelected}
        />
        <Button disabled={!name || !site || !panel || selected.size === 0} onClick={() => void create()}>
          {t('scores.interview.create')}
        </Button>
      </Stack>
    </Dialog>
  );
}
