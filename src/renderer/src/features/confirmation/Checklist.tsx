import { Badge, Group, Stack, Text } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantDetail, ChecklistState } from '../../../../shared/contract/applicants';

export const CHECK_STATES: readonly ChecklistState[] = ['original', 'copy', 'missing', 'na'];
const STATE_COLORS: Record<ChecklistState, string> = { original: 'teal', copy: 'blue', missing: 'red', na: 'gray' };

/**
 * The documents to check, keyboard first: ↑↓ moves, 1-4 set the state of the item under the cursor and stay
 * there (the hint says so; moving on by itself made "1, ↓" mark every other item). An item nobody has
 * looked at yet shows 未核对 instead of a state, so a default 不适用 never passes for a checked answer.
 */
export function Checklist({
  detail,
  states,
  onChange,
  cursor,
  setCursor,
}: {
  detail: ApplicantDetail;
  states: Record<string, ChecklistState>;
  onChange: (key: string, s: ChecklistState) => void;
  cursor: number;
  setCursor: (update: (c: number) => number) => void;
}) {
  const { t } = useTranslation();
  const items = detail.checklist;
  function onKey(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'ArrowDown') setCursor((c) => Math.min(items.length - 1, c + 1));
    else if (e.key === 'ArrowUp') setCursor((c) => Math.max(0, c - 1));
    else if (/^[1-4]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const item = items[cursor];
      if (item) onChange(item.key, CHECK_STATES[Number(e.key) - 1]!);
    } else return;
    e.preventDefault();
  }
  return (
    <div
      tabIndex={0}
      role="listbox"
      aria-label={t('desk.checklist')}
      aria-activedescendant={`check-${items[cursor]?.key}`}
      onKeyDown={onKey}
      data-testid="checklist"
      style={{ outlineOffset: 2 }}
    >
      <Stack gap={4}>
        {items.map((item, i) => {
          const state = states[item.key] ?? item.state;
          const reviewed = states[item.key] !== undefined || item.recorded;
          return (
            <Group
              key={item.key}
              id={`check-${item.key}`}
              role="option"
              aria-selected={i === cursor}
              justify="space-between"
              wrap="nowrap"
              px="xs"
              py={4}
              data-testid={`check-${item.key}`}
              data-state={state}
              data-reviewed={reviewed}
              style={{
                borderRadius: 4,
                background: i === cursor ? 'var(--mantine-color-blue-light)' : undefined,
                cursor: 'pointer',
              }}
              onClick={() => setCursor(() => i)}
            >
              <div style={{ minWidth: 0 }}>
                <Text size="sm">
                  {item.label}
                  <Text span c="dimmed" size="xs">
                    {' '}
                    · {item.required ? t('desk.required') : t('desk.optional')}
                  </Text>
                </Text>
                {item.note && states[item.key] === undefined && (
                  <Text size="xs" c="dimmed">
                    {item.note}
                  </Text>
                )}
              </div>
              <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                {!reviewed && (
                  <Badge variant="dot" color={item.required ? 'red' : 'orange'} data-testid="unreviewed">
                    {t('desk.unreviewed')}
                  </Badge>
                )}
                {CHECK_STATES.map((s, k) => (
                  <Badge
                    key={s}
                    variant={reviewed && state === s ? 'filled' : 'outline'}
                    color={STATE_COLORS[s]}
                    style={{ cursor: 'pointer' }}
                    onClick={() => onChange(item.key, s)}
                  >
                    {k + 1} {t(`desk.states.${s}`)}
                  </Badge>
                ))}
              </Group>
            </Group>
          );
        })}
      </Stack>
    </div>
  );
}
