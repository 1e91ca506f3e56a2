import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { useAccessibilityStore } from './accessibility-store';
import { announce } from './spoken-guidance';

/**
 * Reads a screen's title aloud when the screen appears (or its title changes) while spoken
 * guidance is on. Switching guidance on does not read the title of the screen already showing:
 * the citizen just heard the panel confirm it, and the next screen will be read.
 */
export function useAnnounceHeading(ref: RefObject<HTMLElement | null>): void {
  const on = useAccessibilityStore((state) => state.spokenGuidance);
  const spoken = useRef<string | null>(null);
  useEffect(() => {
    const text = (ref.current?.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!on || text === '') {
      spoken.current = text;
      return;
    }
    if (text === spoken.current) return;
    spoken.current = text;
    announce([text], 'replace');
  });
}

/**
 * Reads `lines` after the screen's title each time `key` changes (the next question), and when
 * guidance is switched on while they show.
 */
export function useAnnounceOnShow(lines: readonly string[], key: string): void {
  const on = useAccessibilityStore((state) => state.spokenGuidance);
  const latest = useRef(lines);
  useLayoutEffect(() => {
    latest.current = lines;
  });
  useEffect(() => {
    if (on) announce(latest.current, 'append');
  }, [key, on]);
}
