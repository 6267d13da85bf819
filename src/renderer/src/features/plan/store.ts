import { create } from 'zustand';

export type PlanDialog = 'import' | 'split' | 'add' | null;

/** UI state of the plan screen: which dialog is open and which row's quota is being edited. */
type PlanUi = {
  dialog: PlanDialog;
  editingKey: string | null;
  open: (dialog: PlanDialog) => void;
  edit: (key: string | null) => void;
};

export const usePlanUi = create<PlanUi>()((set) => ({
  dialog: null,
  editingKey: null,
  open: (dialog) => set({ dialog, editingKey: null }),
  edit: (editingKey) => set({ editingKey }),
}));

export function rowKey(r: { specialtyCode: string | null; category: string | null }): string {
  return `${r.specialtyCode ?? 'pool'}|${r.category ?? ''}`;
}
