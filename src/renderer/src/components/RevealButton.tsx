import { ActionIcon, Tooltip } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useState } from 'react';
import type { Result } from '../../../shared/errors';
import { notifyError } from '../app/notify';

/** The eye button of a masked row: shows the full numbers once (the core audits it), then stays disabled. */
export function RevealButton({
  revealed,
  label,
  revealedLabel,
  name,
  onReveal,
}: {
  revealed: boolean;
  label: string;
  revealedLabel: string;
  /** Whose numbers: named in the button's accessible label. */
  name: string;
  onReveal: () => void;
}) {
  return (
    <Tooltip label={revealed ? revealedLabel : label}>
      <ActionIcon variant="subtle" aria-label={`${label} ${name}`} disabled={revealed} onClick={onReveal}>
        <IconEye size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

/** Full values fetched row by row through an audited reveal op, kept while the page stays open. */
export function useRevealed<V>(fetch: (id: string) => Promise<Result<V>>) {
  const [revealed, setRevealed] = useState<Record<string, V>>({});
  async function reveal(id: string) {
    const r = await fetch(id);
    if (!r.ok) return notifyError(r.error);
    setRevealed((m) => ({ ...m, [id]: r.value }));
  }
  return { revealed, reveal };
}
