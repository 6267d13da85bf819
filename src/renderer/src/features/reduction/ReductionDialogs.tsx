import { Checkbox, FileButton, Button, NumberInput, Select, Text, TextInput, Textarea, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExperienceKind, ReductionFacts, ReductionRow } from '../../../../shared/contract/reduction';
import { DateField } from '../../components/DateFields';
import { FormDialog } from '../../components/FormDialog';
import { readFileAsBase64 } from '../../lib/file';
import { mutate } from '../../lib/query';
import { ReasonField } from '../../components/ReasonField';

export type DialogKind = 'facts' | 'outcome' | 'agreement' | 'rotation' | 'experience';

type Props = { row: ReductionRow; onClose: () => void };

/** A select whose empty choice means "not given" (an unknown fact, never a failing one). */
function FactSelect<T extends string>(p: {
  label: string;
  value: T | undefined;
  options: Record<T, string>;
  onChange: (v: T | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={p.label}
      value={p.value ?? ''}
      data={[
        { value: '', label: t('reduction.unknown') },
        ...Object.entries<string>(p.options).map(([value, label]) => ({ value, label })),
      ]}
      onChange={(v) => p.onChange(v ? (v as T) : undefined)}
      allowDeselect={false}
    />
  );
}

export function FactsDialog({ row, onClose }: Props) {
  const { t } = useTranslation();
  const [f, setF] = useState<ReductionFacts>(row.facts);
  const set = (patch: Partial<ReductionFacts>) => setF((x) => ({ ...x, ...patch }));
  const opts = (key: string) => t(key, { returnObjects: true }) as Record<string, string>;
  const matches = f.majorMatchesSpecialty === undefined ? undefined : f.majorMatchesSpecialty ? 'yes' : 'no';
  const clean = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as ReductionFacts;
  return (
    <FormDialog
      title={t('reduction.factsDialog')}
      opened
      onClose={onClose}
      submit={() => mutate('reduction.apply', { applicant: row.applicantId, facts: clean })}
    >
      <Text size="sm">{row.name}</Text>
      <FactSelect
        label={t('reduction.degreeLevel')}
        value={f.degreeLevel}
        options={opts('reduction.degreeLevels')}
        onChange={(v) => set({ degreeLevel: v as ReductionFacts['degreeLevel'] })}
      />
      <FactSelect
        label={t('reduction.degreeType')}
        value={f.degreeType}
        options={opts('reduction.degreeTypes')}
        onChange={(v) => set({ degreeType: v as ReductionFacts['degreeType'] })}
      />
      <FactSelect
        label={t('reduction.discipline')}
        value={f.degreeDiscipline}
        options={opts('reduction.disciplines')}
        onChange={(v) => set({ degreeDiscipline: v as ReductionFacts['degreeDiscipline'] })}
      />
      <TextInput
        label={t('reduction.major')}
        value={f.degreeMajor ?? ''}
        onChange={(e) => set({ degreeMajor: e.currentTarget.value || undefined })}
      />
      <FactSelect
        label={t('reduction.majorMatches')}
        value={matches}
        options={{ yes: t('reduction.yes'), no: t('reduction.no') }}
        onChange={(v) => set({ majorMatchesSpecialty: v === undefined ? undefined : v === 'yes' })}
      />
      <FactSelect
        label={t('reduction.foreign')}
        value={f.foreignDoctorate}
        options={opts('reduction.foreigns')}
        onChange={(v) => set({ foreignDoctorate: v as ReductionFacts['foreignDoctorate'] })}
      />
      <NumberInput
        label={t('reduction.workYears')}
        value={f.clinicalWorkYears ?? ''}
        min={0}
        max={60}
        onChange={(v) => set({ clinicalWorkYears: v === '' ? undefined : Number(v) })}
      />
    </FormDialog>
  );
}

/** "心血管内科 3" per line; a line that does not parse is kept so the core's message names it. */
function parseMakeup(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => {
      const m = /^(.+?)[\s:：]+(\d+(?:\.\d+)?)\s*(个月)?$/.exec(l);
      return m ? { department: m[1]!.trim(), months: Number(m[2]) } : { department: l, months: 0 };
    });
}

