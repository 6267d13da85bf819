import { create } from 'zustand';
import type { UserView } from '../../../../shared/contract/users';

/** Which user dialog is open, and for whom. */
type UsersUi = {
  dialog: 'add' | 'reset' | null;
  target: UserView | null;
  openAdd: () => void;
  openReset: (user: UserView) => void;
  close: () => void;
};

export const useUsersUi = create<UsersUi>()((set) => ({
  dialog: null,
  target: null,
  openAdd: () => set({ dialog: 'add', target: null }),
  openReset: (target) => set({ dialog: 'reset', target }),
  close: () => set({ dialog: null, target: null }),
}));
