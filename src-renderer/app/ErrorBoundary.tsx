import { Component, type ReactNode } from 'react';
import { FullScreenMessage } from '../ui/FullScreenMessage';

interface ErrorBoundaryState {
  readonly failed: boolean;
}

/**
 * Last line of defence: a rendering bug shows a calm Spanish message and a way back, never a
 * blank screen or a stack trace. Reloading starts a clean session.
 */
export class ErrorBoundary extends Component<{ readonly children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <FullScreenMessage
        tone="problem"
        title="Algo salió mal en esta pantalla"
        action={{ label: 'Volver al inicio', onPress: () => window.location.reload() }}
      >
        <p>Toque el botón para empezar de nuevo. Si el problema continúa, avise al personal de la oficina.</p>
      </FullScreenMessage>
    );
  }
}
