import { ActionIcon, Button, Fieldset, Group, Radio, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  emptyEducation,
  emptyWork,
  type EducationDraft,
  type EntryDraft,
  type EntryField,
  type WorkDraft,
} from './manual-entry-form';

export type SectionProps = {
  draft: EntryDraft;
  setDraft: (f: (d: EntryDraft) => EntryDraft) => void;
  errors: Partial<Record<string, string>>;
};

type Option = { value: string; label: string };

/** One roster field as a text input, its core problem (if any) shown under it. */
function useFieldInput({ draft, setDraft, errors }: SectionProps) {
  const { t } = useTranslation();
  return (k: EntryField, extra: { autoFocus?: boolean; description?: string; ff?: string } = {}) => (
    <TextInput
      label={t(`paperForm.fields.${k}`)}
      value={draft.fields[k]}
      error={errors[k]}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setDraft((d) => ({ ...d, fields: { ...d.fields, [k]: v } }));
      }}
      data-autofocus={extra.autoFocus ? true : undefined}
      description={extra.description}
      ff={extra.ff}
    />
  );
}

function useFieldSelect({ draft, setDraft, errors }: SectionProps) {
  const { t } = useTranslation();
  return (k: EntryField, data: Option[]) => (
    <Select
      label={t(`paperForm.fields.${k}`)}
      data={data}
      value={draft.fields[k] || null}
      error={errors[k]}
      onChange={(v) => setDraft((d) => ({ ...d, fields: { ...d.fields, [k]: v ?? '' } }))}
      searchable
      clearable
    />
  );
}

type FormKey = Exclude<keyof EntryDraft['form'], 'foreignLanguageLevel'>;

function useFormInput({ draft, setDraft, errors }: SectionProps) {
  const { t } = useTranslation();
  return (k: FormKey, label?: string) => (
    <TextInput
      label={label ?? t(`paperForm.fields.${k}`)}
      value={draft.form[k]}
      error={errors[k]}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setDraft((d) => ({ ...d, form: { ...d.form, [k]: v } }));
      }}
    />
  );
}

export function BasicSection(p: SectionProps) {
  const { t } = useTranslation();
  const field = useFieldInput(p);
  const select = useFieldSelect(p);
  const form = useFormInput(p);
  return (
    <Fieldset legend={t('paperForm.sections.basic')}>
      <SimpleGrid cols={3}>
        {field('name', { autoFocus: true })}
        {select('sex', [
          { value: '男', label: '男' },
          { value: '女', label: '女' },
        ])}
        {field('ethnicity')}
        {field('birthDate', { description: t('paperForm.fields.birthDateHint') })}
        {form('politicalStatus')}
        {form('hukou')}
        {field('idNumber', { ff: 'monospace' })}
        {form('maritalStatus')}
        {form('healthStatus')}
        {field('email')}
        {form('landline')}
        {field('phone', { ff: 'monospace' })}
      </SimpleGrid>
      <SimpleGrid cols={3} mt="sm">
        <div style={{ gridColumn: 'span 2' }}>{form('address')}</div>
        {form('postalCode')}
      </SimpleGrid>
    </Fieldset>
  );
}

export function ApplicationSection(p: SectionProps & { categories: Option[]; specialties: Option[] }) {
  const { t } = useTranslation();
  const field = useFieldInput(p);
  const select = useFieldSelect(p);
  const yesNo = [
    { value: '是', label: t('paperForm.yes') },
    { value: '否', label: t('paperForm.no') },
  ];
  return (
    <Fieldset legend={t('paperForm.sections.application')}>
      <SimpleGrid cols={3}>
        {select('category', p.categories)}
        {field('employer')}
        {select('choice1', p.specialties)}
        {select('acceptsAdjustment', yesNo)}
        {field('qualificationCertNo')}
        {field('highestEducation')}
        {field('school')}
        {field('major')}
        {field('graduationDate')}
      </SimpleGrid>
    </Fieldset>
  );
}

function RowList<T>({
  legend,
  rows,
  render,
  onAdd,
  addLabel,
}: {
  legend: string;
  rows: T[];
  render: (row: T, i: number) => ReactNode;
  onAdd: () => void;
  addLabel: string;
}) {
  return (
    <Fieldset legend={legend}>
      {rows.map((r, i) => render(r, i))}
      <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={onAdd} mt="xs">
        {addLabel}
      </Button>
    </Fieldset>
  );
}

function rowSetter<K extends 'education' | 'work'>(setDraft: SectionProps['setDraft'], list: K, i: number) {
  return (k: string, v: string) =>
    setDraft((d) => ({ ...d, [list]: d[list].map((row, j) => (j === i ? { ...row, [k]: v } : row)) }));
}

