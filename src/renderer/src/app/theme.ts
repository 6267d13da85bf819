import { createTheme } from '@mantine/core';

// System CJK fonts only: the app is offline, so no web fonts are fetched (and the CSP would refuse them).
const FONT_STACK = '"Noto Sans CJK SC","Microsoft YaHei","PingFang SC","Source Han Sans SC",sans-serif';

export const theme = createTheme({
  fontFamily: FONT_STACK,
  fontFamilyMonospace: 'ui-monospace,"Cascadia Mono","DejaVu Sans Mono",monospace',
  headings: { fontFamily: FONT_STACK },
  primaryColor: 'teal',
  defaultRadius: 'sm',
  components: {
    // A closed dropdown is not rendered: kept mounted (hidden), every Select of a page positioned its dropdown
    // at mount, each a forced style recalculation of the whole page before its first paint. (A plain object,
    // not Combobox.extend: that import would put the combobox code into the start-up chunk.)
    Combobox: { defaultProps: { keepMounted: false } },
  },
});
