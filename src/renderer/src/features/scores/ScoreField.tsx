import { Text, TextInput } from '@mantine/core';
import type { Ref } from 'react';

/** One item's score on the sheet: Enter saves it; a tick once the core has it, the problem otherwise. */
export function ScoreField({
  inputRef,
  itemKey,
  label,
  value,
  disabled,
  problem,
  saved,
  onChange,
  onEnter,
}: {
  inputRef: Ref<HTMLInputElement>;
  itemKey: string;
  label: string;
  value: string;
  disabled: boolean;
  problem: string | null;
  saved: boolean;
  onChange: (value: string) => void;
  onEnter: () => void;
}) {
  return (
    <TextInput
      ref={inputRef}
      label={label}
      value={value}
      disabled={disabled}
      error={problem}
      data-testid={`score-input-${itemKey}`}
      rightSection={
        saved ? (
          <Text size="xs" c="teal">
            ✓
          </Text>
        ) : null
      }
      onChange={(e) => onChange(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          onEnter();
        }
      }}
    />
  );
}
