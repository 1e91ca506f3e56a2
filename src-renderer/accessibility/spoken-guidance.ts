import { useAccessibilityStore } from './accessibility-store';
import { speakLines } from './speech';

/**
 * Spoken guidance, when the citizen switched it on: `replace` silences what was being read
 * (a new screen), `append` reads after it (the question after the screen's title).
 */
export function announce(lines: readonly string[], mode: 'replace' | 'append' = 'replace'): void {
  if (!useAccessibilityStore.getState().spokenGuidance) return;
  speakLines(lines, mode === 'replace');
}

/** A multiple-choice question as it is read aloud: the question, then each answer by its number. */
export function questionLines(prompt: string, options: readonly string[]): string[] {
  return [prompt, ...options.map((option, index) => `Opción ${index + 1}: ${option}.`)];
}
