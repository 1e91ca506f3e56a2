import { err, ok, type Result } from '../api/result';
import { formatDateEs } from '../domain/calendar-es';
import { certificateOn, certificatesOn, type CatalogueEntry, type CertificateCatalogue } from './certificate-catalogue';
import type { Matricula, MatriculaKind } from './matricula';
import { defaultRenewalCutoff, renewalReminder, renewalStatus, type RenewalStatus } from './renewal';

/**
 * Which certificate a registry entry gets (docs/domain/certificates.md, 6.1): a sociedad or an
 * ESAL the certificado de existencia y representación legal; a persona natural and an
 * establecimiento de comercio their certificado de matrícula mercantil.
 *
 * A CANCELLED matrícula still gets its certificate, and the certificate states the
 * cancellation and its date (SII's existencia has a «cancelación» block for it). That is what
 * the citizen usually needs it for: DIAN asks for the chamber's certificate showing the
 * cancellation (or the liquidation) to close the RUT, and a buyer or a bank checks that a
 * business is no longer registered. It certifies no current existence or representation, so
 * the kiosk shows `notices` before taking the money, and the not-renewed watermark never
 * applies to it (renewal ends with the cancellation).
 */

export interface CertificateChoice {
  readonly certificate: CatalogueEntry;
  readonly renewal: RenewalStatus;
  /** «NO HA CUMPLIDO CON LA OBLIGACIÓN LEGAL DE RENOVAR…» goes on every page. */
  readonly notRenewedWatermark: boolean;
  /** The header's reminder to renew before the cutoff, when this year's renewal is due; else null. */
  readonly renewalReminder: string | null;
  /** The certificate states that the matrícula was cancelled, on this day (`YYYY-MM-DD`). */
  readonly cancelledOn: string | null;
  /** What the citizen must read before paying, in Spanish (empty when nothing needs saying). */
  readonly notices: readonly string[];
}

const kindWords: Record<MatriculaKind, string> = {
  'persona-natural': 'una persona natural',
  sociedad: 'una sociedad',
  establecimiento: 'un establecimiento de comercio',
  esal: 'una entidad sin ánimo de lucro',
};

/** The catalogue's certificates on sale on `at` that apply to `entry`, in catalogue order. */
export function applicableCertificates(
  catalogue: CertificateCatalogue,
  entry: Pick<Matricula, 'kind'>,
  at: Date,
): CatalogueEntry[] {
  return certificatesOn(catalogue, at).filter((c) => c.appliesTo.includes(entry.kind));
}

/**
 * Whether certificate `code` may be sold for `entry` on `at`, and how it must be printed. A
 * certificate of another kind is refused with the one that applies named, so the citizen can
 * go back one step instead of starting over.
 */
export function chooseCertificate(
  catalogue: CertificateCatalogue,
  code: string,
  entry: Pick<Matricula, 'kind' | 'name' | 'state' | 'lastRenewedYear' | 'cancelledOn'>,
  at: Date,
  cutoff: string = defaultRenewalCutoff,
): Result<CertificateChoice> {
  const certificate = certificateOn(catalogue, code, at);
  if (!certificate.ok) return certificate;
  if (!certificate.value.appliesTo.includes(entry.kind)) {
    const instead = applicableCertificates(catalogue, entry, at)[0];
    const hint =
      instead === undefined
        ? ' La cámara de comercio no vende hoy en el kiosco un certificado para esta matrícula; acérquese a una taquilla.'
        : ` Para ${entry.name} pida el «${instead.title}».`;
    return err(
      'validation',
      `El «${certificate.value.title}» no se expide para ${kindWords[entry.kind]}.${hint}`,
      'certificate',
    );
  }
  const renewal = renewalStatus(entry, at, cutoff);
  const cancelledOn = entry.state === 'cancelada' ? (entry.cancelledOn ?? null) : null;
  const notices: string[] = [];
  if (entry.state === 'cancelada') {
    const when = cancelledOn === null ? '' : ` el ${formatDateEs(cancelledOn)}`;
    notices.push(
      `La matrícula de ${entry.name} fue cancelada${when}. El certificado dirá que está cancelada: ` +
        'sirve para probar la cancelación, no la existencia ni la representación legal actuales.',
    );
  }
  if (renewal === 'no-renovada') {
    notices.push(
      `La matrícula no se ha renovado desde ${entry.lastRenewedYear}. El certificado llevará la marca ` +
        '«No ha cumplido con la obligación legal de renovar su matrícula mercantil».',
    );
  }
  return ok({
    certificate: certificate.value,
    renewal,
    notRenewedWatermark: renewal === 'no-renovada',
    renewalReminder: renewal === 'por-renovar' ? renewalReminder(at, cutoff) : null,
    cancelledOn,
    notices,
  });
}
