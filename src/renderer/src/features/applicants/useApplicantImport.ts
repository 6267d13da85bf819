import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantFieldKey, ImportPreview, ImportResult } from '../../../../shared/contract/applicants';
import type { ApiError } from '../../../../shared/errors';
import { call } from '../../app/call';
import { notifySuccess } from '../../app/notify';
import { readFileAsBase64 } from '../../lib/file';
import { mutate } from '../../lib/query';

export type ImportSource = { fileName: string; contentBase64: string };
export type ColumnMapping = { headerRow: number; mapping: Record<string, ApplicantFieldKey>; save: boolean };

const MAX_BYTES = 32 * 1024 * 1024;

/**
 * The import's steps: a picked file is previewed (nothing written), a hand-made column mapping previews it
 * again, commit writes the valid rows. Opening the dialog starts over.
 */
export function useApplicantImport(opened: boolean, onImported: () => void) {
  const { t } = useTranslation();
  const [source, setSource] = useState<ImportSource | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  function clear() {
    setPreview(null);
    setError(null);
    setFileError(null);
    setMapping(null);
    setResult(null);
  }

  useEffect(() => {
    if (!opened) return;
    setSource(null);
    setPreview(null);
    setError(null);
    setFileError(null);
    setMapping(null);
    setResult(null);
  }, [opened]);

  async function runPreview(src: ImportSource, m: ColumnMapping | null) {
    setBusy('preview');
    const r = await call('applicants.previewImport', { ...src, ...(m ? { mapping: m.mapping, headerRow: m.headerRow } : {}) });
    setBusy(null);
    setPreview(r.ok ? r.value : null);
    setError(r.ok ? null : r.error);
  }

  async function pick(file: File | null) {
    if (!file) return;
    clear();
    if (!/\.(csv|xlsx|txt)$/i.test(file.name)) return setFileError(t('applicants.fileType'));
    if (file.size > MAX_BYTES) return setFileError(t('applicants.fileTooLarge', { mb: MAX_BYTES / 1024 / 1024 }));
    const src = { fileName: file.name, contentBase64: await readFileAsBase64(file) };
    setSource(src);
    await runPreview(src, null);
  }

  /** A column mapping made by hand: used for the preview now and for the commit later. */
  function applyMapping(next: ColumnMapping) {
    if (!source) return;
    setMapping(next);
    void runPreview(source, next);
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

  return { source, preview, error, fileError, busy, result, pick, applyMapping, commit };
}
