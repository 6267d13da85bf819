import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPLICANT_FIELD_KEYS, type ApplicantFieldKey } from '../../../../shared/contract/applicants-values';

/** Column mapping for a layout the core did not recognise: header row + one field per column, optionally saved. */
export function ColumnMappingForm({
  rows,
  initialHeaderRow,
  initialMapping,
  recognised = false,
  onApply,
}: {
  rows: string[][];
  initialHeaderRow: number;
  initialMapping: Record<string, ApplicantFieldKey>;
  /** Opened to change a mapping that works, not because the header could not be read: say so. */
  recognised?: boolean;
  onApply: (headerRow: number, mapping: Record<string, ApplicantFieldKey>, save: boolean) => void;
}) {
  const { t } = useTranslation();
  const [headerRow, setHeaderRow] = useState(initialHeaderRow);
  const [mapping, setMapping] = useState<Record<string, ApplicantFieldKey>>(initialMapping);
  const [save, setSave] = useState(true);
  const headers = (rows[headerRow - 1] ?? []).filter((h) => h !== '');
  const fieldOptions = [
    { value: '', label: t('applicants.columnIgnore') },
    ...APPLICANT_FIELD_KEYS.map((k) => ({ value: k, label: t(`applicants.fields.${k}`) })),
  ];
  return (
    <Stack gap="xs" data-testid="mapping-form">
      <Text fw={600}>{t('applicants.mappingTitle')}</Text>
      <Text size="sm" c="dimmed">
        {recognised ? t('applicants.mappingHintChange') : t('applicants.mappingHint')}
      </Text>
      <Select
        label={t('applicants.headerRow')}
        data={rows.map((r, i) => ({
          value: String(i + 1),
          label: t('applicants.headerRowOption', { row: i + 1, text: r.filter(Boolean).join(' | ').slice(0, 80) }),
        }))}
        value={String(headerRow)}
        onChange={(v) => {
          setHeaderRow(Number(v ?? 1));
          setMapping({});
        }}
        allowDeselect={false}
      />
      <SimpleGrid cols={3} spacing="xs">
        {headers.map((h) => (
          <Select
            key={h}
            label={h}
            data={fieldOptions}
            value={mapping[h] ?? ''}
            onChange={(v) =>
              setMapping((m) => {
                const next = { ...m };
                if (v) next[h] = v as ApplicantFieldKey;
                else delete next[h];
                return next;
              })
            }
          />
        ))}
      </SimpleGrid>
      <Checkbox label={t('applicants.saveMapping')} checked={save} onChange={(e) => setSave(e.currentTarget.checked)} />
      <Group>
        <Button variant="light" onClick={() => onApply(headerRow, mapping, save)} disabled={Object.keys(mapping).length === 0}>
          {t('applicants.applyMapping')}
        </Button>
      </Group>
    </Stack>
  );
}
