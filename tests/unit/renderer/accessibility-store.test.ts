import { describe, expect, it } from 'vitest';
import { useAccessibilityStore } from '../../../src-renderer/accessibility/accessibility-store';
import { questionLines } from '../../../src-renderer/accessibility/spoken-guidance';
import {
  hasSessionState,
  resetSessionState,
  sessionParticipantNames,
} from '../../../src-renderer/session/session-registry';

/** The kiosk's aids belong to one citizen's visit. */
describe('accessibility aids', () => {
  it('are a session participant: switched on they are a visit to protect, and ending it switches them off', () => {
    expect(sessionParticipantNames()).toContain('accessibility');
    expect(hasSessionState()).toBe(false);
    const { toggle, openPanel } = useAccessibilityStore.getState();
    toggle('highContrast');
    toggle('largerText');
    toggle('spokenGuidance');
    openPanel();
    expect(hasSessionState()).toBe(true);

    resetSessionState();
    const after = useAccessibilityStore.getState();
    expect([after.highContrast, after.largerText, after.spokenGuidance, after.panelOpen]).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(hasSessionState()).toBe(false);
  });

  it('switch one at a time', () => {
    useAccessibilityStore.getState().toggle('largerText');
    expect(useAccessibilityStore.getState()).toMatchObject({
      highContrast: false,
      largerText: true,
      spokenGuidance: false,
    });
    useAccessibilityStore.getState().toggle('largerText');
    expect(useAccessibilityStore.getState().largerText).toBe(false);
  });

  it('read a question aloud as the question, then each answer by its number', () => {
    expect(questionLines('¿Cuál es la lectura actual del medidor?', ['33.526', '2.119'])).toEqual([
      '¿Cuál es la lectura actual del medidor?',
      'Opción 1: 33.526.',
      'Opción 2: 2.119.',
    ]);
  });
});
