import { ActionIcon, Tooltip } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useRef, useState, type FocusEvent } from 'react';
import type { Result } from '../../../shared/errors';
import { notifyError } from '../app/notify';

/**
 * The eye button of a masked row: shows the full numbers once (the core audits it), then stays disabled.
 * Its tooltip mounts the first time the button is pointed at or focused from the keyboard: a tooltip per row
 * set up floating-position hooks for every row of a large page at its first paint, and most are never used.
 */
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
  const button = useRef<HTMLButtonElement>(null);
  // null until first shown; then whether the tooltip is open.
  const [open, setOpen] = useState<boolean | null>(null);
  const show = () => setOpen(true);
  const hide = () => setOpen((o) => (o === null ? null : false));
  // Like the tooltip's own focus handling: a click's focus shows nothing, keyboard focus does.
  const showOnKeyboardFocus = (e: FocusEvent<HTMLButtonElement>) => {
    if (e.currentTarget.matches(':focus-visible')) show();
  };
  return (
    <>
      <ActionIcon
        ref={button}
        variant="subtle"
        aria-label={`${label} ${name}`}
        disabled={revealed}
        onClick={onReveal}
        onMouseEnter={show}
        onMouseLeave={hide}
        onFocus={showOnKeyboardFocus}
        onBlur={hide}
      >
        <IconEye size={16} />
      </ActionIcon>
      {open !== null && <Tooltip label={revealed ? revealedLabel : label} target={button} opened={open} />}
    </>
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
