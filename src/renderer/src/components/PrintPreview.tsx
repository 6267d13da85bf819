import { Button, Group, Modal, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrintPreview } from '../lib/print';

/**
 * The print preview, mounted once in the shell: the printable page full-screen in a frame (no scripts may
 * run in it; printing needs allow-modals), with 打印 printing only the frame, never the app around it.
 */
export function PrintPreview() {
  const { t } = useTranslation();
  const page = usePrintPreview((s) => s.page);
  const close = usePrintPreview((s) => s.close);
  const frame = useRef<HTMLIFrameElement>(null);
  return (
    <Modal
      opened={page !== null}
      onClose={close}
      fullScreen
      title={
        <Group gap="md">
          <Text fw={600}>{page?.title}</Text>
          <Button size="xs" leftSection={<IconPrinter size={16} />} onClick={() => frame.current?.contentWindow?.print()}>
            {t('common.print')}
          </Button>
        </Group>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ body: { height: 'calc(100vh - 70px)' } }}
    >
      {page && (
        <iframe
          ref={frame}
          title={page.title}
          data-testid="print-frame"
          srcDoc={page.html}
          sandbox="allow-modals allow-same-origin"
          style={{ width: '100%', height: '100%', border: '1px solid var(--mantine-color-gray-4)', background: 'white' }}
        />
      )}
    </Modal>
  );
}
