import { err, ok, type Result } from '../../src-shared/api/result';
import { readVerificationCode } from '../../src-shared/certificates/verification-code';
import type { AuthenticatedDevice } from '../devices/auth';
import { certificateDevice, type CertificateContext } from './certificate-context';

interface Row extends Record<string, unknown> {
  id: string;
  state: string;
  copy: number;
  title: string;
  receipt_number: string | number;
  device_id: string;
  pdf: Uint8Array;
}

/**
 * «Volver a entregar»: a copy the kiosk's dispenser did not confirm, given back to the same kiosk
 * by its code so it can be dispensed again without a new charge. Only a copy in `unknown`, only
 * to the kiosk that sold it (the tray it may be lying in is there); its outcome is then reported
 * with `certificates.dispensed`, which settles or refunds it once.
 */
export async function redispenseCertificate(
  ctx: CertificateContext,
  typed: string,
  device: AuthenticatedDevice,
): Promise<
  Result<{
    certificateId: string;
    receiptNumber: number;
    title: string;
    copy: number;
    verificationCode: string;
    pdfBase64: string;
  }>
> {
  const allowed = certificateDevice(device);
  if (!allowed.ok) return allowed;
  const code = readVerificationCode(typed);
  if (!code.ok) return code;
  const { rows } = await ctx.database.exec.query<Row>(
    `SELECT c.id, c.state, c.copy, c.title, p.receipt_number, p.device_id, d.pdf
     FROM issued_certificates c JOIN certificate_purchases p ON p.id = c.purchase_id
     JOIN issued_certificate_pdfs d ON d.certificate_id = c.id
     WHERE c.verification_code = $1`,
    [code.value],
  );
  const row = rows[0];
  if (row === undefined || row.device_id !== device.id)
    return err('not-found', 'No encontramos un certificado de este kiosco con ese código. Revise cada carácter.');
  if (row.state !== 'unknown')
    return err(
      'conflict',
      row.state === 'delivered'
        ? 'Ese certificado ya se entregó: no se vuelve a imprimir.'
        : row.state === 'refunded'
          ? 'Ese certificado no se entregó y su valor ya se devolvió al prepago: no tiene validez.'
          : 'Ese certificado se está entregando en este momento.',
    );
  ctx.log.info({ device: device.id, certificate: row.id }, 'unconfirmed certificate given back to dispense again');
  return ok({
    certificateId: row.id,
    receiptNumber: Number(row.receipt_number),
    title: row.title,
    copy: row.copy,
    verificationCode: code.value,
    pdfBase64: Buffer.from(row.pdf).toString('base64'),
  });
}
