import { create } from 'zustand';

export interface IdleSettings {
  /** Inactivity before the warning. */
  readonly afterSeconds: number;
  /** Length of the warning's countdown. */
  readonly warningSeconds: number;
}

interface IdleState {
  /** `watching` counts inactivity; `warning` shows "¿Sigue ahí?" with a countdown. */
  readonly phase: 'watching' | 'warning';
  /** Whole seconds left in the warning; null while watching. */
  readonly secondsLeft: number | null;
  readonly warningEndsAt: number | null;
  readonly lastActivityAt: number;
  /** Flows that must not be interrupted (printing, dispensing) hold a pause while they run. */
  readonly pauses: number;
  /** When the current visit began (first input after the last reset); null if none began. */
  readonly sessionStartedAt: number | null;
  pause(): void;
  resume(): void;
  /** Pointer, touch or key input. Ignored during the warning: only "Sí, continuar" answers it. */
  noteActivity(now: number): void;
  /** "Sí, continuar": back to watching, counting from now. */
  continueSession(now: number): void;
  /** The visit is over: forget when it started. */
  clearSession(now: number): void;
  /**
   * Advances the clock. Returns `timeout` once, when the warning's countdown reaches zero;
   * the caller then ends the session (which calls `clearSession`).
   */
  tick(now: number, settings: IdleSettings, sessionActive: () => boolean): 'timeout' | null;
}

/** The idle timer's state. It holds no personal data, so it is not a session participant. */
export const useIdleStore = create<IdleState>()((set, get) => ({
  phase: 'watching',
  secondsLeft: null,
  warningEndsAt: null,
  lastActivityAt: Date.now(),
  pauses: 0,
  sessionStartedAt: null,
  pause: () => set((state) => ({ pauses: state.pauses + 1 })),
  resume: () => set((state) => ({ pauses: Math.max(0, state.pauses - 1), lastActivityAt: Date.now() })),
  noteActivity: (now) => {
    const state = get();
    if (state.phase === 'warning') return;
    set({ lastActivityAt: now, sessionStartedAt: state.sessionStartedAt ?? now });
  },
  continueSession: (now) => set({ phase: 'watching', secondsLeft: null, warningEndsAt: null, lastActivityAt: now }),
  clearSession: (now) =>
    set({ phase: 'watching', secondsLeft: null, warningEndsAt: null, lastActivityAt: now, sessionStartedAt: null }),
  tick: (now, settings, sessionActive) => {
    const state = get();
    if (state.pauses > 0) {
      // A paused flow counts as activity; a warning already showing is withdrawn.
      set({ phase: 'watching', secondsLeft: null, warningEndsAt: null, lastActivityAt: now });
      return null;
    }
    if (state.phase === 'watching' || state.warningEndsAt === null) {
      if (now - state.lastActivityAt < settings.afterSeconds * 1000) return null;
      if (!sessionActive()) {
        // Nothing to protect on an empty start screen: no warning, and no visit to record.
        set({ lastActivityAt: now, sessionStartedAt: null });
        return null;
      }
      set({
        phase: 'warning',
        secondsLeft: settings.warningSeconds,
        warningEndsAt: now + settings.warningSeconds * 1000,
      });
      return null;
    }
    const secondsLeft = Math.max(0, Math.ceil((state.warningEndsAt - now) / 1000));
    if (secondsLeft > 0) {
      if (secondsLeft !== state.secondsLeft) set({ secondsLeft });
      return null;
    }
    set({ phase: 'watching', secondsLeft: null, warningEndsAt: null, lastActivityAt: now });
    return 'timeout';
  },
}));
