import type { KioskStaffAccess } from '../../src-shared/api/ops/kiosk-staff';
import { createSessionStore } from '../session/create-session-store';

interface KioskStaffActions {
  openDialog(): void;
  closeDialog(): void;
  granted(access: KioskStaffAccess): void;
}

/**
 * The hidden gesture's dialog and the staff member it let in. Part of the session: when the
 * kiosk goes back to its start screen (idle, «Terminar»), the dialog closes and the access is
 * forgotten, here and on the Node side (kiosk-staff/kiosk-staff-access.ts).
 */
export const useKioskStaffStore = createSessionStore<
  { dialogOpen: boolean; access: KioskStaffAccess | null },
  KioskStaffActions
>('kiosk-staff', { dialogOpen: false, access: null }, (set) => ({
  openDialog: () => set({ dialogOpen: true }),
  closeDialog: () => set({ dialogOpen: false }),
  granted: (access) => set({ dialogOpen: false, access }),
}));
