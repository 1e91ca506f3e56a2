import { z } from 'zod';
import { defaultPhoneLinkMinutes } from '../../src-shared/api/phone-link';
import { defaultUploadMaxBytes } from '../http/binary-body';

/** Files devices send the central server, and the links it makes for phones (docs/documents-to-phone.md). */
export interface DocumentConfig {
  /**
   * The address citizens' phones reach this server at, e.g. `https://ventanilla.acueducto.gov.co`
   * (VENTANILLA_PUBLIC_URL). Null: the address the device called, good on the office network only.
   */
  readonly publicUrl: string | null;
  /** Largest file a device uploads, in bytes (VENTANILLA_UPLOAD_MAX_BYTES); refused before it is read whole. */
  readonly uploadMaxBytes: number;
  /** How long a phone link opens (VENTANILLA_PHONE_LINK_MINUTES). */
  readonly phoneLinkMinutes: number;
}

export const defaultDocumentConfig: DocumentConfig = {
  publicUrl: null,
  uploadMaxBytes: defaultUploadMaxBytes,
  phoneLinkMinutes: defaultPhoneLinkMinutes,
};

const UploadMaxBytes = z.coerce
  .number()
  .int()
  .min(65_536)
  .max(100 * 1024 * 1024);
const LinkMinutes = z.coerce.number().int().min(1).max(60);

/**
 * VENTANILLA_PUBLIC_URL, VENTANILLA_UPLOAD_MAX_BYTES and VENTANILLA_PHONE_LINK_MINUTES; a wrong
 * value is a `problem` in Spanish, which loadServerConfig raises as its own error.
 */
export function loadDocumentConfig(
  env: Record<string, string | undefined>,
): DocumentConfig | { readonly problem: string } {
  const publicUrl = env.VENTANILLA_PUBLIC_URL?.trim() || null;
  if (
    publicUrl !== null &&
    (!URL.canParse(publicUrl) || !/^https?:$/.test(new URL(publicUrl).protocol) || new URL(publicUrl).search !== '')
  ) {
    return {
      problem: `VENTANILLA_PUBLIC_URL debe ser la dirección http(s) pública del servidor central, sin parámetros, no «${publicUrl}».`,
    };
  }
  const upload = UploadMaxBytes.safeParse(
    env.VENTANILLA_UPLOAD_MAX_BYTES?.trim() || String(defaultDocumentConfig.uploadMaxBytes),
  );
  if (!upload.success) {
    return {
      problem: `VENTANILLA_UPLOAD_MAX_BYTES debe ser un número de bytes entre 65536 y 104857600, no «${env.VENTANILLA_UPLOAD_MAX_BYTES}».`,
    };
  }
  const minutes = LinkMinutes.safeParse(
    env.VENTANILLA_PHONE_LINK_MINUTES?.trim() || String(defaultDocumentConfig.phoneLinkMinutes),
  );
  if (!minutes.success) {
    return {
      problem: `VENTANILLA_PHONE_LINK_MINUTES debe ser un número entero de minutos entre 1 y 60, no «${env.VENTANILLA_PHONE_LINK_MINUTES}».`,
    };
  }
  return {
    publicUrl: publicUrl?.replace(/\/+$/, '') ?? null,
    uploadMaxBytes: upload.data,
    phoneLinkMinutes: minutes.data,
  };
}
