import { useState } from 'react';
import type { AdmissionRunView } from '../../../../shared/contract/admission';
import type { ApiError, Result } from '../../../../shared/errors';
import { errorText } from '../../app/errors';

/** Runs a change; when the list is already published, asks for confirmation and a reason, then retries. */
export type Consent = (
  attempt: (confirm: { confirm: true; reason: string } | null) => Promise<Result<AdmissionRunView>>,
) => Promise<AdmissionRunView | null>;

/** Busy and error state of a dialog whose change goes through `consent`; `run` gives the new view, or null once the error is shown. */
export function useConsentedChange(consent: Consent) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(attempt: Parameters<Consent>[0]): Promise<AdmissionRunView | null> {
    setBusy(true);
    const v = await consent(attempt).catch((err: ApiError) => {
      setError(errorText(err));
      return null;
    });
    setBusy(false);
    return v;
  }
  return { error, setError, busy, run };
}
