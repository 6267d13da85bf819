import { Textarea, type TextareaProps } from '@mantine/core';

type Props = Omit<TextareaProps, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
  'data-autofocus'?: boolean;
  'data-testid'?: string;
};

/**
 * The reason a change asks for (audited with it): a text area that grows with what is written, two lines to
 * start with. The label says whose reason it is; required, placeholder and the rest pass through.
 */
export function ReasonField({ value, onChange, autosize = true, minRows = 2, ...rest }: Props) {
  return (
    <Textarea value={value} onChange={(e) => onChange(e.currentTarget.value)} autosize={autosize} minRows={minRows} {...rest} />
  );
}
