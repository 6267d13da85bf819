import { Alert, Badge, Button, Checkbox, Group, ScrollArea, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  APPLICANT_FIELD_KEYS,
  type ApplicantFieldKey,
  type ImportPreview,
  type ImportResult,
  type RowProblem,
} from '../../../../shared/contract/applicants';
import type { ApiError } from '../../../../shared/errors';
import { mutate } from '../../lib/query';
import { call } from '../../app/call';
import { errorText } from '../../app/errors';
import { notifyError, notifySuccess } from '../../app/notify';
import { Dialog } from '../../components/Dialog';
import { FilePicker } from '../../components/FilePicker';
import { saveBase64, XLSX_MIME } from '../../lib/download';
import { readFileAsBase64 } from '../../lib/file';
import { groupProblems, rowList } from './group-problems';

type Source = { fileName: string; contentBase64: string };
const MAX_BYTES = 32 * 1024 * 1024;
const SHOWN = 300;
const MAPPING_ERRORS = new Set(['APPLICANTS_NO_HEADER', 'APPLICANTS_COLUMNS_MISSING']);

function ProblemTable({ problems, testId }: { problems: RowProblem[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <ScrollArea.Autosize mah={220} type="auto">
      <Table verticalSpacing={4} fz="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>{t('applicants.row')}</Table.Th>
            <Table.Th w={180}>{t('applicants.person')}</Table.Th>
            <Table.Th w={120}>{t('applicants.field')}</Table.Th>
            <Table.Th>{t('applicants.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.slice(0, SHOWN).map((p, i) => (
            <Table.Tr key={i} data-testid={`${testId}-row`}>
              <Table.Td>{p.row}</Table.Td>
              <Table.Td>{[p.name, p.idNumber].filter(Boolean).join(' ')}</Table.Td>
              <Table.Td>{p.field}</Table.Td>
              {/* The code stays reachable for support (hover), never as a column of its own. */}
              <Table.Td title={t('errorSupport.code', { code: p.code })}>{p.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

/** Warnings grouped by kind: "119 行：…" once, with the rows it concerns. */
function WarningGroups({ problems }: { problems: RowProblem[] }) {
  const { t } = useTranslation();
  const groups = groupProblems(problems);
  return (
    <ScrollArea.Autosize mah={220} type="auto">
      <Table verticalSpacing={4} fz="sm" data-testid="import-warnings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>{t('applicants.field')}</Table.Th>
            <Table.Th>{t('applicants.message')}</Table.Th>
            <Table.Th w={220}>{t('applicants.rows')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.slice(0, SHOWN).map((g, i) => {
            const list = rowList(g.rows);
            return (
              <Table.Tr key={i} data-testid="import-warnings-row">
                <Table.Td>{g.field}</Table.Td>
                <Table.Td>
                  {g.rows.length > 1 ? t('applicants.groupedMessage', { count: g.rows.length, message: g.message }) : g.message}
                </Table.Td>
                <Table.Td>
                  {list.more ? t('applicants.rowListMore', { rows: list.text }) : t('applicants.rowList', { rows: list.text })}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

export async function downloadRejections(sourceFileName: string, rejected: RowProblem[]): Promise<void> {
  const r = await call('applicants.rejectionReport', { sourceFileName, rejected });
  if (!r.ok) return notifyError(r.error);
  saveBase64(r.value.fileName, r.value.contentBase64, XLSX_MIME);
}

/** Column mapping for a layout the core did not recognise: header row + one field per column, optionally saved. */
function MappingForm({
  rows,
  initialHeaderRow,
  initialMapping,
  recognised = false,
  onApply,
}: {
  rows: string[][];
  initialHeaderRow: number;
  initialMapping: Record<string, ApplicantFieldKey>;
  /** Opened to change a mapping that works, not because the header could not be read: say so. */
  recognised?: boolean;
  onApply: (headerRow: number, mapping: Record<string, ApplicantFieldKey>, save: boolean) => void;
}) {
  const { t } = useTranslation();
  const [headerRow, setHeaderRow] = useState(initialHeaderRow);
  const [mapping, setMapping] = useState<Record<string, ApplicantFieldKey>>(initialMapping);
  const [save, setSave] = useState(true);
  const headers = (rows[headerRow - 1] ?? []).filter((h) => h !== '');
  const fieldOptions = [
    { value: '', label: t('applicants.columnIgnore') },
    ...APPLICANT_FIELD_KEYS.map((k) => ({ value: k, label: t(`applicants.fields.${k}`) })),
  ];
  return (
    <Stack gap="xs" data-testid="mapping-form">
      <Text fw={600}>{t('applicants.mappingTitle')}</Text>
      <Text size="sm" c="dimmed">
        {recognised ? t('applicants.mappingHintChange') : t('applicants.mappingHint')}
      </Text>
      <Select
        label={t('applicants.headerRow')}
        data={rows.map((r, i) => ({
          value: String(i + 1),
          label: t('applicants.headerRowOption', { row: i + 1, text: r.filter(Boolean).join(' | ').slice(0, 80) }),
        }))}
        value={String(headerRow)}
        onChange={(v) => {
          setHeaderRow(Number(v ?? 1));
          setMapping({});
        }}
        allowDeselect={false}
      />
      <SimpleGrid cols={3} spacing="xs">
        {headers.map((h) => (
          <Select
            key={h}
            label={h}
            data={fieldOptions}
            value={mapping[h] ?? ''}
            onChange={(v) =>
              setMapping((m) => {
                const next = { ...m };
                if (v) next[h] = v as ApplicantFieldKey;
                else delete next[h];
                return next;
              })
            }
          />
        ))}
      </SimpleGrid>
      <Checkbox label={t('applicants.saveMapping')} checked={save} onChange={(e) => setSave(e.currentTarget.checked)} />
      <Group>
        <Button variant="light" onClick={() => onApply(headerRow, mapping, save)} disabled={Object.keys(mapping).length === 0}>
          {t('applicants.applyMapping')}
        </Button>
      </Group>
    </Stack>
  );
}

/** File -> preview with every row's problems (nothing written) -> commit of the valid rows -> problem report download. */
export function ImportApplicantsModal({
  opened,
  onClose,
  onImported,
}: {
  opened: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const [source, setSource] = useState<Source | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<{ headerRow: number; mapping: Record<string, ApplicantFieldKey>; save: boolean } | null>(
    null,
  );
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [remap, setRemap] = useState(false);

  useEffect(() => {
    if (opened) {
      setSource(null);
      setPreview(null);
      setError(null);
      setFileError(null);
      setMapping(null);
      setResult(null);
      setRemap(false);
    }
  }, [opened]);

  async function runPreview(src: Source, m: typeof mapping) {
    setBusy('preview');
    const r = await call('applicants.previewImport', { ...src, ...(m ? { mapping: m.mapping, headerRow: m.headerRow } : {}) });
    setBusy(null);
    if (r.ok) {
      setPreview(r.value);
      setError(null);
    } else {
      setPreview(null);
      setError(r.error);
    }
  }

  async function pick(file: File | null) {
    if (!file) return;
    setFileError(null);
    setPreview(null);
    setError(null);
    setMapping(null);
    setResult(null);
    if (!/\.(csv|xlsx|txt)$/i.test(file.name)) return setFileError(t('applicants.fileType'));
    if (file.size > MAX_BYTES) return setFileError(t('applicants.fileTooLarge', { mb: MAX_BYTES / 1024 / 1024 }));
    const src = { fileName: file.name, contentBase64: await readFileAsBase64(file) };
    setSource(src);
    await runPreview(src, null);
  }

  async function commit() {
    if (!source) return;
    setBusy('commit');
    const r = await mutate('applicants.commitImport', {
      ...source,
      ...(mapping ? { mapping: mapping.mapping, headerRow: mapping.headerRow, saveMapping: mapping.save } : {}),
    });
    setBusy(null);
    if (!r.ok) return setError(r.error);
    setResult(r.value);
    notifySuccess(t('applicants.imported', r.value));
    onImported();
  }

  const writable = preview ? preview.imported + preview.updated : 0;
  return (
    <Dialog opened={opened} onClose={onClose} title={t('applicants.importTitle')} size={1000} closeOnClickOutside={false}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('applicants.importHint')}
        </Text>
        {!result && (
          <FilePicker
            onPick={(f) => void pick(f)}
            accept=".csv,.xlsx,.txt"
            inputTestId="applicants-file-input"
            fileName={source?.fileName ?? null}
            loading={busy === 'preview'}
            chooseLabel={t('applicants.chooseFile')}
            chooseAnotherLabel={t('applicants.chooseAnother')}
          />
        )}
        {fileError && (
          <Alert color="red" role="alert">
            {fileError}
          </Alert>
        )}
        {error && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" title={t('applicants.previewFailed')}>
            {errorText(error)}
          </Alert>
        )}
        {error && source && MAPPING_ERRORS.has(error.code) && (
          <MappingForm
            rows={(Array.isArray(error.details?.['rows']) ? error.details['rows'] : []) as string[][]}
            initialHeaderRow={typeof error.details?.['headerRow'] === 'number' ? error.details['headerRow'] : 1}
            initialMapping={{}}
            onApply={(headerRow, m, save) => {
              const next = { headerRow, mapping: m, save };
              setMapping(next);
              void runPreview(source, next);
            }}
          />
        )}
        {preview && !result && (
          <>
            <Group gap="xs">
              <Badge variant="light" color="gray">
                {t(`applicants.mappingSource.${preview.mappingSource}`)}
              </Badge>
              {preview.encoding && (
                <Badge variant="light" color="gray">
                  {preview.encoding}
                </Badge>
              )}
              <Badge variant="light" color={preview.rejected.length ? 'orange' : 'teal'} data-testid="import-summary">
                {t('applicants.summary', preview)}
              </Badge>
              <Button size="compact-xs" variant="subtle" onClick={() => setRemap((v) => !v)}>
                {t('applicants.mappingTitle')}
              </Button>
            </Group>
            {remap && source && (
              <MappingForm
                rows={preview.rowsPreview}
                initialHeaderRow={preview.headerRow}
                initialMapping={preview.mapping}
                recognised
                onApply={(headerRow, m, save) => {
                  const next = { headerRow, mapping: m, save };
                  setMapping(next);
                  setRemap(false);
                  void runPreview(source, next);
                }}
              />
            )}
            {preview.rejected.length > 0 && (
              <Alert
                color="orange"
                icon={<IconAlertTriangle size={18} />}
                title={t('applicants.problemsTitle', { count: preview.rejected.length })}
              >
                <ProblemTable problems={preview.rejected} testId="import-problems" />
                {preview.rejected.length > SHOWN && (
                  <Text size="sm">{t('applicants.problemsMore', { count: preview.rejected.length - SHOWN })}</Text>
                )}
              </Alert>
            )}
            {preview.warnings.length > 0 && (
              <Alert color="yellow" title={t('applicants.warningsTitle', { count: preview.warnings.length })}>
                <WarningGroups problems={preview.warnings} />
              </Alert>
            )}
            {preview.changes.length > 0 && (
              <Alert color="blue" title={t('applicants.changesTitle', { count: preview.changes.length })}>
                <ScrollArea.Autosize mah={160}>
                  {preview.changes.map((c) => (
                    <Text size="sm" key={c.applicantId}>
                      {c.row} · {c.name}（{c.idNumber}）：
                      {c.changes.map((x) => `${x.field} ${x.before ?? '—'} → ${x.after ?? '—'}`).join('；')}
                    </Text>
                  ))}
                </ScrollArea.Autosize>
              </Alert>
            )}
            <Group justify="flex-end">
              {writable === 0 && <Text size="sm">{t('applicants.nothingToImport')}</Text>}
              <Button onClick={() => void commit()} loading={busy === 'commit'} disabled={writable === 0}>
                {t('applicants.commit', { count: writable })}
              </Button>
            </Group>
          </>
        )}
        {result && source && (
          <>
            <Alert color="teal" data-testid="import-result">
              {t('applicants.imported', result)}
            </Alert>
            {result.rejected.length > 0 && <ProblemTable problems={result.rejected} testId="import-rejected" />}
            <Group justify="flex-end">
              {result.rejected.length > 0 && (
                <Button
                  variant="default"
                  leftSection={<IconDownload size={16} />}
                  onClick={() => void downloadRejections(source.fileName, result.rejected)}
                >
                  {t('applicants.downloadReport')}
                </Button>
              )}
              <Button onClick={onClose}>{t('applicants.close')}</Button>
            </Group>
          </>
        )}
      </Stack>
    </Dialog>
  );
}
