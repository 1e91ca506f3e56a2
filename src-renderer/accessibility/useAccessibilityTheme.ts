import { useEffect, useLayoutEffect } from 'react';
import { useAccessibilityStore } from './accessibility-store';
import { stopSpeaking } from './speech';
import './accessibility-theme.css';

/**
 * Applies the visit's aids to the whole page: `data-contrast="high"` and `data-text="large"` on
 * <html> switch the design tokens (accessibility-theme.css), so every screen, dialog and the
 * status strip follow at once. Switching guidance off (or the visit ending) silences the voice.
 */
export function useAccessibilityTheme(): void {
  const highContrast = useAccessibilityStore((state) => state.highContrast);
  const largerText = useAccessibilityStore((state) => state.largerText);
  const spokenGuidance = useAccessibilityStore((state) => state.spokenGuidance);

  // Before paint, in the same commit as the switch that turned it on: never a frame of the old look.
  useLayoutEffect(() => {
    const root = document.documentElement;
    if (highContrast) root.dataset['contrast'] = 'high';
    else delete root.dataset['contrast'];
    if (largerText) root.dataset['text'] = 'large';
    else delete root.dataset['text'];
    // The kiosk's frame gone (a revoked device's lock screen replaces it): back to the plain look.
    return () => {
      delete root.dataset['contrast'];
      delete root.dataset['text'];
    };
  }, [highContrast, largerText]);

  useEffect(() => {
    if (!spokenGuidance) return undefined;
    return () => stopSpeaking();
  }, [spokenGuidance]);
}
