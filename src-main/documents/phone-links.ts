import type { DocumentFile } from '../../src-shared/api/document';
import type { PhoneLink } from '../../src-shared/api/phone-link';
import { err, type Result } from '../../src-shared/api/result';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { ServerClient } from '../server-link/server-client';

const offline =
  'Para llevar el documento a su celular, este kiosco necesita conexión con el servidor central, y en este momento no la tiene. Puede imprimirlo, o intentarlo de nuevo en unos minutos.';

/**
 * «Llevar a mi celular» on the device (docs/documents-to-phone.md): the document goes to the
 * central server as its bytes, which holds it for minutes behind a single-use link; the kiosk
 * keeps nothing of it, not even the link after the screen is gone.
 */
export class PhoneLinks {
  constructor(
    private readonly client: ServerClient,
    private readonly meta: DeviceMeta,
    private readonly log: Logger,
  ) {}

  async send(document: DocumentFile): Promise<Result<PhoneLink>> {
    const token = this.meta.get('deviceToken');
    if (token === null)
      return err(
        'not-enrolled',
        'Este equipo todavía no está inscrito en el servidor central: no puede llevar documentos al celular. Avise al personal de la oficina.',
      );
    const result = await this.client.call(
      'documents.phoneLink',
      { fileName: document.fileName },
      { token },
      { upload: { bytes: document.bytes, contentType: document.contentType } },
    );
    if (!result.ok) {
      this.log.info({ errorCode: result.error.code }, 'phone link not made');
      return result.error.code === 'offline' ? err('offline', offline) : result;
    }
    this.log.info({ bytes: document.bytes.byteLength }, 'document left on the central server for a phone');
    return result;
  }
}
