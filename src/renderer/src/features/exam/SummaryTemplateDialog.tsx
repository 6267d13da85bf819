import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SummaryColumn, SummaryTemplateView } from '../../../../shared/contract/exam';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import { ErrorState, LoadingState } from '../../components/states';
import { errorText } from '../../app/errors';
import { notifySuccess } from '../../app/notify';
import { mutate, useQuery } from '../../lib/query';
import { ReasonField } from '../../components/ReasonField';

const move = (cols: SummaryColumn[], i: number, by: number): SummaryColumn[] => {
  const j = i + by;
  if (j < 0 || j >= cols.length) return cols;
  const next = [...cols];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
};

/** One column: its printed name, what it shows, and its place. */
function ColumnRow({
  col,
  index,
  count,
  fields,
  onChange,
}: {
  col: SummaryColumn;
  index: number;
  count: number;
  fields: SummaryTemplateView['fields'];
  onChange: (f: (cols: SummaryColumn[]) => SummaryColumn[]) => void;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<SummaryColumn>) => onChange((cols) => cols.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  return (
    <Group gap="xs" wrap="nowrap" data-testid="summary-column">
      <Text size="sm" w={24} c="dimmed">
        {index + 1}
      </Text>
      <TextInput
        aria-label={t('exam.summaryTemplate.header')}
        value={col.header}
        onChange={(e) => set({ header: e.currentTarget.value })}
        style={{ flex: 1 }}
      />
      <Select
        aria-label={t('exam.summaryTemplate.field')}
        data={fields.map((f) => ({ value: f.field, label: f.label }))}
        value={col.field}
        onChange={(v) => v && set({ field: v })}
        allowDeselect={false}
        w={220}
      />
      <ActionIcon
        variant="subtle"
        aria-label={t('exam.summaryTemplate.up')}
        disabled={index === 0}
        onClick={() => onChange((c) => move(c, index, -1))}
      >
        <IconArrowUp size={16} />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        aria-label={t('exam.summaryTemplate.down')}
        disabled={index === count - 1}
        onClick={() => onChange((c) => move(c, index, 1))}
      >
        <IconArrowDown size={16} />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="red"
        aria-label={t('exam.summaryTemplate.remove', { header: col.header })}
        disabled={count === 1}
        onClick={() => onChange((c) => c.filter((_, i) => i !== index))}
      >
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}

/**
 * The 报名汇总表 columns of this base: the notice gives none, so the default is the 资格审核名册's; columns are
 * added, removed, reordered and renamed to match the year's form, or reset to the default, with a reason.
 */
export function SummaryTemplateDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const view = useQuery('exam.summaryTemplate', {}, opened);
  const [cols, setCols] = useState<SummaryColumn[]>([]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (opened && view.data) setCols(view.data.columns);
    if (opened) setReason('');
  }, [opened, view.data]);

  async function save(reset: boolean) {
    setBusy(true);
    const r = reset
      ? await mutate('exam.resetSummaryTemplate', { reason: reason.trim() })
      : await mutate('exam.setSummaryTemplate', {
          columns: cols.map((c) => ({ ...c, header: c.header.trim() })),
          reason: reason.trim(),
        });
    setBusy(false);
    if (!r.ok) return setError(errorText(r.error));
    setError(null);
    notifySuccess(t(reset ? 'exam.summaryTemplate.resetDone' : 'exam.summaryTemplate.saved'));
    onClose();
  }

  return (
    <Dialog opened={opened} onClose={onClose} title={t('exam.summaryTemplate.title')} size="xl">
      {view.error && <ErrorState error={view.error} onRetry={view.refresh} />}
      {!view.data && !view.error && <LoadingState />}
      {view.data && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save(false);
          }}
        >
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t(view.data.edited ? 'exam.summaryTemplate.edited' : 'exam.summaryTemplate.default')}
            </Text>
            {cols.map((c, i) => (
              <ColumnRow key={i} col={c} index={i} count={cols.length} fields={view.data!.fields} onChange={(f) => setCols(f)} />
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() => setCols((c) => [...c, { header: t('exam.summaryTemplate.newColumn'), field: 'blank', width: 12 }])}
              >
                {t('exam.summaryTemplate.add')}
              </Button>
              <Button variant="subtle" size="xs" disabled={reason.trim().length < 2 || busy} onClick={() => void save(true)}>
                {t('exam.summaryTemplate.reset')}
              </Button>
            </Group>
            <ReasonField label={t('exam.calendar.reason')} value={reason} onChange={setReason} minRows={1} required />
            <FormFooter
              error={error}
              onCancel={onClose}
              busy={busy}
              submitLabel={t('exam.summaryTemplate.save')}
              disabled={reason.trim().length < 2 || cols.some((c) => c.header.trim() === '')}
            />
          </Stack>
        </form>
      )}
    </Dialog>
  );
}
