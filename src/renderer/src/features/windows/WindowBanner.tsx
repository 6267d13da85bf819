import { Alert, Text, TextInput } from '@mantine/core';
import { IconCalendarTime } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { WindowGoverns, WindowStatus } from '../../../../shared/contract/windows';
import { useQuery } from '../../lib/query';

/** The window some work is measured against this cohort year, and whether it binds (in effect). */
export function useWindow(governs: WindowGoverns): { window: WindowStatus | null; inEffect: boolean } {
  const state = useQuery('windows.state', {});
  return { window: state.data?.current[governs] ?? null, inEffect: state.data?.inEffect ?? false };
}

/** Outside an in-effect window: the action then needs a reason. */
export function needsWindowReason(w: { window: WindowStatus | null; inEffect: boolean }): boolean {
  return w.inEffect && w.window !== null && w.window.state !== 'open';
}

/**
 * 现场确认：7月1日—7月4日，还剩 2 天 / 已截止: the current window of the work a screen does, with its source
 * sentence and what the notice says happens to latecomers (quoted, never applied here).
 */
export function WindowBanner({ governs }: { governs: WindowGoverns }) {
  const { t } = useTranslation();
  const w = useWindow(governs);
  if (!w.window) return null;
  const outside = needsWindowReason(w);
  const color = w.window.state === 'open' ? 'blue' : outside ? 'orange' : 'gray';
  return (
    <Alert
      color={color}
      variant="light"
      role="status"
      icon={<IconCalendarTime size={18} />}
      data-testid={`window-banner-${governs}`}
    >
      <Text fw={700}>{w.window.text}</Text>
      {w.window.lateEffect && w.window.state !== 'upcoming' && (
        <Text size="sm">{t('windows.lateEffect', { text: w.window.lateEffect })}</Text>
      )}
      <Text size="xs" c="dimmed">
        {t('windows.source', { source: w.window.source })}
      </Text>
      {outside && <Text size="sm">{t('windows.outside')}</Text>}
      {!w.inEffect && (
        <Text size="xs" c="dimmed">
          {t('windows.notInEffect')}
        </Text>
      )}
    </Alert>
  );
}

/** A reason field shown only when the work is outside its in-effect window. */
export function WindowReasonField({
  governs,
  value,
  onChange,
}: {
  governs: WindowGoverns;
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  const w = useWindow(governs);
  if (!needsWindowReason(w)) return null;
  return (
    <TextInput
      label={t('windows.reason')}
      description={t('windows.reasonHint')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      required
      data-testid="window-reason"
    />
  );
}
