import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolResult } from '../../../../shared/contract/trainees';
import { errorText } from '../../app/errors';
import { DateField } from '../../components/DateFields';
import { Dialog } from '../../components/Dialog';
import { useMutation } from '../../lib/query';

/** 从录取名单生成学员: admitted and reported-in applicants become trainees; the result says who was left out. */
export function EnrolDialog({ opened, onClose, cohortYear }: { opened: boolean; onClose: () => void; cohortYear: number }) {
  const { t } = useTranslation();
  const [start, setStart] = useState(`${cohortYear}-09-01`);
  const [result, setResult] = useState<EnrolResult | null>(null);
  const enrol = useMutation('trainees.enrol');
  const { setError } = enrol;
  useEffect(() => {
    if (!opened) return;
    setStart(`${cohortYear}-09-01`);
    setResult(null);
    setError(null);
  }, [opened, cohortYear, setError]);

  async function submit() {
    const r = await enrol.run({ cohortYear, startDate: start });
    if (r.ok) setResult(r.value);
  }

  return (
    <Dialog opened={opened} onClose={onClose} title={t('trainees.enrolTitle')} size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('trainees.enrolHint')}
        </Text>
        {!result && (
          <DateField label={t('trainees.enrolStart')} value={start} onChange={(e) => setStart(e.currentTarget.value)} />
        )}
        {enrol.error && (
          <Alert color="red" role="alert">
            {errorText(enrol.error)}
          </Alert>
        )}
        {result && (
          <>
            <Alert color="teal" data-testid="enrol-result">
              {t('trainees.enrolDone', result)}
            </Alert>
            {result.skipped.length > 0 && (
              <Alert color="orange" title={t('trainees.enrolSkipped', { count: result.skipped.length })}>
                {result.skipped.map((n) => (
                  <Text size="sm" key={n.applicantId}>
                    {n.name}（{n.idNumber}）：{n.message}
                  </Text>
                ))}
              </Alert>
            )}
            {result.warnings.length > 0 && (
              <Alert color="yellow" title={t('trainees.enrolWarnings', { count: result.warnings.length })}>
                {result.warnings.map((n) => (
                  <Text size="sm" key={n.applicantId}>
                    {n.name}（{n.idNumber}）：{n.message}
                  </Text>
                ))}
              </Alert>
            )}
          </>
        )}
        <Group justify="flex-end">
          {result ? (
            <Button onClick={onClose}>{t('common.close')}</Button>
          ) : (
            <>
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => void submit()} loading={enrol.busy}>
                {t('trainees.enrolSubmit')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Dialog>
  );
}
