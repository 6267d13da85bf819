import { Button, Group } from '@mantine/core';
import { IconFileImport, IconPencilPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpInput } from '../../../../shared/contract';
import { ExportListButton } from '../../components/ExportListButton';
import { ImportApplicantsModal } from './ImportApplicantsModal';
import { ManualEntryDialog } from './ManualEntryDialog';

/** Export of the current selection, paper-form entry and import, each shown to the roles allowed to. */
export function ApplicantActions({
  selection,
  can,
  onChanged,
}: {
  selection: OpInput<'applicants.export'>;
  can: { reveal: boolean; add: boolean; import: boolean };
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [importing, setImporting] = useState(false);
  const [entering, setEntering] = useState(false);
  return (
    <Group>
      <ExportListButton op="applicants.export" revealable={can.reveal} input={selection} />
      {can.add && (
        <Button variant="light" leftSection={<IconPencilPlus size={16} />} onClick={() => setEntering(true)}>
          {t('paperForm.open')}
        </Button>
      )}
      {can.import && (
        <Button leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
          {t('applicants.import')}
        </Button>
      )}
      {can.add && <ManualEntryDialog opened={entering} onClose={() => setEntering(false)} onSaved={onChanged} />}
      {can.import && <ImportApplicantsModal opened={importing} onClose={() => setImporting(false)} onImported={onChanged} />}
    </Group>
  );
}
