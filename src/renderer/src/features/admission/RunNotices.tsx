import { Alert, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdmissionRunView } from '../../../../shared/contract/admission';
import { ChangesPanel } from './ChangesPanel';

/**
 * What the run has to say: stored decisions it could not apply (red), what changed against the previous run,
 * then its warnings folded away (at most 200 shown).
 */
export function RunNotices({ view }: { view: AdmissionRunView }) {
  const { t } = useTranslation();
  return (
    <>
      {view.decisionErrors.length > 0 && (
        <Alert
          color="red"
          variant="light"
          title={t('admission.notices.decisionErrors', { count: view.decisionErrors.length })}
          data-testid="decision-errors"
        >
          <Stack gap={2}>
            {view.decisionErrors.map((e, i) => (
              <Text size="sm" key={i}>
                {e.message}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {view.changes.length > 0 && <ChangesPanel changes={view.changes} />}
      {view.warnings.length > 0 && (
        <Paper withBorder p="sm" data-testid="warnings">
          <details>
            <summary>
              <Text span size="sm" c="dimmed">
                {t('admission.notices.warnings', { count: view.warnings.length })}
              </Text>
            </summary>
            <Stack gap={2} mt="xs">
              {view.warnings.slice(0, 200).map((w, i) => (
                <Text size="xs" key={i}>
                  {w.message}
                </Text>
              ))}
            </Stack>
          </details>
        </Paper>
      )}
    </>
  );
}
