import { createSessionStore } from '../session/create-session-store';

/** The three aids a citizen can switch on at the kiosk. */
export type AccessibilityAid = 'highContrast' | 'largerText' | 'spokenGuidance';

interface AccessibilityData {
  highContrast: boolean;
  largerText: boolean;
  spokenGuidance: boolean;
  /** The «Accesibilidad» panel is showing. */
  panelOpen: boolean;
}

interface AccessibilityActions {
  toggle(aid: AccessibilityAid): void;
  openPanel(): void;
  closePanel(): void;
}

/**
 * The aids chosen for this visit. A session store: they apply at once, stay while the citizen
 * moves between screens, and the idle timeout or «Terminar» puts them back to off for the next
 * person, like everything else of the visit.
 */
export const useAccessibilityStore = createSessionStore<AccessibilityData, AccessibilityActions>(
  'accessibility',
  { highContrast: false, largerText: false, spokenGuidance: false, panelOpen: false },
  (set) => ({
    toggle: (aid) =>
      set((state) =>
        aid === 'highContrast'
          ? { highContrast: !state.highContrast }
          : aid === 'largerText'
            ? { largerText: !state.largerText }
            : { spokenGuidance: !state.spokenGuidance },
      ),
    openPanel: () => set({ panelOpen: true }),
    closePanel: () => set({ panelOpen: false }),
  }),
);
