import type { ButtonHTMLAttributes, ReactNode } from 'react';
import './button.css';

interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'type'> {
  readonly variant?: 'primary' | 'secondary';
  readonly size?: 'normal' | 'large';
  readonly children: ReactNode;
}

/** The one button of the kiosk: at least 64 px tall, high contrast, pressed state for touch. */
export function Button({ variant = 'primary', size = 'normal', children, ...rest }: ButtonProps) {
  const className = `button button--${variant}${size === 'large' ? ' button--large' : ''}`;
  return (
    <button type="button" className={className} {...rest}>
      {children}
    </button>
  );
}
