import { Select } from '@mantine/core';

export type FilterOption = { value: string; label: string };
export type FilterSpec<K extends string> = {
  key: K;
  label: string;
  options: FilterOption[];
  w: number;
  /** Long option lists (specialties) can be typed into. */
  searchable?: boolean;
};

/** A list page's filter dropdowns: each clearable, showing `allLabel` (全部) while it filters nothing. */
export function FilterSelects<K extends string>({
  specs,
  values,
  onChange,
  allLabel,
}: {
  specs: ReadonlyArray<FilterSpec<K>>;
  values: Record<K, string | null>;
  onChange: Record<K, (value: string | null) => void>;
  allLabel: string;
}) {
  return (
    <>
      {specs.map((f) => (
        <Select
          key={f.key}
          label={f.label}
          placeholder={allLabel}
          data={f.options}
          value={values[f.key]}
          onChange={onChange[f.key]}
          clearable
          searchable={f.searchable ?? false}
          w={f.w}
        />
      ))}
    </>
  );
}
