import { Alert, Button, Group, List, Paper, Select, SegmentedControl, Text, TextInput, Title } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/permissions';
import { call } from '../../app/call';
import { notifyError, notifySuccess } from '../../app/notify';
import { useSession } from '../../app/session';
import { FormDialog } from '../../components/FormDialog';
import { ErrorState } from '../../components/states';
import { readableFileName, saveBase64, XLSX_MIME } from '../../lib/download';
import { mutate, useQuery } from '../../lib/query';

/** 考核结果 per person, where the notice gives no pass mark. The people are fetched when it opens. */
function ResultDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const view = useQuery('scores.platformRows', {});
  const [who, setWho] = useState<string | null>(null);
  const [result, setResult] = useState('合格');
  const [reason, setReason] = useState('');
  const people = useMemo(
    () =>
      (view.data?.rows ?? []).map((r) => ({
        value: r.applicantId,
        label: `${r.name}（${r.idNumber}）${r.result ? `：${r.result}` : ''}`,
      })),
    [view.data],
  );
  return (
    <FormDialog
      title={t('platform.setResult')}
      opened
      onClose={onClose}
      canSubmit={who !== null && reason.trim() !== ''}
      submit={() =>
        mutate('scores.setPlatformResult', {
          applicant: who ?? '',
          result: result === 'clear' ? null : (result as '合格' | '不合格'),
          reason: reason.trim(),
        })
      }
    >
      {view.error && <ErrorState error={view.error} onRetry={view.refresh} />}
      <Select
        label={t('platform.person')}
        data={people}
        value={who}
        onChange={setWho}
        searchable
        disabled={view.data === null}
        placeholder={view.data === null ? t('common.loading') : undefined}
      />
      <SegmentedControl
        value={result}
        onChange={setResult}
        data={[
          { value: '合格', label: t('platform.results.pass') },
          { value: '不合格', label: t('platform.results.fail') },
          { value: 'clear', label: t('platform.results.clear') },
        ]}
      />
      <TextInput label={t('platform.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required />
    </FormDialog>
  );
}

/**
 * The export back to the provincial platform (理论、技能、面试成绩和考核结果), with what is still missing: counts
 * only, so opening the page never sends every candidate; `ready` holds the call back until the page wants it.
 */
export function PlatformExportPanel({ ready = true }: { ready?: boolean }) {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const q = useQuery('scores.platformSummary', {}, ready);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [dialog, setDialog] = useState(false);
  if (!q.data) return null;
  const v = q.data;
  const mayExport = role !== undefined && can(role, 'applicants.reveal');
  async function exportFile() {
    const r = await call('scores.platformExport', {});
    if (!r.ok) return notifyError(r.error);
    saveBase64(readableFileName(r.value.fileName), r.value.contentBase64, XLSX_MIME);
    setWarnings(r.value.warnings);
    notifySuccess(t('platform.exported', { rows: r.value.rows }));
  }
  return (
    <Paper withBorder p="md">
      <Title order={3} mb="xs">
        {t('platform.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('platform.hint')}
      </Text>
      <Text size="sm" mt="xs">
        {v.rule ? t('platform.rule', { rule: v.rule }) : t('platform.noRule')}{' '}
        {t('platform.counts', { rows: v.rows, warned: v.warned })}
      </Text>
      <Group mt="sm">
        {mayExport && (
          <Button leftSection={<IconFileExport size={16} />} onClick={() => void exportFile()} disabled={v.rows === 0}>
            {t('platform.export')}
          </Button>
        )}
        {v.rule === null && role !== undefined && can(role, 'scores.import') && (
          <Button variant="default" onClick={() => setDialog(true)} disabled={v.rows === 0}>
            {t('platform.setResult')}
          </Button>
        )}
      </Group>
      {warnings.length > 0 && (
        <Alert color="orange" mt="sm" title={t('platform.warnings')}>
          <List size="sm">
            {warnings.slice(0, 50).map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {dialog && <ResultDialog onClose={() => setDialog(false)} />}
    </Paper>
  );
}
