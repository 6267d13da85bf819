import { create } from 'zustand';

/** UI state of the catalogue table (kept across visits to the page); the catalogue itself comes from the core. */
type CatalogueUi = {
  search: string;
  showInactive: boolean;
  setSearch: (search: string) => void;
  setShowInactive: (show: boolean) => void;
};

export const useCatalogueUi = create<CatalogueUi>()((set) => ({
  search: '',
  showInactive: false,
  setSearch: (search) => set({ search }),
  setShowInactive: (showInactive) => set({ showInactive }),
}));
