import { Button, Group, Stack } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';

/** Saves a file the core returned as base64 (exports never touch the disk from the core). */
export function downloadBase64(fileName: string, contentBase64: string, mime: string): void {
  const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A printable page from the core, shown in a sandboxed frame (no scripts) with a print button. */
export function PrintPreview({ page, onClose }: { page: { fileName: string; html: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  return (
    <Dialog opened={page !== null} onClose={onClose} title={page?.fileName ?? ''} size="90%">
      <Stack>
        <Group justify="flex-end">
          <Button leftSection={<IconPrinter size={16} />} onClick={() => frame.current?.contentWindow?.print()}>
            {t('admission.print')}
          </Button>
        </Group>
        {page && (
          <iframe
            ref={frame}
            title={page.fileName}
            srcDoc={page.html}
            sandbox="allow-modals allow-same-origin"
            style={{ width: '100%', height: '65vh', border: '1px solid var(--mantine-color-gray-4)', background: 'white' }}
          />
        )}
      </Stack>
    </Dialog>
  );
}
