import { useId, useRef, useState } from 'react';
import { megabytesInWords } from '../../src-shared/api/document';
import type { TicketFileLimits } from '../../src-shared/server-api/tickets-api';
import { ProblemLine } from '../accounts/ProblemLine';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { CameraDialog, type CameraPhoto } from './CameraDialog';
import { filesHint } from './ticket-words';
import { useTicketsStore, type AttachedFile, type FileList } from './tickets-store';
import { useAttachFile } from './useAttachFile';

/** What the file chooser offers, by the types the server takes (it decides by the bytes anyway). */
const acceptOf: Record<TicketFileLimits['types'][number], string> = {
  pdf: '.pdf,application/pdf',
  jpeg: '.jpg,.jpeg,image/jpeg',
  png: '.png,image/png',
  webp: '.webp,image/webp',
};

/** «foto-1.jpg», «foto-2.jpg»: a camera photo's name, numbered in this list. */
const photoName = (files: readonly AttachedFile[]): string =>
  `foto-${files.filter((f) => f.preview !== null).length + 1}.jpg`;

/**
 * The files of a new ticket or of a message (guide 002: «Seleccionar archivo», then «Adjuntar
 * este archivo», more than one): a photo of the document with the kiosk's camera, or a file
 * from a USB memory, each listed with «Quitar». The kiosk holds them until the ticket or the
 * message goes; the central server checks what they are.
 */
export function AttachmentsPanel({ list, limits }: { readonly list: FileList; readonly limits: TicketFileLimits }) {
  const files = useTicketsStore((state) => state.files[list]);
  const { progress, attach, remove } = useAttachFile(list);
  const [camera, setCamera] = useState(false);
  const [chosen, setChosen] = useState<File | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const sending = progress.phase === 'sending';
  const full = files.length >= limits.maxCount;

  const usePhoto = (photo: CameraPhoto) => {
    setCamera(false);
    const bytes = photo.bytes;
    void attach({
      name: photoName(files),
      size: bytes.length,
      read: () => Promise.resolve(bytes),
      preview: photo.preview,
    });
  };

  const attachChosen = async () => {
    if (chosen === null) return;
    const file = chosen;
    const read = async () => new Uint8Array(await file.arrayBuffer());
    if (await attach({ name: file.name, size: file.size, read, preview: null })) setChosen(null);
  };

  return (
    <section className="bills-card tickets-files" aria-labelledby={titleId}>
      <div className="tickets-files__head">
        <h2 id={titleId} className="wallet-section-title">
          Documentos adjuntos <span className="tickets-optional">(opcional)</span>
        </h2>
        <p className="bills-muted">{filesHint(limits)}</p>
      </div>
      <div className="tickets-files__ways">
        <Button size="large" disabled={sending || full} onClick={() => setCamera(true)}>
          <Icon name="camera" className="button__icon" />
          Tomar foto del documento
        </Button>
        <Button size="large" variant="secondary" disabled={sending || full} onClick={() => picker.current?.click()}>
          <Icon name="usb" className="button__icon" />
          Desde una memoria USB
        </Button>
        <input
          ref={picker}
          type="file"
          hidden
          aria-label="Seleccionar archivo"
          accept={limits.types.map((type) => acceptOf[type]).join(',')}
          onChange={(event) => {
            setChosen(event.target.files?.[0] ?? null);
            // The same file may be chosen again after it was removed.
            event.target.value = '';
          }}
        />
      </div>
      {chosen !== null && (
        <div className="tickets-chosen" role="group" aria-label="Archivo seleccionado">
          <Icon name={chosen.type.startsWith('image/') ? 'camera' : 'pdf'} className="tickets-chosen__icon" />
          <p className="tickets-chosen__words">
            <span className="tickets-chosen__label">Archivo seleccionado</span>
            <strong>{chosen.name}</strong>
            <span>{megabytesInWords(chosen.size)}</span>
          </p>
          <Button size="large" disabled={sending} onClick={() => void attachChosen()}>
            <Icon name="attach" className="button__icon" />
            Adjuntar este archivo
          </Button>
          <Button variant="secondary" disabled={sending} onClick={() => setChosen(null)}>
            Cancelar
          </Button>
        </div>
      )}
      {progress.phase === 'sending' && (
        <p className="tickets-progress" role="status">
          <span className="bills-spinner" aria-hidden="true" />
          Adjuntando «{progress.name}»… {progress.percent} %
        </p>
      )}
      {progress.phase === 'done' && (
        <p className="account-done" role="status">
          Archivo adjuntado: «{progress.name}».
        </p>
      )}
      {progress.phase === 'failed' && <ProblemLine problem={progress.problem} />}
      {files.length > 0 && (
        <ul className="tickets-files__list" aria-label="Archivos adjuntos">
          {files.map((file) => (
            <li key={file.fileId} className="tickets-file">
              {file.preview !== null ? (
                <img className="tickets-file__preview" src={file.preview} alt="" />
              ) : (
                <Icon name="pdf" className="tickets-file__icon" />
              )}
              <span className="tickets-file__name">{file.name}</span>
              <span className="tickets-file__size">{megabytesInWords(file.size)}</span>
              <Button variant="secondary" disabled={sending} onClick={() => remove(file.fileId)}>
                <Icon name="close" className="button__icon" />
                Quitar
                <span className="visually-hidden"> {file.name}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {camera && <CameraDialog onUse={usePhoto} onClose={() => setCamera(false)} />}
    </section>
  );
}
