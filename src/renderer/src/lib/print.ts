import { create } from 'zustand';

export type PrintablePage = {
  /** The preview's title (and the frame's accessible name): what is being printed, e.g. the file name. */
  title: string;
  /** A complete HTML document from the core (receipts, sheets, 公示 pages); shown without scripts. */
  html: string;
};

type PrintState = { page: PrintablePage | null; close: () => void };

/**
 * The one way to print. The desktop app denies window.open (src/main/security.ts), so a printable page is
 * never opened in a new window: it is shown in the in-app preview (components/PrintPreview.tsx), whose
 * 打印 button prints the frame alone.
 */
export const usePrintPreview = create<PrintState>()((set) => ({
  page: null,
  close: () => set({ page: null }),
}));

export function showPrintable(page: PrintablePage): void {
  usePrintPreview.setState({ page });
}
