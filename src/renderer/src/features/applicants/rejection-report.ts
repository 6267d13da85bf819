import type { RowProblem } from '../../../../shared/contract/applicants';
import { call } from '../../app/call';
import { notifyError } from '../../app/notify';
import { saveBase64, XLSX_MIME } from '../../lib/download';

/** The rejected rows as a spreadsheet the clerk can send back to whoever filled the roster in. */
export async function downloadRejections(sourceFileName: string, rejected: RowProblem[]): Promise<void> {
  const r = await call('applicants.rejectionReport', { sourceFileName, rejected });
  if (!r.ok) return notifyError(r.error);
  saveBase64(r.value.fileName, r.value.contentBase64, XLSX_MIME);
}
