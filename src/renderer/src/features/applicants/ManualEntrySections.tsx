import { ActionIcon, Button, Fieldset, Group, Radio, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyEducation, emptyWork, type EntryDraft, type EntryField } from './manual-entry-form';

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

type RowKind = 'education' | 'work';
type RowOf<K extends RowKind> = EntryDraft[K][number];
type Column<K extends RowKind> = { key: keyof RowOf<K> & string; label: string; w?: number };

function RemoveRow({ onClick, label }: { onClick: () => void; label: string }) {
  return (
    <ActionIcon variant="subtle" color="gray" aria-label={label} onClick={onClick} mb={4}>
      <IconTrash size={16} />
    </ActionIcon>
  );
}

/** A repeating part of the paper form (schooling, work history): one line of text inputs a row. */
function RowSection<K extends RowKind>({
  kind,
  draft,
  setDraft,
  legend,
  addLabel,
  columns,
  empty,
}: {
  kind: K;
  draft: EntryDraft;
  setDraft: SectionProps['setDraft'];
  legend: string;
  addLabel: string;
  columns: Column<K>[];
  empty: () => RowOf<K>;
}) {
  const { t } = useTranslation();
  const rows = draft[kind] as RowOf<K>[];
  const setRows = (f: (rows: RowOf<K>[]) => RowOf<K>[]) => setDraft((d) => ({ ...d, [kind]: f(d[kind] as RowOf<K>[]) }));
  return (
    <RowList
      legend={legend}
      rows={rows}
      onAdd={() => setRows((r) => [...r, empty()])}
      addLabel={addLabel}
      render={(row, i) => (
        <Group key={i} align="flex-end" gap="xs" wrap="nowrap" data-testid={`${kind}-row`}>
          {columns.map(({ key, label, w }) => (
            <TextInput
              key={key}
              label={label}
              value={row[key] as string}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setRows((r) => r.map((x, j) => (j === i ? { ...x, [key]: v } : x)));
              }}
              w={w}
              placeholder={key === 'from' || key === 'to' ? t('paperForm.fields.monthHint') : undefined}
              style={w ? undefined : { flex: 1 }}
            />
          ))}
          <RemoveRow label={t('paperForm.removeRow')} onClick={() => setRows((r) => r.filter((_, j) => j !== i))} />
        </Group>
      )}
    />
  );
}

export function EducationSection({ draft, setDraft }: SectionProps) {
  const { t } = useTranslation();
  const f = (k: string) => t(`paperForm.fields.${k}`);
  return (
    <RowSection
      kind="education"
      draft={draft}
      setDraft={setDraft}
      legend={t('paperForm.sections.education')}
      addLabel={t('paperForm.addEducation')}
      empty={emptyEducation}
      columns={[
        { key: 'level', label: f('level'), w: 110 },
        { key: 'from', label: f('from'), w: 110 },
        { key: 'to', label: f('to'), w: 110 },
        { key: 'school', label: f('schoolDept') },
        { key: 'major', label: f('eduMajor') },
      ]}
    />
  );
}

export function WorkSection({ draft, setDraft }: SectionProps) {
  const { t } = useTranslation();
  const f = (k: string) => t(`paperForm.fields.${k}`);
  return (
    <RowSection
      kind="work"
      draft={draft}
      setDraft={setDraft}
      legend={t('paperForm.sections.work')}
      addLabel={t('paperForm.addWork')}
      empty={emptyWork}
      columns={[
        { key: 'hospital', label: f('hospital') },
        { key: 'grade', label: f('grade'), w: 90 },
        { key: 'department', label: f('department'), w: 100 },
        { key: 'from', label: f('from'), w: 100 },
        { key: 'to', label: f('to'), w: 100 },
        { key: 'title', label: f('jobTitle'), w: 90 },
        { key: 'referee', label: f('referee'), w: 90 },
      ]}
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
