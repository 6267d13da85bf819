import { Badge } from '@mantine/core';

/** A status as a light coloured badge: the colour carries the meaning at a glance, the text says it. */
export function StatusBadge<S extends string>({
  status,
  colors,
  label,
  testId,
}: {
  status: S;
  colors: Record<S, string>;
  label: string;
  testId?: string;
}) {
  return (
    <Badge color={colors[status]} variant="light" data-testid={testId} data-status={status}>
      {label}
    </Badge>
  );
}
