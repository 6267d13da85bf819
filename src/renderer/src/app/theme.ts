import { createTheme } from '@mantine/core';

// System CJK fonts only: the app is offline, so no web fonts are fetched (and the CSP would refuse them).
const FONT_STACK = '"Noto Sans CJK SC","Microsoft YaHei","PingFang SC","Source Han Sans SC",sans-serif';

export const theme = createTheme({
  fontFamily: FONT_STACK,
  fontFamilyMonospace: 'ui-monospace,"Cascadia Mono","DejaVu Sans Mono",monospace',
  headings: { fontFamily: FONT_STACK },
  primaryColor: 'teal',
  defaultRadius: 'sm',
});
