import { Badge, Group, Stack, Text } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantDetail, ChecklistState } from '../../../../shared/contract/applicants';

export const CHECK_STATES: readonly ChecklistState[] = ['original', 'copy', 'missing', 'na'];
const STATE_COLORS: Record<ChecklistState, string> = { original: 'teal', copy: 'blue', missing: 'red', na: 'gray' };

/** The documents to check, keyboard first: ↑↓ moves, 1-4 sets the state and moves on. */
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
    else if (/^[1-4]$/.test(e.key)) {
      const item = items[cursor];
      if (item) onChange(item.key, CHECK_STATES[Number(e.key) - 1]!);
      setCursor((c) => Math.min(items.length - 1, c + 1));
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
          return (
            <Group
              key={item.key}
              id={`check-${item.key}`}
              role="option"
              aria-selected={i === cursor}
              justify="space-between"
              px="xs"
              py={4}
              data-testid={`check-${item.key}`}
              data-state={state}
              style={{
                borderRadius: 4,
                background: i === cursor ? 'var(--mantine-color-blue-light)' : undefined,
                cursor: 'pointer',
              }}
              onClick={() => setCursor(() => i)}
            >
              <Text size="sm">
                {item.label}
                {item.required && (
                  <Text span c="dimmed" size="xs">
                    {' '}
                    · {t('desk.required')}
                  </Text>
                )}
              </Text>
              <Group gap={4}>
                {CHECK_STATES.map((s, k) => (
                  <Badge
                    key={s}
                    variant={state === s ? 'filled' : 'outline'}
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
