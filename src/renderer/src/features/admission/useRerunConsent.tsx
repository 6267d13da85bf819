import { useState } from 'react';
import type { AdmissionRunView } from '../../../../shared/contract/admission';
import type { ApiError } from '../../../../shared/errors';
import { mutate } from '../../lib/query';
import type { Consent } from './consent';
import { RerunConfirmDialog } from './RerunConfirmDialog';

type RerunRequest = { error: ApiError; retry: (reason: string) => Promise<ApiError | null>; cancel: () => void };

/**
 * The consent every admission change goes through: a change after publication opens the re-run confirmation
 * dialog (a reason), then retries with confirm. `dialog` must be rendered by the page using it.
 */
export function useRerunConsent() {
  const [rerun, setRerun] = useState<RerunRequest | null>(null);
  const consent: Consent = async (attempt) => {
    const first = await attempt(null);
    if (first.ok) return first.value;
    if (first.error.code !== 'ADMISSION_PUBLISHED') throw first.error;
    return new Promise<AdmissionRunView | null>((resolve) => {
      setRerun({
        error: first.error,
        retry: async (reason) => {
          const r = await attempt({ confirm: true, reason });
          if (!r.ok) return r.error;
          resolve(r.value);
          return null;
        },
        cancel: () => {
          setRerun(null);
          resolve(null);
        },
      });
    });
  };
  const dialog = <RerunConfirmDialog request={rerun} onDone={() => setRerun(null)} />;
  return { consent, dialog };
}

/** `admission.run` through consent, optionally skipping choices outside the plan. */
export function rerunAllocation(consent: Consent, skipInvalidChoices = false): Promise<AdmissionRunView | null> {
  return consent((c) =>
    mutate('admission.run', {
      ...(skipInvalidChoices ? { skipInvalidChoices: true } : {}),
      ...(c ? { confirm: true, reason: c.reason } : {}),
    }),
  );
}
