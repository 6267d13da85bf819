import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../../shared/contract/outbox';
import { call } from '../../app/call';
import { notifyError, notifySuccess } from '../../app/notify';
import { readableFileName, saveBase64, saveText } from '../../lib/download';

/** Saves a package from the outbox with its .sha512 sidecar, under a name that says what it is. */
export function useDownloadPackage(): (item: OutboxItem) => Promise<void> {
  const { t } = useTranslation();
  return async (item) => {
    const r = await call('outbox.download', { uuid: item.uuid });
    if (!r.ok) return notifyError(r.error);
    // The outbox names files by uuid; a person's Downloads folder gets a name that says what the package is.
    const stored = r.value.fileName;
    const stem = t('outbox.fileStem', { kind: t(`outbox.kinds.${item.kind}`), year: item.cohortYear, seq: item.sequence });
    const name = readableFileName(`${stem}${stored.slice(stored.indexOf('.'))}`);
    saveBase64(name, r.value.contentBase64);
    saveText(`${name}.sha512`, r.value.sidecar.replace(stored, name));
    notifySuccess(t('outbox.downloaded', { file: name }));
  };
}
