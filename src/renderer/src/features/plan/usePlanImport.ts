import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpInput } from '../../../../shared/contract';
import type { PlanPreview, PlanView } from '../../../../shared/contract/plan';
import type { ApiError } from '../../../../shared/errors';
import { call } from '../../app/call';
import { notifySuccess } from '../../app/notify';
import { MAX_IMPORT_BYTES, readFileAsBase64 } from '../../lib/file';
import { mutate } from '../../lib/query';
import type { ImportVerdict } from './ImportVerdictBar';
import { replaceReady } from './PlanReplaceSection';
import { ADD_LOCAL } from './UnknownSpecialties';

type Source = { fileName: string; contentBase64: string };
type Mappings = OpInput<'plan.commitImport'>['mappings'];
type Choices = Record<string, string | null>;

const BASE_COLUMN_ERRORS = new Set(['PLAN_BASE_COLUMN_REQUIRED', 'PLAN_BASE_COLUMN_UNKNOWN']);

function baseColumnsOf(error: ApiError | null): string[] {
  const list = error && BASE_COLUMN_ERRORS.has(error.code) ? error.details?.['baseColumns'] : null;
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
}

/** The mapping choices as the core takes them: a catalogue code, or "add as a local specialty". */
function mappingsOf(choices: Choices): Mappings {
  const m: Mappings = {};
  for (const [name, choice] of Object.entries(choices)) {
    if (choice === ADD_LOCAL) m[name] = { add: true };
    else if (choice) m[name] = { code: choice };
  }
  return m;
}

/** Which columns could be this base's, and what still blocks the commit. */
function verdictOf(
  preview: PlanPreview | null,
  previewError: ApiError | null,
  mappings: Choices,
  reason: string,
  remap: Choices,
): { choices: string[]; verdict: ImportVerdict } {
  const choices = previewError ? baseColumnsOf(previewError) : (preview?.baseColumns ?? []);
  const verdict = {
    hasPreview: !!preview,
    previewFailed: !!previewError,
    choices: choices.length,
    problems: preview?.problems.length ?? 0,
    unmapped: preview ? preview.unknownSpecialties.filter((u) => !mappings[u.name]).length : 0,
    replaceBlocked: !!preview && !replaceReady(preview.diff, reason, remap),
  };
  return { choices, verdict };
}

/**
 * The plan import's state: the picked file, its preview (nothing written), this base's column, the unknown
 * names' mappings and the replacement's reason; commit replaces this cohort's plan in one transaction.
 */
export function usePlanImport({
  opened,
  onImported,
  onClose,
}: {
  opened: boolean;
  onImported: (p: PlanView) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [source, setSource] = useState<Source | null>(null);
  const [baseColumn, setBaseColumn] = useState<string | null>(null);
  const [preview, setPreview] = useState<PlanPreview | null>(null);
  const [previewError, setPreviewError] = useState<ApiError | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mappings, setMappings] = useState<Choices>({});
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);
  const [commitError, setCommitError] = useState<ApiError | null>(null);
  const [reason, setReason] = useState('');
  const [remap, setRemap] = useState<Choices>({});

  function clearPreview() {
    setPreview(null);
    setPreviewError(null);
    setBaseColumn(null);
    setMappings({});
  }

  useEffect(() => {
    if (opened) {
      setSource(null);
      setPreview(null);
      setPreviewError(null);
      setBaseColumn(null);
      setMappings({});
      setFileError(null);
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
    clearPreview();
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

  function chooseBaseColumn(column: string | null) {
    setBaseColumn(column);
    if (source && column) void runPreview(source, column);
  }

  async function commit() {
    if (!source || !preview) return;
    setBusy('commit');
    setCommitError(null);
    const replacing = preview.diff && !preview.diff.identical;
    const remapped = Object.fromEntries(Object.entries(remap).filter((e): e is [string, string] => !!e[1]));
    const r = await mutate('plan.commitImport', {
      ...source,
      ...(baseColumn ? { baseColumn } : {}),
      mappings: mappingsOf(mappings),
      ...(replacing ? { replace: true, reason: reason.trim(), remap: remapped } : {}),
    });
    setBusy(null);
    if (!r.ok) return setCommitError(r.error);
    onImported(r.value);
    notifySuccess(t('plan.imported', { file: source.fileName, total: r.value.total, count: r.value.rows.length }));
    onClose();
  }

  const { choices, verdict } = verdictOf(preview, previewError, mappings, reason, remap);
  return {
    source,
    baseColumn,
    preview,
    previewError,
    fileError,
    mappings,
    busy,
    commitError,
    reason,
    remap,
    choices,
    verdict,
    pick,
    chooseBaseColumn,
    commit,
    setReason,
    map: (name: string, v: string | null) => setMappings((m) => ({ ...m, [name]: v })),
    remapCode: (code: string, to: string | null) => setRemap((r) => ({ ...r, [code]: to })),
  };
}
