import {
  Alert,
  Badge,
  Button,
  Checkbox,
  FileButton,
  Group,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconFileImport, IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamComponent, ScoreImportReport } from '../../../../shared/contract/scores';
import { call } from '../../app/call';
import { notifyError, notifySuccess } from '../../app/notify';
import { mutate, useQuery } from '../../lib/query';
import { ErrorState } from '../../components/states';
import { readFileAsBase64 } from '../../lib/file';
import { ResultsPanel } from './ResultsPanel';
import { PlatformExportPanel } from './PlatformExportPanel';

export function ScoresPage() {
  const { t } = useTranslation();
  const comps = useQuery('scores.components', {});
  const [resultsShown, setResultsShown] = useState(false);
  const onResultsAnswered = useCallback(() => setResultsShown(true), []);
  return (
    <Stack>
      <Title order={2}>{t('scores.setup.title')}</Title>
      {comps.error && <ErrorState error={comps.error} onRetry={comps.refresh} />}
      {/* The results first: they are what people open this page for; the set-up is done once a year. The
          panel asks for its page at once rather than after the components arrive (one round trip, not two). */}
      <ResultsPanel components={comps.data?.components ?? null} onAnswered={onResultsAnswered} />
      <ImportPanel />
      {/* Its counts read every candidate: asked for once the table is up, so they never hold the table back. */}
      <PlatformExportPanel ready={resultsShown || comps.error !== null} />
      {comps.data && (
        <ComponentsEditor initial={comps.data.components} fromPreset={comps.data.fromPreset} onSaved={comps.refresh} />
      )}
    </Stack>
  );
}

function ComponentsEditor({
  initial,
  fromPreset,
  onSaved,
}: {
  initial: ExamComponent[];
  fromPreset: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState(initial);
  const [reason, setReason] = useState('');
  useEffect(() => setRows(initial), [initial]);
  const sum = rows.reduce((s, r) => s + Math.round((r.weight || 0) * 100), 0) / 100;
  const set = (i: number, patch: Partial<ExamComponent>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function save() {
    const r = await mutate('scores.setComponents', { components: rows, ...(reason.trim() ? { reason } : {}) });
    if (!r.ok) return notifyError(r.error);
    notifySuccess(t('scores.setup.saved'));
    onSaved();
  }

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={3}>{t('scores.setup.components')}</Title>
        {fromPreset && <Badge variant="light">{t('scores.setup.fromPreset')}</Badge>}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('scores.setup.componentsHint')}
      </Text>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('scores.setup.key')}</Table.Th>
            <Table.Th>{t('scores.setup.name')}</Table.Th>
            <Table.Th>{t('scores.setup.max')}</Table.Th>
            <Table.Th>{t('scores.setup.weight')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <TextInput
                  aria-label={t('scores.setup.key')}
                  value={r.key}
                  onChange={(e) => set(i, { key: e.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={t('scores.setup.name')}
                  value={r.name}
                  onChange={(e) => set(i, { name: e.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={t('scores.setup.max')}
                  value={r.max}
                  min={0}
                  decimalScale={2}
                  onChange={(v) => set(i, { max: Number(v) || 0 })}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={t('scores.setup.weight')}
                  value={r.weight}
                  min={0}
                  max={100}
                  decimalScale={2}
                  onChange={(v) => set(i, { weight: Number(v) || 0 })}
                />
              </Table.Td>
              <Table.Td>
                <Button
                  variant="subtle"
                  color="red"
                  aria-label={t('scores.setup.remove')}
                  onClick={() => setRows(rows.filter((_r, j) => j !== i))}
                >
                  <IconTrash size={16} />
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group mt="sm" justify="space-between">
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} />}
            onClick={() => setRows([...rows, { key: '', name: '', max: 100, weight: 0 }])}
          >
            {t('scores.setup.addComponent')}
          </Button>
          <Text c={sum === 100 ? 'teal' : 'red'} data-testid="weight-sum">
            {sum === 100 ? t('scores.setup.weightSum', { sum }) : t('scores.setup.weightSumBad', { sum })}
          </Text>
        </Group>
        <Group>
          <TextInput
            placeholder={t('scores.setup.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            w={280}
          />
          <Button disabled={sum !== 100} onClick={() => void save()}>
            {t('scores.setup.save')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

/** The results below refresh by themselves: a score import invalidates every cached scores view. */
function ImportPanel() {
  const { t } = useTranslation();
  const [source, setSource] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [replace, setReplace] = useState(false);
  const [reason, setReason] = useState('');
  const [report, setReport] = useState<ScoreImportReport | null>(null);

  const input = () => ({ ...source!, replace, ...(reason.trim() ? { reason } : {}) });
  async function preview(s = source) {
    if (!s) return;
    const r = await call('scores.previewImport', { ...s, replace, ...(reason.trim() ? { reason } : {}) });
    if (!r.ok) return notifyError(r.error);
    setReport(r.value);
  }
  async function commit() {
    const r = await mutate('scores.import', input());
    if (!r.ok) return notifyError(r.error);
    setReport(r.value);
    if (r.value.applied) {
      notifySuccess(t('scores.setup.imported', r.value));
      setSource(null);
      setReport(null);
    }
  }

  return (
    <Paper withBorder p="md">
      <Title order={3} mb="xs">
        {t('scores.setup.importTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('scores.setup.importHint')}
      </Text>
      <Group>
        <FileButton
          accept=".csv,.xlsx,.xls,.txt"
          onChange={(f) => {
            if (!f) return;
            void readFileAsBase64(f).then((b) => {
              const s = { fileName: f.name, contentBase64: b };
              setSource(s);
              void preview(s);
            });
          }}
        >
          {(props) => (
            <Button leftSection={<IconFileImport size={16} />} {...props} data-testid="scores-file-button">
              {t('scores.setup.chooseFile')}
            </Button>
          )}
        </FileButton>
        {source && <Text>{source.fileName}</Text>}
        <Checkbox label={t('scores.setup.replace')} checked={replace} onChange={(e) => setReplace(e.currentTarget.checked)} />
        {replace && (
          <TextInput
            placeholder={t('scores.setup.replaceReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        )}
        {source && (
          <Button variant="default" onClick={() => void preview()}>
            ↻
          </Button>
        )}
      </Group>
      {report && (
        <Stack mt="sm">
          <Text data-testid="scores-preview">
            {t('scores.setup.preview', {
              imported: report.imported,
              updated: report.updated,
              unchanged: report.unchanged,
              rejected: report.rejected.length,
            })}
          </Text>
          {report.rejected.length === 0 ? (
            <Alert color="teal">{t('scores.setup.previewOk')}</Alert>
          ) : (
            <>
              <Alert color="orange">{t('scores.setup.previewBad')}</Alert>
              <Table withTableBorder fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('scores.setup.row')}</Table.Th>
                    <Table.Th>{t('scores.setup.field')}</Table.Th>
                    <Table.Th>{t('scores.setup.message')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.rejected.map((x, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{x.row}</Table.Td>
                      <Table.Td>{x.field}</Table.Td>
                      <Table.Td title={t('errorSupport.code', { code: x.code })}>{x.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
          <Group>
            <Button disabled={report.rejected.length > 0} onClick={() => void commit()}>
              {t('scores.setup.commit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
