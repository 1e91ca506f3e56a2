/**
 * The one permission the kiosk's window grants: the camera, for «Tomar foto del documento»
 * (support tickets, docs/tickets-kiosk.md). Video only — never the microphone, the screen or
 * anything else — asked by the app's own page, from its main frame, on a kiosk. Every other
 * request is refused, as before (main-window.ts).
 */
export interface MediaRequest {
  /** Electron's permission name: `media` for getUserMedia. */
  readonly permission: string;
  /** What the page asks for: `video`, `audio` (a check names one, a request may name both). */
  readonly mediaTypes: readonly string[];
  /** The URL of the frame asking; empty when Electron did not say. */
  readonly requestingUrl: string;
  readonly isMainFrame: boolean;
}

export function cameraPermitted(request: MediaRequest, appUrl: string, cameraAllowed: boolean): boolean {
  const samePage = request.requestingUrl.split('#')[0] === appUrl.split('#')[0];
  return (
    cameraAllowed &&
    request.permission === 'media' &&
    request.isMainFrame &&
    samePage &&
    request.mediaTypes.length > 0 &&
    request.mediaTypes.every((type) => type === 'video')
  );
}
