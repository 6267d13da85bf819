import { Button, Select } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/permissions';
import { useSession } from '../../app/session';
import { FormDialog } from '../../components/FormDialog';
import { EmptyState, LoadingState } from '../../components/states';
import { mutate, useQuery } from '../../lib/query';
import { ReasonField } from '../../components/ReasonField';

/**
 * A year without a calendar: say so plainly and offer the way forward (start from a shipped or earlier
 * year's calendar), instead of an error code.
 */
export function NoCalendar({ year }: { year: number }) {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const canManage = role ? can(role, 'exam.manage') : false;
  const [open, setOpen] = useState(false);
  return (
    <>
      <EmptyState
        title={t('exam.calendar.noneTitle', { year })}
        description={t(canManage ? 'exam.calendar.noneHint' : 'exam.calendar.noneAsk')}
        action={
          canManage && (
            <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setOpen(true)}>
              {t('exam.calendar.create')}
            </Button>
          )
        }
      />
      {open && <CopyCalendarDialog year={year} onClose={() => setOpen(false)} />}
    </>
  );
}

function CopyCalendarDialog({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const state = useQuery('exam.calendar', { year });
  const [from, setFrom] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const sources = state.data?.sources;
  useEffect(() => {
    if (from === null && sources?.[0]) setFrom(sources[0].id);
  }, [from, sources]);
  return (
    <FormDialog
      title={t('exam.calendar.createTitle', { year })}
      opened
      onClose={onClose}
      submitLabel={t('exam.calendar.createSubmit')}
      canSubmit={from !== null && reason.trim().length >= 2}
      submit={() => mutate('exam.copyCalendar', { year, from: from ?? '', reason: reason.trim() })}
    >
      {!state.data ? (
        <LoadingState />
      ) : (
        <Select
          label={t('exam.calendar.from')}
          description={t('exam.calendar.fromHint', { year })}
          data={(sources ?? []).map((s) => ({ value: s.id, label: s.label }))}
          value={from}
          onChange={setFrom}
          allowDeselect={false}
          required
        />
      )}
      <ReasonField
        label={t('exam.calendar.reason')}
        placeholder={t('exam.calendar.createReasonPlaceholder')}
        value={reason}
        onChange={setReason}
        required
      />
    </FormDialog>
  );
}