export function OutcomeDialog({ row, onClose }: Props) {
  const { t } = useTranslation();
  const o = row.outcome;
  const [months, setMonths] = useState(String(o?.monthsGranted ?? 12));
  const [makeup, setMakeup] = useState((o?.makeup ?? []).map((m) => `${m.department} ${m.months}`).join('\n'));
  const [decidedOn, setDecidedOn] = useState(o?.decidedOn ?? '');
  const [note, setNote] = useState(o?.note ?? '');
  const submit = () =>
    mutate('reduction.record', {
      applicant: row.applicantId,
      monthsGranted: Number(months),
      makeup: parseMakeup(makeup),
      decidedOn,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  return (
    <FormDialog title={t('reduction.outcomeDialog')} opened onClose={onClose} canSubmit={decidedOn !== ''} submit={submit}>
      <Text size="sm">{row.name}</Text>
      <Select
        label={t('reduction.months')}
        value={months}
        onChange={(v) => setMonths(v ?? '12')}
        data={['12', '24'].map((m) => ({ value: m, label: t('reduction.monthsValue', { months: m }) }))}
        allowDeselect={false}
      />
      <Textarea
        label={t('reduction.makeup')}
        description={t('reduction.makeupHint')}
        value={makeup}
        onChange={(e) => setMakeup(e.currentTarget.value)}
        autosize
        minRows={3}
      />
      <DateField
        label={t('reduction.decidedOn')}
        value={decidedOn}
        onChange={(e) => setDecidedOn(e.currentTarget.value)}
        required
      />
      <TextInput label={t('reduction.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
    </FormDialog>
  );
}

export function AgreementDialog({ row, onClose }: Props) {
  const { t } = useTranslation();
  const [signedOn, setSignedOn] = useState(row.agreement?.signedOn ?? '');
  return (
    <FormDialog
      title={t('reduction.agreementDialog')}
      opened
      onClose={onClose}
      canSubmit={signedOn !== ''}
      submit={() => mutate('reduction.agreement', { applicant: row.applicantId, signedOn })}
    >
      <Text size="sm">{row.name}</Text>
      <DateField
        label={t('reduction.signedDate')}
        value={signedOn}
        onChange={(e) => setSignedOn(e.currentTarget.value)}
        required
      />
    </FormDialog>
  );
}

export function RotationDialog({ row, onClose }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      title={t('reduction.rotationDialog')}
      opened
      onClose={onClose}
      canSubmit={reason.trim() !== ''}
      submit={() => mutate('reduction.applyToRotation', { applicant: row.applicantId, reason: reason.trim() })}
    >
      <Text size="sm">{t('reduction.rotationHint')}</Text>
      <TextInput label={t('reduction.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required />
    </FormDialog>
  );
}

export function ExperienceDialog({ row, onClose }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ExperienceKind>('professional-graduate');
  const [hospital, setHospital] = useState('');
  const [specialty, setSpecialty] = useState(row.specialtyName ?? '');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [recognised, setRecognised] = useState(true);
  const [proof, setProof] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const kinds = t('reduction.kinds', { returnObjects: true }) as Record<ExperienceKind, string>;
  const submit = () =>
    mutate('reduction.addExperience', {
      applicant: row.applicantId,
      kind,
      hospital: hospital.trim(),
      specialty: specialty.trim(),
      from,
      to,
      recognisedBase: recognised,
      ...(proof ? { proof } : {}),
    });
  return (
    <FormDialog
      title={t('reduction.experienceDialog')}
      opened
      onClose={onClose}
      canSubmit={hospital.trim() !== '' && from !== '' && to !== ''}
      submit={submit}
    >
      <Text size="sm">{row.name}</Text>
      <Select
        label={t('reduction.kind')}
        value={kind}
        onChange={(v) => setKind((v ?? kind) as ExperienceKind)}
        data={Object.entries(kinds).map(([value, label]) => ({ value, label }))}
        allowDeselect={false}
      />
      <TextInput label={t('reduction.hospital')} value={hospital} onChange={(e) => setHospital(e.currentTarget.value)} required />
      <TextInput
        label={t('reduction.expSpecialty')}
        value={specialty}
        onChange={(e) => setSpecialty(e.currentTarget.value)}
        required
      />
      <Group grow>
        <DateField label={t('reduction.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} required />
        <DateField label={t('reduction.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} required />
      </Group>
      <Checkbox
        label={t('reduction.recognisedBase')}
        checked={recognised}
        onChange={(e) => setRecognised(e.currentTarget.checked)}
      />
      <Group>
        <FileButton
          accept="image/png,image/jpeg,application/pdf"
          onChange={(f) => f && void readFileAsBase64(f).then((b) => setProof({ fileName: f.name, contentBase64: b }))}
        >
          {(props) => (
            <Button variant="default" {...props} data-testid="reduction-proof-button">
              {t('reduction.chooseProof')}
            </Button>
          )}
        </FileButton>
        <Text size="sm">{proof?.fileName ?? t('reduction.noProof')}</Text>
      </Group>
    </FormDialog>
  );
}

export function ReviewDialog({ experienceId, accept, onClose }: { experienceId: string; accept: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      title={t('reduction.reviewDialog')}
      opened
      onClose={onClose}
      submitLabel={accept ? t('reduction.accept') : t('reduction.reject')}
      color={accept ? undefined : 'red'}
      submit={() =>
        mutate('reduction.reviewExperience', { id: experienceId, accept, ...(reason.trim() ? { reason: reason.trim() } : {}) })
      }
    >
      <ReasonField label={t('reduction.reviewReason')} value={reason} onChange={setReason} />
    </FormDialog>
  );
}
