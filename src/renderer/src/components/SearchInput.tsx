import { TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

/** The search box of a list page: typing a search goes back to the first page (the caller's onChange does). */
export function SearchInput({
  label,
  placeholder,
  value,
  onChange,
  w,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  w: number;
}) {
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} />}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      w={w}
    />
  );
}
