import type { FastifyInstance, FastifyRequest } from 'fastify';
import { err, ok } from '../../../src-shared/api/result';
import { certificateDevice, type CertificateContext } from '../../certificates/certificate-context';
import { purchaseAnswer } from '../../certificates/purchase-answer';
import { reportDispense } from '../../certificates/certificate-outcome';
import { previewCertificate } from '../../certificates/certificate-preview';
import { searchCertificates } from '../../certificates/certificate-search';
import { purchaseCertificate } from '../../certificates/purchase-certificate';
import { redispenseCertificate } from '../../certificates/redispense-certificate';
import { apiRoutes } from '../api-route';

export interface CertificateRouteDeps extends CertificateContext {
  /** The address citizens reach this server at (VENTANILLA_PUBLIC_URL): the copies' QR points there. */
  readonly publicUrl: string | null;
}

/**
 * «Certificados» for enrolled kiosks (docs/certificates.md). The device's mode comes from the
 * server's record: only a kiosk (it has the dispenser) may search, preview, buy and report.
 */
export function certificateApiRoutes(deps: CertificateRouteDeps): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    const route = apiRoutes(app, { database: deps.database, now: deps.now });
    const publicBase = (request: FastifyRequest): string => deps.publicUrl ?? `${request.protocol}://${request.host}`;
    route('certificates.search', async ({ query }, { device }) => searchCertificates(deps, query, device));
    route('certificates.preview', async (input, { device, request }) =>
      previewCertificate(deps, input, device, publicBase(request)),
    );
    route('certificates.purchase', async (input, { device, request }) =>
      purchaseCertificate(deps, input, device, publicBase(request)),
    );
    route('certificates.purchaseByKey', async ({ purchaseKey }, { device }) => {
      const allowed = certificateDevice(device);
      if (!allowed.ok) return allowed;
      const found = await purchaseAnswer(deps.database.exec, device.id, purchaseKey);
      return found === null ? err('not-found', 'Este kiosco no tiene una compra con esa clave.') : ok(found);
    });
    route('certificates.dispensed', async (input, { device }) => reportDispense(deps, input, device));
    route('certificates.redispense', async ({ verificationCode }, { device }) =>
      redispenseCertificate(deps, verificationCode, device),
    );
  };
}
