import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';

/** A photo taken with the kiosk's camera: the JPEG to attach and a small copy for the list. */
export interface CameraPhoto {
  readonly bytes: Uint8Array;
  readonly preview: string;
}

type Phase =
  | { readonly kind: 'starting' }
  | { readonly kind: 'live' }
  | { readonly kind: 'taken' }
  | { readonly kind: 'failed'; readonly message: string };

/** JPEG quality of the photo: a document's small print stays readable, a photo stays well under the limits. */
const photoQuality = 0.88;
/** Width of the copy shown in the list of attached files. */
const previewWidth = 160;

const noCamera =
  'Este kiosco no tiene una cámara disponible en este momento. Use «Desde una memoria USB» o pida ayuda al personal de la oficina.';

/** Why the camera did not open, in words for the citizen. */
function cameraProblem(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotReadableError' || name === 'AbortError')
    return 'La cámara del kiosco está ocupada o no responde. Cierre esta ventana e inténtelo de nuevo en un momento.';
  return noCamera;
}

/**
 * «Tomar foto del documento»: the kiosk's camera in a window over the screen, with a live
 * picture to frame the document, «Tomar foto», then the photo taken with «Repetir» and «Usar
 * esta foto». The photo is a JPEG drawn from the video onto a canvas; nothing is written on the
 * kiosk, and the camera is let go when the window closes. (The central server decodes and
 * encodes the photo again, so nothing but its pixels is kept.)
 */
export function CameraDialog({
  onUse,
  onClose,
}: {
  readonly onUse: (photo: CameraPhoto) => void;
  readonly onClose: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const stillRef = useRef<HTMLCanvasElement>(null);
  const titleId = useId();
  const [phase, setPhase] = useState<Phase>(() =>
    // No camera API at all (an old browser, a page not served from this machine).
    navigator.mediaDevices === undefined ? { kind: 'failed', message: noCamera } : { kind: 'starting' },
  );
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
  }, []);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let gone = false;
    const video = videoRef.current;
    if (video === null) return undefined;
    if (navigator.mediaDevices === undefined) return undefined;
    void navigator.mediaDevices
      .getUserMedia({
        audio: false,
        video: { facingMode: 'environment', width: { ideal: 1920 }, height: { ideal: 1080 } },
      })
      .then(async (opened) => {
        if (gone) return opened.getTracks().forEach((track) => track.stop());
        stream = opened;
        video.srcObject = opened;
        await video.play();
        if (!gone) setPhase({ kind: 'live' });
      })
      .catch((error: unknown) => {
        if (!gone) setPhase({ kind: 'failed', message: cameraProblem(error) });
      });
    return () => {
      gone = true;
      stream?.getTracks().forEach((track) => track.stop());
      video.srcObject = null;
    };
  }, []);

  const take = () => {
    const video = videoRef.current;
    const still = stillRef.current;
    if (video === null || still === null || video.videoWidth === 0) return;
    still.width = video.videoWidth;
    still.height = video.videoHeight;
    still.getContext('2d')?.drawImage(video, 0, 0, still.width, still.height);
    setPhase({ kind: 'taken' });
  };

  const use = () => {
    const still = stillRef.current;
    if (still === null) return;
    setBusy(true);
    still.toBlob(
      (blob) => {
        if (blob === null) {
          setBusy(false);
          setPhase({ kind: 'failed', message: 'No se pudo guardar la foto. Tómela de nuevo.' });
          return;
        }
        void blob.arrayBuffer().then((buffer) => {
          onUse({ bytes: new Uint8Array(buffer), preview: previewOf(still) });
        });
      },
      'image/jpeg',
      photoQuality,
    );
  };

  const live = phase.kind === 'live';
  const taken = phase.kind === 'taken';
  return (
    <dialog
      ref={dialogRef}
      className="tickets-camera"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="tickets-camera__bar">
        <h2 id={titleId} className="tickets-camera__title">
          Tomar foto del documento
        </h2>
        <p className="tickets-camera__hint">
          {taken
            ? 'Revise que el documento se lea bien y completo.'
            : 'Ponga el documento frente a la cámara, completo y con buena luz.'}
        </p>
      </header>
      <div className="tickets-camera__view">
        <video
          ref={videoRef}
          className="tickets-camera__video"
          hidden={taken}
          muted
          playsInline
          aria-label="Lo que ve la cámara"
        />
        <canvas
          ref={stillRef}
          className="tickets-camera__still"
          hidden={!taken}
          role="img"
          aria-label="La foto tomada"
        />
        {phase.kind === 'starting' && (
          <p className="tickets-camera__note" role="status">
            Encendiendo la cámara…
          </p>
        )}
        {phase.kind === 'failed' && (
          <p className="tickets-camera__note account-problem" role="alert">
            {phase.message}
          </p>
        )}
      </div>
      <nav className="tickets-camera__actions" aria-label="Qué hacer con la foto">
        {!taken && (
          <Button size="large" disabled={!live} onClick={take}>
            <Icon name="camera" className="button__icon" />
            Tomar foto
          </Button>
        )}
        {taken && (
          <>
            <Button size="large" disabled={busy} onClick={use}>
              {busy ? 'Adjuntando…' : 'Usar esta foto'}
            </Button>
            <Button size="large" variant="secondary" disabled={busy} onClick={() => setPhase({ kind: 'live' })}>
              Repetir
            </Button>
          </>
        )}
        <Button size="large" variant="secondary" onClick={onClose}>
          <Icon name="close" className="button__icon" />
          Cancelar
        </Button>
      </nav>
    </dialog>
  );
}

/** A small JPEG of the photo as a data: URL (the page's policy allows images from data: only). */
function previewOf(still: HTMLCanvasElement): string {
  const small = document.createElement('canvas');
  small.width = previewWidth;
  small.height = Math.max(1, Math.round((still.height * previewWidth) / still.width));
  small.getContext('2d')?.drawImage(still, 0, 0, small.width, small.height);
  return small.toDataURL('image/jpeg', 0.7);
}
