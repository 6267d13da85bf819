import { Button, FileButton, Group, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import type { ComponentProps } from 'react';

/** The "choose a file" button of an import dialog, and the chosen file's name once there is one. */
export function FilePicker({
  onPick,
  accept,
  inputTestId,
  fileName,
  fileNameTestId,
  loading,
  chooseLabel,
  chooseAnotherLabel,
}: {
  onPick: (file: File | null) => void;
  accept: string;
  inputTestId: string;
  /** null until a file is chosen. */
  fileName: string | null;
  fileNameTestId?: string;
  loading: boolean;
  chooseLabel: string;
  chooseAnotherLabel: string;
}) {
  const chosen = fileName !== null;
  return (
    <Group>
      <FileButton onChange={onPick} accept={accept} inputProps={{ 'data-testid': inputTestId } as ComponentProps<'input'>}>
        {(props) => (
          <Button {...props} leftSection={<IconUpload size={16} />} variant={chosen ? 'default' : 'filled'} loading={loading}>
            {chosen ? chooseAnotherLabel : chooseLabel}
          </Button>
        )}
      </FileButton>
      {chosen && (
        <Group gap={6}>
          <IconFileSpreadsheet size={18} />
          <Text size="sm" data-testid={fileNameTestId}>
            {fileName}
          </Text>
        </Group>
      )}
    </Group>
  );
}
