import type { ReactNode } from 'react';
import { ScreenHeading } from '../ui/ScreenHeading';
import { EndVisitButton } from './EndVisitButton';
import './bills-frame.css';

interface BillsFrameProps {
  /** Small line above the title: which function, which step. */
  readonly eyebrow: string;
  readonly title: string;
  /** A "Volver" for this step, shown beside "Terminar". */
  readonly back?: ReactNode;
  readonly children: ReactNode;
}

/** Every bills screen: where the citizen is, the screen's title, and the same way out in the same place. */
export function BillsFrame({ eyebrow, title, back, children }: BillsFrameProps) {
  return (
    <main className="bills">
      <div className="bills__head">
        <div className="bills__titles">
          <p className="bills__eyebrow">{eyebrow}</p>
          <ScreenHeading className="bills__title">{title}</ScreenHeading>
        </div>
        <nav className="bills__nav" aria-label="Navegación">
          {back}
          <EndVisitButton />
        </nav>
      </div>
      {children}
    </main>
  );
}
