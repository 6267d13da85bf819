import { Alert, List, Select, Stack, Text } from '@mantine/core';
import { IconReplace } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PlanDiff, PlanDiffRow, PlanPreview } from '../../../../shared/contract/plan';
import { ReasonField } from '../../components/ReasonField';

type Props = {
  diff: PlanDiff;
  preview: PlanPreview;
  reason: string;
  onReason: (reason: string) => void;
  remap: Record<string, string | null>;
  onRemap: (code: string, to: string | null) => void;
};

/** Whether the import may go ahead: an unchanged plan, or a reason and a new home for every dropped choice. */
export function replaceReady(diff: PlanDiff | null, reason: string, remap: Record<string, string | null>): boolean {
  if (!diff || diff.identical) return true;
  return reason.trim() !== '' && diff.droppedSpecialties.every((d) => !!remap[d.specialtyCode]);
}

/**
 * Importing over a plan that already has rows replaces it: say exactly what changes (rows, totals, applicants
 * whose chosen specialty disappears), and ask for a reason and where those applicants' choices should go.
 */
export function PlanReplaceSection({ diff, preview, reason, onReason, remap, onRemap }: Props) {
  const { t } = useTranslation();
  const label = (r: PlanDiffRow) => (r.category ? `${r.specialtyName}（${r.category}）` : r.specialtyName);
  const targets = preview.rows
    .filter((r) => r.specialtyCode !== null)
    .map((r) => ({ value: r.specialtyCode!, label: r.specialtyName }))
    .filter((o, i, all) => all.findIndex((x) => x.value === o.value) === i);
  return (
    <Alert color="orange" icon={<IconReplace size={18} />} title={t('plan.replace.title')} data-testid="plan-replace">
      <Stack gap="xs">
        <Text size="sm">{t('plan.replace.total', { before: diff.totalBefore, after: diff.totalAfter })}</Text>
        <List size="sm">
          {diff.added.map((r) => (
            <List.Item key={`a${r.specialtyCode}${r.category}`}>
              {t('plan.replace.added', { name: label(r), quota: r.quota })}
            </List.Item>
          ))}
          {diff.removed.map((r) => (
            <List.Item key={`r${r.specialtyCode}${r.category}`}>
              {t('plan.replace.removed', { name: label(r), quota: r.quota })}
            </List.Item>
          ))}
          {diff.changed.map((r) => (
            <List.Item key={`c${r.specialtyCode}${r.category}`}>
              {t('plan.replace.changed', { name: label(r), before: r.before, quota: r.quota })}
            </List.Item>
          ))}
        </List>
        {diff.droppedSpecialties.map((d) => (
          <Select
            key={d.specialtyCode}
            label={t('plan.replace.remapLabel', { name: d.specialtyName, count: d.applicants })}
            placeholder={t('plan.replace.remapPlaceholder')}
            data={targets}
            value={remap[d.specialtyCode] ?? null}
            onChange={(v) => onRemap(d.specialtyCode, v)}
            required
          />
        ))}
        <ReasonField
          label={t('plan.replace.reason')}
          placeholder={t('plan.replace.reasonPlaceholder')}
          value={reason}
          onChange={onReason}
          maxLength={500}
          required
        />
      </Stack>
    </Alert>
  );
}
