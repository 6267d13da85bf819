import { create } from 'zustand';

/** entityId: the record's number typed into the search box (exact match, the way the log is indexed). */
export type AuditFilters = {
  actor: string | null;
  entity: string | null;
  action: string | null;
  entityId: string;
  from: string;
  to: string;
};

export const AUDIT_PAGE_SIZE = 50;

/** Filters and page of the audit viewer, kept while moving between screens. */
type AuditUi = {
  filters: AuditFilters;
  page: number;
  expanded: string | null;
  setFilter: <K extends keyof AuditFilters>(key: K, value: AuditFilters[K]) => void;
  reset: () => void;
  setPage: (page: number) => void;
  toggle: (id: string) => void;
};

const EMPTY: AuditFilters = { actor: null, entity: null, action: null, entityId: '', from: '', to: '' };

export const useAuditUi = create<AuditUi>()((set) => ({
  filters: EMPTY,
  page: 1,
  expanded: null,
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value }, page: 1, expanded: null })),
  reset: () => set({ filters: EMPTY, page: 1, expanded: null }),
  setPage: (page) => set({ page, expanded: null }),
  toggle: (id) => set((s) => ({ expanded: s.expanded === id ? null : id })),
}));
