import { Component, type ReactNode } from 'react';
import { useIdleStore } from '../session/idle-store';
import { resetSessionState } from '../session/session-registry';
import { FullScreenMessage } from '../ui/FullScreenMessage';

interface ErrorBoundaryState {
  readonly failed: boolean;
}

/**
 * Last line of defence: a rendering bug shows a calm Spanish message and a way back, never a
 * blank screen or a stack trace. The way back clears the visit, like the idle timeout, and
 * renders the start screen again (no reload: Electron's kiosk window does not allow one).
 */
export class ErrorBoundary extends Component<{ readonly children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true };
  }

  private readonly startOver = (): void => {
    try {
      resetSessionState();
    } finally {
      useIdleStore.getState().clearSession(Date.now());
      this.setState({ failed: false });
    }
  };

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <FullScreenMessage
        tone="problem"
        title="Algo salió mal en esta pantalla"
        action={{ label: 'Volver al inicio', onPress: this.startOver }}
      >
        <p>Toque el botón para empezar de nuevo. Si el problema continúa, avise al personal de la oficina.</p>
      </FullScreenMessage>
    );
  }
}
