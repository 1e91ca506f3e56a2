import { useEffect, useRef, type ReactNode } from 'react';
import { useAnnounceHeading } from '../accessibility/useAnnouncements';
import { scrollScreenToTop } from './reveal';

/**
 * A screen's h1. It takes focus when the screen appears, so a screen reader announces the new
 * screen and keyboard focus does not stay on a button that no longer exists, and the screen
 * starts at its top (a step that replaces another in the same area would otherwise open where
 * the last one was scrolled, which larger text makes likely); with spoken guidance on, the
 * kiosk reads it aloud.
 */
export function ScreenHeading({ className, children }: { readonly className?: string; readonly children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const heading = ref.current;
    if (heading === null) return;
    heading.focus({ preventScroll: true });
    scrollScreenToTop(heading);
  }, []);
  useAnnounceHeading(ref);
  return (
    <h1 ref={ref} className={className} tabIndex={-1}>
      {children}
    </h1>
  );
}
