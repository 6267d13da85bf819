import { Alert, Button, Group, List, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AddApplicantResult, FieldProblem } from '../../../../shared/contract/paper-form';
import { call } from '../../app/call';
import { errorText } from '../../app/errors';
import { notifyError } from '../../app/notify';
import { useQuery } from '../../lib/query';
import { showPrintable, usePrintPreview } from '../../lib/print';
import { useBasePreset } from '../base/queries';
import { emptyDraft, entryInput, inputIssuesByField, problemsByField, type EntryDraft } from './manual-entry-form';
import { ApplicationSection, BasicSection, EducationSection, LanguageSection, WorkSection } from './ManualEntrySections';

/** Opens the filled 报名表 in the in-app print preview (the core masks or reveals by role). */
export async function printPaperForm(id: string, name: string, title: string): Promise<void> {
  const r = await call('applicants.paperFormHtml', { id });
  if (!r.ok) return notifyError(r.error);
  showPrintable({ title: `${title} ${name}`, html: r.value.html });
}

function SavedPanel({ saved, onNext, onClose }: { saved: AddApplicantResult; onNext: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const a = saved.applicant;
  return (
    <Stack data-testid="manual-entry-saved">
      <Alert color="green">{t('paperForm.saved', { name: a.name, idNumber: a.idNumber })}</Alert>
      {saved.warnings.length > 0 && (
        <Alert color="yellow" title={t('paperForm.warnings')}>
          <List size="sm">
            {saved.warnings.map((w, i) => (
              <List.Item key={i}>
                {w.label}：{w.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.close')}
        </Button>
        <Button variant="light" onClick={onNext}>
          {t('paperForm.next')}
        </Button>
        <Button
          leftSection={<IconPrinter size={16} />}
          onClick={() => void printPaperForm(a.id, a.name, t('paperForm.print'))}
          data-autofocus
        >
          {t('paperForm.print')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * 手工录入: the paper 报名表's sections in its order. The core validates as it does a roster row; its
 * problems come back keyed by field and are shown under the input they concern.
 */
export function ManualEntryDialog({ opened, onClose, onSaved }: { opened: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const preset = useBasePreset();
  const catalogue = useQuery('catalogue.list', {});
  const [draft, setDraftState] = useState<EntryDraft>(emptyDraft);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<AddApplicantResult | null>(null);
  const setDraft = (f: (d: EntryDraft) => EntryDraft) => setDraftState(f);
  // Stepped aside while the print preview shows (both are modals), back with its state when the preview closes.
  const printing = usePrintPreview((s) => s.page !== null);
  const categories = (preset?.categories ?? []).map((c) => ({ value: c.name, label: c.name }));
  const specialties = (catalogue.data ?? []).filter((s) => s.active).map((s) => ({ value: s.name, label: s.name }));

  function reset() {
    setDraftState(emptyDraft());
    setErrors({});
    setFormError(null);
    setSaved(null);
  }
  function close() {
    reset();
    onClose();
  }
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await call('applicants.add', entryInput(draft));
    setBusy(false);
    if (r.ok) {
      setSaved(r.value);
      onSaved();
      return;
    }
    const problems = (r.error.details?.problems ?? []) as FieldProblem[];
    const rawIssues = (r.error.details?.issues ?? []) as Array<{ path: string; message: string }>;
    const issues = inputIssuesByField(rawIssues);
    setErrors({ ...issues, ...problemsByField(problems) });
    // Everything marked in place: say so; anything that could not be placed keeps the core's full message.
    const placed = problems.length + Object.keys(issues).length;
    const allPlaced = placed > 0 && Object.keys(issues).length === rawIssues.length;
    setFormError(allPlaced ? t('paperForm.fixErrors', { count: placed }) : errorText(r.error));
  }

  const sectionProps = { draft, setDraft, errors };
  return (
    <Modal
      opened={opened && !printing}
      onClose={close}
      title={t('paperForm.title')}
      size={1100}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      scrollAreaComponent={ScrollArea.Autosize}
    >
      {saved ? (
        <SavedPanel saved={saved} onNext={reset} onClose={close} />
      ) : (
        <form onSubmit={(e) => void submit(e)} data-testid="manual-entry-form">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('paperForm.intro')}
            </Text>
            <BasicSection {...sectionProps} />
            <ApplicationSection {...sectionProps} categories={categories} specialties={specialties} />
            <EducationSection {...sectionProps} />
            <WorkSection {...sectionProps} />
            <LanguageSection {...sectionProps} />
            {formError && (
              <Text c="red" size="sm" role="alert">
                {formError}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('paperForm.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
