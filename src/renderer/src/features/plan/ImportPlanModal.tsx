import { Alert, Badge, Button, Group, List, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FilePicker } from '../../components/FilePicker';
import type { OpInput } from '../../../../shared/contract';
import type { PlanPreview, PlanView } from '../../../../shared/contract/plan';
import type { ApiError } from '../../../../shared/errors';
import { mutate } from '../../lib/query';
import { call } from '../../app/call';
import { errorText } from '../../app/errors';
import { notifySuccess } from '../../app/notify';
import { ErrorState } from '../../components/states';
import { MAX_IMPORT_BYTES, readFileAsBase64 } from '../../lib/file';
import { ImportPreviewTable } from './ImportPreviewTable';
import { PlanReplaceSection, replaceReady } from './PlanReplaceSection';
import { ADD_LOCAL, UnknownSpecialties } from './UnknownSpecialties';

type Source = { fileName: string; contentBase64: string };
type Mappings = OpInput<'plan.commitImport'>['mappings'];

const BASE_COLUMN_ERRORS = new Set(['PLAN_BASE_COLUMN_REQUIRED', 'PLAN_BASE_COLUMN_UNKNOWN']);

function baseColumnsOf(error: ApiError | null): string[] {
  const list = error && BASE_COLUMN_ERRORS.has(error.code) ? error.details?.['baseColumns'] : null;
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * Pick a file -> preview (nothing written) -> choose this base's column and map unknown specialty names ->
 * commit, which replaces this cohort's plan in one transaction. Commit stays disabled while problems remain.
 */
export function ImportPlanModal({
  opened,
  onClose,
  onImported,
}: {
  opened: boolean;
  onClose: () => void;
  onImported: (p: PlanView) => void;
}) {
  const { t } = useTranslation();
  const [source, setSource] = useState<Source | null>(null);
  const [baseColumn, setBaseColumn] = useState<string | null>(null);
  const [preview, setPreview] = useState<PlanPreview | null>(null);
  const [previewError, setPreviewError] = useState<ApiError | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mappings, setMappings] = useState<Record<string, string | null>>({});
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);
  const [commitError, setCommitError] = useState<ApiError | null>(null);
  const [reason, setReason] = useState('');
  const [remap, setRemap] = useState<Record<string, string | null>>({});

  useEffect(() => {
    if (opened) {
      setSource(null);
      setBaseColumn(null);
      setPreview(null);
      setPreviewError(null);
      setFileError(null);
      setMappings({});
      setCommitError(null);
    }
  }, [opened]);

  async function runPreview(src: Source, column: string | null) {
    setBusy('preview');
    setCommitError(null);
    const r = await call('plan.previewImport', { ...src, ...(column ? { baseColumn: column } : {}) });
    setBusy(null);
    if (r.ok) {
      setPreview(r.value);
      setPreviewError(null);
      setBaseColumn(r.value.baseColumn);
      setMappings((m) => Object.fromEntries(r.value.unknownSpecialties.map((u) => [u.name, m[u.name] ?? null])));
    } else {
      setPreview(null);
      setPreviewError(r.error);
    }
  }

  async function pick(file: File | null) {
    if (!file) return;
    setFileError(null);
    setPreview(null);
    setPreviewError(null);
    setBaseColumn(null);
    setMappings({});
    if (!/\.(csv|xlsx|xls)$/i.test(file.name)) return setFileError(t('plan.fileType'));
    if (file.size > MAX_IMPORT_BYTES) return setFileError(t('plan.fileTooLarge', { mb: MAX_IMPORT_BYTES / 1024 / 1024 }));
    let contentBase64: string;
    try {
      contentBase64 = await readFileAsBase64(file);
    } catch {
      return setFileError(t('plan.fileUnreadable', { name: file.name }));
    }
    const src = { fileName: file.name, contentBase64 };
    setSource(src);
    await runPreview(src, null);
  }

  async function commit() {
    if (!source || !preview) return;
    const m: Mappings = {};
    for (const [name, choice] of Object.entries(mappings)) {
      if (choice === ADD_LOCAL) m[name] = { add: true };
      else if (choice) m[name] = { code: choice };
    }
    setBusy('commit');
    setCommitError(null);
    const replacing = preview.diff && !preview.diff.identical;
    const remapped = Object.fromEntries(Object.entries(remap).filter((e): e is [string, string] => !!e[1]));
    const r = await mutate('plan.commitImport', {
      ...source,
      ...(baseColumn ? { baseColumn } : {}),
      mappings: m,
      ...(replacing ? { replace: true, reason: reason.trim(), remap: remapped } : {}),
    });
    setBusy(null);
    if (!r.ok) return setCommitError(r.error);
    onImported(r.value);
    notifySuccess(t('plan.imported', { file: source.fileName, total: r.value.total, count: r.value.rows.length }));
    onClose();
  }

  const choices = previewError ? baseColumnsOf(previewError) : (preview?.baseColumns ?? []);
  const unmapped = preview ? preview.unknownSpecialties.filter((u) => !mappings[u.name]).length : 0;
  const problems = preview?.problems ?? [];
  const replaceBlocked = !!preview && !replaceReady(preview.diff, reason, remap);
  const blocked = !preview || problems.length > 0 || unmapped > 0 || replaceBlocked;

  return (
    <Dialog opened={opened} onClose={onClose} title={t('plan.importTitle')} size={980} closeOnClickOutside={false}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('plan.importHint')}
        </Text>
        <FilePicker
          onPick={(f) => void pick(f)}
          accept=".csv,.xlsx,.xls,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel"
          inputTestId="plan-file-input"
          fileName={source?.fileName ?? null}
          fileNameTestId="import-file-name"
          loading={busy === 'preview'}
          chooseLabel={t('plan.chooseFile')}
          chooseAnotherLabel={t('plan.chooseAnother')}
        />
        {fileError && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {fileError}
          </Alert>
        )}

        {previewError && (
          <Alert
            color={choices.length ? 'yellow' : 'red'}
            icon={<IconAlertTriangle size={18} />}
            role="alert"
            title={t('plan.previewFailed')}
          >
            {errorText(previewError)}
          </Alert>
        )}

        {source && choices.length > 1 && (
          <Select
            label={t('plan.baseColumn')}
            description={t('plan.baseColumnHint')}
            placeholder={t('plan.baseColumnPlaceholder')}
            data={choices}
            value={baseColumn}
            searchable
            allowDeselect={false}
            onChange={(v) => {
              setBaseColumn(v);
              if (v) void runPreview(source, v);
            }}
            maw={420}
            disabled={busy !== null}
          />
        )}

        {preview && (
          <>
            <Group gap="xs">
              <Badge variant="light" color="gray">
                {t(`plan.shapes.${preview.shape}`)}
              </Badge>
              {preview.encoding && (
                <Badge variant="light" color="gray">
                  {t('plan.encoding', { encoding: preview.encoding })}
                </Badge>
              )}
              {preview.baseColumn && (
                <Badge variant="light" color="blue">
                  {t('plan.baseColumnChosen', { column: preview.baseColumn })}
                </Badge>
              )}
              <Badge variant="light" color="teal" data-testid="preview-total">
                {t('plan.previewTotal', { total: preview.total, count: preview.rows.length })}
              </Badge>
            </Group>

            {problems.length > 0 && (
              <Alert
                color="red"
                icon={<IconAlertTriangle size={18} />}
                title={t('plan.problemsTitle', { count: problems.length })}
                role="alert"
              >
                <List size="sm" spacing={2}>
                  {problems.map((p, i) => (
                    <List.Item key={i}>
                      {errorText({ code: p.code, message: p.message, details: { row: p.row ?? undefined } })}
                    </List.Item>
                  ))}
                </List>
                <Text size="sm" mt="xs">
                  {t('plan.problemsFix')}
                </Text>
              </Alert>
            )}

            <UnknownSpecialties
              unknown={preview.unknownSpecialties}
              mappings={mappings}
              onChange={(name, v) => setMappings((m) => ({ ...m, [name]: v }))}
            />

            {preview.diff && !preview.diff.identical && (
              <PlanReplaceSection
                diff={preview.diff}
                preview={preview}
                reason={reason}
                onReason={setReason}
                remap={remap}
                onRemap={(code, to) => setRemap((r) => ({ ...r, [code]: to }))}
              />
            )}

            <ImportPreviewTable preview={preview} />
          </>
        )}

        {commitError && <ErrorState error={commitError} title={t('plan.commitFailed')} />}

        {/* Sticky: long previews scroll inside the dialog while the verdict and the buttons stay in view. */}
        <Group
          justify="space-between"
          py="sm"
          style={{
            position: 'sticky',
            bottom: 0,
            zIndex: 3,
            background: 'var(--mantine-color-body)',
            borderTop: '1px solid var(--mantine-color-default-border)',
          }}
        >
          <Text size="sm" c={blocked && (preview || previewError) ? 'red' : 'dimmed'}>
            {!preview
              ? previewError && choices.length > 1
                ? t('plan.needBaseColumn')
                : previewError
                  ? t('plan.needOtherFile')
                  : t('plan.needPreview')
              : problems.length > 0
                ? t('plan.blockedProblems', { count: problems.length })
                : unmapped > 0
                  ? t('plan.blockedUnknown', { count: unmapped })
                  : replaceBlocked
                    ? t('plan.blockedReplace')
                    : t('plan.readyToCommit')}
          </Text>
          <Group>
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void commit()} disabled={blocked || busy !== null} loading={busy === 'commit'}>
              {t('plan.commit')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Dialog>
  );
}
