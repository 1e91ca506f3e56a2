/**
 * Every piece of state that belongs to one citizen's visit registers here, so ending a session
 * (idle timeout or "terminar") clears all of it. Feature stores do not call this directly:
 * they are made with `createSessionStore`, which registers them, so a new feature cannot
 * forget to be cleared.
 */
export interface SessionParticipant {
  /** Unique, for diagnostics: `bills`, `touch-test`, `route`. */
  readonly name: string;
  /** Back to the state a new citizen should find. */
  reset(): void;
  /** True while it holds anything of the current visit (typed text, a chosen bill, …). */
  hasState(): boolean;
}

const participants = new Map<string, SessionParticipant>();

export function registerSessionParticipant(participant: SessionParticipant): () => void {
  if (participants.has(participant.name)) {
    throw new Error(`Session participant "${participant.name}" is registered twice`);
  }
  participants.set(participant.name, participant);
  return () => {
    participants.delete(participant.name);
  };
}

export function hasSessionState(): boolean {
  for (const participant of participants.values()) {
    if (participant.hasState()) return true;
  }
  return false;
}

/**
 * Resets every participant. One failing reset must not leave the others holding personal
 * data, so all are attempted and the first failure is rethrown afterwards.
 */
export function resetSessionState(): void {
  let failure: unknown = null;
  for (const participant of participants.values()) {
    try {
      participant.reset();
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure !== null) throw failure;
}

/** Names of the registered participants; for tests and diagnostics. */
export function sessionParticipantNames(): string[] {
  return [...participants.keys()];
}
