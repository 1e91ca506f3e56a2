import { err, ok, type Result } from '../../src-shared/api/result';
import { chooseCertificate } from '../../src-shared/certificates/certificate-choice';
import { priceOn } from '../../src-shared/certificates/certificate-catalogue';
import type { ServerDocumentValue } from '../../src-shared/server-api/wallet-api';
import { renderCertificatePdf } from '../../src-node/certificates/certificate-pdf';
import { waitInWords } from '../accounts/login-throttle';
import { takeQuota, type Quota } from '../accounts/quotas';
import type { AuthenticatedDevice } from '../devices/auth';
import { certificateDevice, verificationPath, type CertificateContext } from './certificate-context';
import { certificateDescription } from './certificate-description';

/** Previews a kiosk may ask for: each is a PDF made on the server, and free. */
const previewsPerDevice: Quota = { name: 'certificate-preview:device', limit: 120, windowMs: 60 * 60_000 };

/** What a preview prints where a bought copy has its code: it verifies nothing. */
export const previewCode = 'SINVALIDEZ';

/**
 * The certificate as it would be issued now, marked on every page «certificado de solo
 * consulta sin validez jurídica», unsigned, with no receipt and no verification code: what the
 * citizen checks before paying (the guide's «vista previa»).
 */
export async function previewCertificate(
  ctx: CertificateContext,
  input: { matricula: string; certificateCode: string },
  device: AuthenticatedDevice,
  publicBase: string,
): Promise<Result<ServerDocumentValue>> {
  const allowed = certificateDevice(device);
  if (!allowed.ok) return allowed;
  const now = ctx.now();
  const quota = await takeQuota(ctx.database.exec, `${previewsPerDevice.name}:${device.id}`, previewsPerDevice, now);
  if (!quota.granted)
    return err(
      'locked',
      `Este kiosco pidió muchas vistas previas. Espere ${waitInWords(quota.waitMs)} e intente de nuevo.`,
    );
  const entry = await ctx.registry.byNumber(ctx.database.exec, input.matricula);
  if (entry === null)
    return err('not-found', `No encontramos la matrícula ${input.matricula}. Revise el número e intente de nuevo.`);
  const choice = chooseCertificate(ctx.certificates.catalogue, input.certificateCode, entry, now);
  if (!choice.ok) return choice;
  const price = priceOn(ctx.certificates.catalogue, input.certificateCode, now);
  if (!price.ok) return price;
  const pdf = await renderCertificatePdf(
    certificateDescription(ctx.certificates, `${publicBase}${verificationPath}`, entry, choice.value, {
      issuedAt: now,
      receiptNumber: 'Sin pagar',
      pricePesos: price.value,
      verificationCode: previewCode,
      preview: true,
    }),
  );
  return ok({
    fileName: `vista-previa-${entry.number}.pdf`,
    contentType: 'application/pdf',
    base64: Buffer.from(pdf).toString('base64'),
  });
}
