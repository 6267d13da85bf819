import { Button, Checkbox, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../../shared/contract/scores';
import { notifyError, notifySuccess } from '../../app/notify';
import { mutate, useQuery } from '../../lib/query';
import { Dialog } from '../../components/Dialog';

/** Date, site, panel (head first), candidates; the draw order is drawn by the core with a recorded seed. */
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
  const results = useQuery('scores.results', {}, opened);
  const [name, setName] = useState('');
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [site, setSite] = useState('');
  const [panel, setPanel] = useState('');
  const [seed, setSeed] = useState('');
  const [chosen, setChosen] = useState<string[] | null>(null);
  const rows = results.data ?? [];
  const selected =
    chosen ??
    rows.filter((r) => r.components['written'] !== null && r.components['written'] !== undefined).map((r) => r.applicantId);

  async function create() {
    const r = await mutate('interview.createSession', {
      name,
      date,
      site,
      panel: panel
        .split(/[,，\s]+/)
        .filter(Boolean)
        .map((u, i) => ({ username: u, head: i === 0 })),
      candidates: selected,
      ...(seed.trim() !== '' ? { seed: Number(seed) } : {}),
    });
    if (!r.ok) return notifyError(r.error);
    notifySuccess(t('scores.interview.created', { seed: r.value.seed }));
    onCreated(r.value);
    onClose();
  }

  return (
    <Dialog opened={opened} onClose={onClose} title={t('scores.interview.newSession')} size="lg">
      <Stack>
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
        <Stack gap={4} mah={220} style={{ overflow: 'auto' }}>
          {rows.map((r) => (
            <Checkbox
              key={r.applicantId}
              label={`${r.name} ${r.idMasked}`}
              checked={selected.includes(r.applicantId)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setChosen(on ? [...selected, r.applicantId] : selected.filter((x) => x !== r.applicantId));
              }}
            />
          ))}
        </Stack>
        <Button disabled={!name || !site || !panel || selected.length === 0} onClick={() => void create()}>
          {t('scores.interview.create')}
        </Button>
      </Stack>
    </Dialog>
  );
}
