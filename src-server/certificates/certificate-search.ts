import { ok, type Result } from '../../src-shared/api/result';
import { applicableCertificates, chooseCertificate } from '../../src-shared/certificates/certificate-choice';
import { priceOn } from '../../src-shared/certificates/certificate-catalogue';
import type { Matricula } from '../../src-shared/certificates/matricula';
import { formatNit } from '../../src-shared/domain/nit';
import type { OfferedCertificate, RegistryMatch } from '../../src-shared/server-api/certificates-api';
import type { AuthenticatedDevice } from '../devices/auth';
import { certificateDevice, type CertificateContext } from './certificate-context';

/** Entries a search lists at most: a kiosk screen of big rows; more means «escriba más». */
const shownMatches = 8;

const kindLabels: Record<Matricula['kind'], string> = {
  'persona-natural': 'Persona natural',
  sociedad: 'Sociedad',
  establecimiento: 'Establecimiento de comercio',
  esal: 'Entidad sin ánimo de lucro',
};

/**
 * «Buscar la empresa»: registry entries by NIT, matrícula or name, each with the certificates
 * on sale for it today, their price and what the citizen must read before paying.
 */
export async function searchCertificates(
  ctx: CertificateContext,
  query: string,
  device: AuthenticatedDevice,
): Promise<Result<{ matches: RegistryMatch[]; more: boolean }>> {
  const allowed = certificateDevice(device);
  if (!allowed.ok) return allowed;
  const found = await ctx.registry.search(ctx.database.exec, query, shownMatches);
  if (found.refusal !== null) return { ok: false, error: found.refusal };
  const now = ctx.now();
  return ok({
    matches: found.entries.map((entry) => ({
      matricula: entry.number,
      name: entry.name,
      nit: entry.nit === null ? null : formatNit(entry.nit.slice(0, -1)),
      kindLabel: kindLabels[entry.kind],
      state: entry.state,
      municipality: entry.domicile,
      lastRenewedYear: entry.lastRenewedYear,
      certificates: offered(ctx, entry, now),
    })),
    more: found.more,
  });
}

function offered(ctx: CertificateContext, entry: Matricula, now: Date): OfferedCertificate[] {
  const catalogue = ctx.certificates.catalogue;
  return applicableCertificates(catalogue, entry, now).flatMap((certificate) => {
    const choice = chooseCertificate(catalogue, certificate.code, entry, now);
    const price = priceOn(catalogue, certificate.code, now);
    if (!choice.ok || !price.ok) return [];
    return [
      {
        code: certificate.code,
        title: certificate.title,
        price: price.value,
        notRenewedWatermark: choice.value.notRenewedWatermark,
        notices: [...choice.value.notices],
      },
    ];
  });
}
