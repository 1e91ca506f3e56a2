import type { ReactNode } from 'react';
import logoMarkUrl from '../../assets/logo-mark.svg';
import { Button } from './Button';
import './full-screen-message.css';

interface FullScreenMessageProps {
  readonly title: string;
  readonly tone: 'calm' | 'problem';
  readonly busy?: boolean;
  readonly action?: { readonly label: string; readonly onPress: () => void };
  readonly children?: ReactNode;
}

/** A whole-screen explanation for when the kiosk cannot show anything else (loading, no access). */
export function FullScreenMessage({ title, tone, busy = false, action, children }: FullScreenMessageProps) {
  return (
    <main className={`full-message full-message--${tone}`} aria-busy={busy}>
      <div className="full-message__card" role={tone === 'problem' ? 'alert' : undefined}>
        <img className="full-message__logo" src={logoMarkUrl} alt="" />
        <h1 className="full-message__title">{title}</h1>
        {children !== undefined && <div className="full-message__body">{children}</div>}
        {busy && <div className="full-message__spinner" aria-hidden="true" />}
        {action !== undefined && (
          <Button size="large" onClick={action.onPress}>
            {action.label}
          </Button>
        )}
      </div>
    </main>
  );
}
