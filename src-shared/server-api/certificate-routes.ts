import {
  CertificateOutcomeRequest,
  CertificateOutcomeValue,
  CertificatePreviewRequest,
  CertificatePreviewValue,
  CertificatePurchaseLookupRequest,
  CertificatePurchaseRequest,
  CertificatePurchaseValue,
  CertificateRedispenseRequest,
  CertificateRedispenseValue,
  CertificateSearchRequest,
  CertificateSearchValue,
} from './certificates-api';
import { defineRoute, type ServerRoute } from './route';

/** «Certificados» at a kiosk (docs/certificates.md): part of the one route map (routes.ts). */
export const certificateRoutes = {
  'certificates.search': defineRoute({
    summary: 'Registry entries by NIT, matrícula or name, with the certificates on sale for each and today’s price.',
    method: 'POST',
    path: '/v1/certificates/search',
    auth: 'device',
    request: CertificateSearchRequest,
    response: CertificateSearchValue,
    timeout: 'short',
  }),
  'certificates.preview': defineRoute({
    summary: 'A certificate marked «sin validez» (PDF, base64), before paying.',
    method: 'POST',
    path: '/v1/certificates/preview',
    auth: 'device',
    request: CertificatePreviewRequest,
    response: CertificatePreviewValue,
    timeout: 'long',
  }),
  'certificates.purchase': defineRoute({
    summary:
      'Buys copies with identification and clave: the price is held on the wallet and each signed copy returned; the same purchase key answers the first purchase.',
    method: 'POST',
    path: '/v1/certificates/purchase',
    auth: 'device',
    request: CertificatePurchaseRequest,
    response: CertificatePurchaseValue,
    timeout: 'long',
  }),
  'certificates.purchaseByKey': defineRoute({
    summary:
      'The purchase this kiosk made under a purchase key (no clave: only the kiosk that made the key gets it), for a purchase whose answer was lost.',
    method: 'POST',
    path: '/v1/certificates/purchase/lookup',
    auth: 'device',
    request: CertificatePurchaseLookupRequest,
    response: CertificatePurchaseValue,
    timeout: 'long',
  }),
  'certificates.dispensed': defineRoute({
    summary:
      'How one copy’s dispensing ended: completed settles its price, failed refunds it, unknown leaves it for staff.',
    method: 'POST',
    path: '/v1/certificates/dispensed',
    auth: 'device',
    request: CertificateOutcomeRequest,
    response: CertificateOutcomeValue,
    timeout: 'short',
  }),
  'certificates.redispense': defineRoute({
    summary:
      'A copy this kiosk sold whose delivery is unknown, again by its verification code, without a new charge; its outcome is reported as any other.',
    method: 'POST',
    path: '/v1/certificates/redispense',
    auth: 'device',
    request: CertificateRedispenseRequest,
    response: CertificateRedispenseValue,
    timeout: 'long',
  }),
} satisfies Record<string, ServerRoute>;
