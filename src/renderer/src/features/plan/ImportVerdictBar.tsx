import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Where the import stands, as counts: enough to say what still blocks the commit. */
export type ImportVerdict = {
  hasPreview: boolean;
  previewFailed: boolean;
  /** How many columns could be this base's. */
  choices: number;
  problems: number;
  unmapped: number;
  replaceBlocked: boolean;
};

export function isBlocked(v: ImportVerdict): boolean {
  return !v.hasPreview || v.problems > 0 || v.unmapped > 0 || v.replaceBlocked;
}

/** The one thing to do next, or that the import is ready (first blocker wins). */
function verdictText(v: ImportVerdict, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (!v.hasPreview) {
    if (v.previewFailed) return v.choices > 1 ? t('plan.needBaseColumn') : t('plan.needOtherFile');
    return t('plan.needPreview');
  }
  if (v.problems > 0) return t('plan.blockedProblems', { count: v.problems });
  if (v.unmapped > 0) return t('plan.blockedUnknown', { count: v.unmapped });
  if (v.replaceBlocked) return t('plan.blockedReplace');
  return t('plan.readyToCommit');
}

/** The import dialog's last line: the verdict, then Cancel and 导入. */
export function ImportVerdictBar({
  verdict,
  busy,
  committing,
  onCancel,
  onCommit,
}: {
  verdict: ImportVerdict;
  busy: boolean;
  committing: boolean;
  onCancel: () => void;
  onCommit: () => void;
}) {
  const { t } = useTranslation();
  const blocked = isBlocked(verdict);
  return (
    // Sticky: long previews scroll inside the dialog while the verdict and the buttons stay in view.
    <Group
      justify="space-between"
      py="sm"
      style={{
        position: 'sticky',
        bottom: 0,
        zIndex: 3,
        background: 'var(--mantine-color-body)',
        borderTop: '1px solid var(--mantine-color-default-border)',
      }}
    >
      <Text size="sm" c={blocked && (verdict.hasPreview || verdict.previewFailed) ? 'red' : 'dimmed'}>
        {verdictText(verdict, t)}
      </Text>
      <Group>
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button onClick={onCommit} disabled={blocked || busy} loading={committing}>
          {t('plan.commit')}
        </Button>
      </Group>
    </Group>
  );
}
