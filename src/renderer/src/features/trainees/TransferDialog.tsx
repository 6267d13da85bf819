import { SegmentedControl, Select, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TraineeDetail } from '../../../../shared/contract/trainees';
import { DateField, isValidDate } from '../../components/DateFields';
import { FormDialog } from '../../components/FormDialog';
import { ReasonField } from '../../components/ReasonField';
import { todayInBeijing } from '../../lib/format';
import { mutate, useQuery } from '../../lib/query';

type Kind = 'specialty' | 'base';

/**
 * 变更培训专业 / 变更培训基地: the new specialty from this base's catalogue, or the other base by name, from a
 * date, with a reason. The change is kept in the trainee's record (the drawer lists it) and audited.
 */
export function TransferDialog({ detail, opened, onClose }: { detail: TraineeDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const catalogue = useQuery('catalogue.list', {}, opened);
  const [kind, setKind] = useState<Kind>('specialty');
  const [after, setAfter] = useState('');
  const [date, setDate] = useState(todayInBeijing);
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (!opened) return;
    setKind('specialty');
    setAfter('');
    setDate(todayInBeijing());
    setReason('');
  }, [opened]);
  const specialties = (catalogue.data ?? [])
    .filter((s) => s.active && s.code !== detail.specialtyCode)
    .map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }));
  return (
    <FormDialog
      title={t('trainees.transfer')}
      opened={opened}
      onClose={onClose}
      canSubmit={after.trim() !== '' && reason.trim().length >= 2 && isValidDate(date)}
      submit={() =>
        mutate('trainees.transfer', { id: detail.id, kind, after: after.trim(), effectiveDate: date, reason: reason.trim() })
      }
    >
      <Text size="sm">{detail.name}</Text>
      <SegmentedControl
        value={kind}
        onChange={(v) => {
          setKind(v as Kind);
          setAfter('');
        }}
        data={[
          { value: 'specialty', label: t('trainees.transferSpecialty') },
          { value: 'base', label: t('trainees.transferBase') },
        ]}
      />
      {kind === 'specialty' ? (
        <Select
          label={t('trainees.transferToSpecialty')}
          description={t('trainees.transferFrom', { from: `${detail.specialtyCode} ${detail.specialtyName}` })}
          data={specialties}
          value={after || null}
          onChange={(v) => setAfter(v ?? '')}
          searchable
          nothingFoundMessage={t('trainees.noSpecialty')}
        />
      ) : (
        <TextInput
          label={t('trainees.transferToBase')}
          description={t('trainees.transferToBaseHint')}
          maxLength={100}
          value={after}
          onChange={(e) => setAfter(e.currentTarget.value)}
        />
      )}
      <DateField label={t('trainees.transferDate')} value={date} onChange={(e) => setDate(e.currentTarget.value)} />
      <ReasonField label={t('trainees.reason')} value={reason} onChange={setReason} />
    </FormDialog>
  );
}