function RemoveRow({ onClick, label }: { onClick: () => void; label: string }) {
  return (
    <ActionIcon variant="subtle" color="gray" aria-label={label} onClick={onClick} mb={4}>
      <IconTrash size={16} />
    </ActionIcon>
  );
}

export function EducationSection({ draft, setDraft }: SectionProps) {
  const { t } = useTranslation();
  const input = (
    row: EducationDraft,
    set: (k: string, v: string) => void,
    k: keyof EducationDraft,
    label: string,
    w?: number,
  ) => (
    <TextInput
      label={label}
      value={row[k]}
      onChange={(e) => set(k, e.currentTarget.value)}
      w={w}
      placeholder={k === 'from' || k === 'to' ? t('paperForm.fields.monthHint') : undefined}
      style={w ? undefined : { flex: 1 }}
    />
  );
  return (
    <RowList
      legend={t('paperForm.sections.education')}
      rows={draft.education}
      onAdd={() => setDraft((d) => ({ ...d, education: [...d.education, emptyEducation()] }))}
      addLabel={t('paperForm.addEducation')}
      render={(row, i) => {
        const set = rowSetter(setDraft, 'education', i);
        return (
          <Group key={i} align="flex-end" gap="xs" wrap="nowrap" data-testid="education-row">
            {input(row, set, 'level', t('paperForm.fields.level'), 110)}
            {input(row, set, 'from', t('paperForm.fields.from'), 110)}
            {input(row, set, 'to', t('paperForm.fields.to'), 110)}
            {input(row, set, 'school', t('paperForm.fields.schoolDept'))}
            {input(row, set, 'major', t('paperForm.fields.eduMajor'))}
            <RemoveRow
              label={t('paperForm.removeRow')}
              onClick={() => setDraft((d) => ({ ...d, education: d.education.filter((_, j) => j !== i) }))}
            />
          </Group>
        );
      }}
    />
  );
}

export function WorkSection({ draft, setDraft }: SectionProps) {
  const { t } = useTranslation();
  const input = (row: WorkDraft, set: (k: string, v: string) => void, k: keyof WorkDraft, label: string, w?: number) => (
    <TextInput
      label={label}
      value={row[k]}
      onChange={(e) => set(k, e.currentTarget.value)}
      w={w}
      placeholder={k === 'from' || k === 'to' ? t('paperForm.fields.monthHint') : undefined}
      style={w ? undefined : { flex: 1 }}
    />
  );
  return (
    <RowList
      legend={t('paperForm.sections.work')}
      rows={draft.work}
      onAdd={() => setDraft((d) => ({ ...d, work: [...d.work, emptyWork()] }))}
      addLabel={t('paperForm.addWork')}
      render={(row, i) => {
        const set = rowSetter(setDraft, 'work', i);
        return (
          <Group key={i} align="flex-end" gap="xs" wrap="nowrap" data-testid="work-row">
            {input(row, set, 'hospital', t('paperForm.fields.hospital'))}
            {input(row, set, 'grade', t('paperForm.fields.grade'), 90)}
            {input(row, set, 'department', t('paperForm.fields.department'), 100)}
            {input(row, set, 'from', t('paperForm.fields.from'), 100)}
            {input(row, set, 'to', t('paperForm.fields.to'), 100)}
            {input(row, set, 'title', t('paperForm.fields.jobTitle'), 90)}
            {input(row, set, 'referee', t('paperForm.fields.referee'), 90)}
            <RemoveRow
              label={t('paperForm.removeRow')}
              onClick={() => setDraft((d) => ({ ...d, work: d.work.filter((_, j) => j !== i) }))}
            />
          </Group>
        );
      }}
    />
  );
}

export function LanguageSection(p: SectionProps) {
  const { t } = useTranslation();
  const form = useFormInput(p);
  const { draft, setDraft } = p;
  return (
    <Fieldset legend={t('paperForm.sections.language')}>
      <Group align="flex-end">
        {form('foreignLanguage')}
        <Radio.Group
          label={t('paperForm.fields.foreignLanguageLevel')}
          value={draft.form.foreignLanguageLevel}
          onChange={(v) =>
            setDraft((d) => ({
              ...d,
              form: { ...d.form, foreignLanguageLevel: v as EntryDraft['form']['foreignLanguageLevel'] },
            }))
          }
        >
          <Group mt={6}>
            <Radio value="四级" label="四级" />
            <Radio value="六级" label="六级" />
            <Radio value="其他" label="其他" />
          </Group>
        </Radio.Group>
        {form('foreignLanguageOther')}
      </Group>
    </Fieldset>
  );
}
