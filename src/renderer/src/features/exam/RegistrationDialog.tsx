import { Alert, Checkbox, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamRegistrationView, ExamSubject, ExamTrackingRow } from '../../../../shared/contract/exam';
import type { Result } from '../../../../shared/errors';
import { FormDialog } from '../../components/FormDialog';
import { mutate } from '../../lib/query';

type Flags = Pick<ExamRegistrationView, 'provincial' | 'national' | 'identical' | 'statusSeen'>;
const FLAGS_OF: Record<ExamSubject, Array<keyof Flags>> = {
  // 仅报考临床实践能力考核的考生只需在福建省助理全科医生培训系统上报名 (福建2024 三(一)).
  theory: ['provincial', 'national', 'identical', 'statusSeen'],
  skills: ['provincial', 'statusSeen'],
};

/**
 * Online registration for one candidate, subject by subject. After the registration deadline the warning
 * shows first and a reason is required before anything is saved.
 */
export function RegistrationDialog({
  year,
  row,
  late,
  onClose,
}: {
  year: number;
  row: ExamTrackingRow;
  late: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [flags, setFlags] = useState<Record<string, Flags>>(() =>
    Object.fromEntries(
      row.registrations.map((r) => [
        r.subject,
        { provincial: r.provincial, national: r.national, identical: r.identical, statusSeen: r.statusSeen },
      ]),
    ),
  );
  const [reason, setReason] = useState('');
  const set = (subject: string, key: keyof Flags, value: boolean) =>
    setFlags((f) => ({ ...f, [subject]: { ...f[subject]!, [key]: value } }));

  async function save(): Promise<Result<unknown>> {
    for (const r of row.registrations) {
      const next = flags[r.subject]!;
      if (FLAGS_OF[r.subject].every((k) => next[k] === r[k])) continue;
      const result = await mutate('exam.setRegistration', {
        year,
        trainee: row.traineeId,
        subject: r.subject,
        ...next,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      if (!result.ok) return result;
    }
    return { ok: true, value: null };
  }

  return (
    <FormDialog
      title={t('exam.tracking.dialogTitle', { name: row.name })}
      opened
      onClose={onClose}
      canSubmit={late === null || reason.trim().length >= 2}
      submit={save}
    >
      {late && (
        <Alert color="orange" title={t('exam.warning')} data-testid="exam-late-warning">
          {late}
        </Alert>
      )}
      {row.registrations.map((r) => (
        <Stack key={r.subject} gap={6}>
          <Text fw={600} size="sm">
            {t(`exam.subjectNames.${r.subject}`)}
          </Text>
          <Stack gap={6} pl="xs">
            {FLAGS_OF[r.subject].map((k) => (
              <Checkbox
                key={k}
                label={t(`exam.tracking.flags.${k}`)}
                checked={flags[r.subject]![k]}
                onChange={(e) => set(r.subject, k, e.currentTarget.checked)}
              />
            ))}
          </Stack>
        </Stack>
      ))}
      <Textarea
        label={t('exam.note')}
        description={late ? t('exam.tracking.lateReason') : t('exam.tracking.noteHint')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={2}
        required={late !== null}
      />
    </FormDialog>
  );
}
