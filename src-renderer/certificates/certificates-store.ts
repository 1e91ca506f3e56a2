import type { KioskPurchaseView, KioskRedispenseView } from '../../src-shared/api/ops/certificates';
import type { OfferedCertificate, RegistryMatch } from '../../src-shared/server-api/certificates-api';
import { createSessionStore } from '../session/create-session-store';

/** Where the citizen is in «Certificados». */
export type CertificatesStep = 'search' | 'certificate' | 'copies' | 'pay' | 'delivery' | 'redispense';

interface CertificatesData {
  step: CertificatesStep;
  /** The search as typed, kept while the citizen goes back to the list. */
  query: string;
  matches: readonly RegistryMatch[] | null;
  more: boolean;
  match: RegistryMatch | null;
  certificate: OfferedCertificate | null;
  copies: number;
  /** The purchase being delivered; its key is how the kiosk follows it. */
  purchase: KioskPurchaseView | null;
  /**
   * «Volver a entregar un certificado»: the verification code of the one copy of `purchase`
   * being dispensed again (the delivery shows only it); null for a purchase.
   */
  redispensing: string | null;
}

interface CertificatesActions {
  searched(query: string, matches: readonly RegistryMatch[], more: boolean): void;
  pickMatch(match: RegistryMatch): void;
  pickCertificate(certificate: OfferedCertificate): void;
  setCopies(copies: number): void;
  bought(purchase: KioskPurchaseView): void;
  progressed(purchase: KioskPurchaseView): void;
  /** The server gave back a copy whose delivery was unknown: follow it alone. */
  redispensed(view: KioskRedispenseView): void;
  toStep(step: CertificatesStep): void;
  /** A new search, from nothing. */
  restart(): void;
}

const initial: CertificatesData = {
  step: 'search',
  query: '',
  matches: null,
  more: false,
  match: null,
  certificate: null,
  copies: 1,
  purchase: null,
  redispensing: null,
};

/**
 * The certificates of this kiosk visit: the search, the business and certificate chosen, the
 * copies and the purchase being delivered. A session store: the idle timeout and «Terminar»
 * forget all of it. The clave is never kept here: it lives in the payment form only.
 */
export const useCertificatesStore = createSessionStore<CertificatesData, CertificatesActions>(
  'certificates',
  initial,
  (set) => ({
    searched: (query, matches, more) => set({ query, matches, more }),
    pickMatch: (match) => set({ match, certificate: null, step: 'certificate' }),
    pickCertificate: (certificate) => set({ certificate, copies: 1, step: 'copies' }),
    setCopies: (copies) => set({ copies }),
    bought: (purchase) => set({ purchase, redispensing: null, step: 'delivery' }),
    redispensed: (view) => set({ purchase: view.purchase, redispensing: view.verificationCode, step: 'delivery' }),
    progressed: (purchase) => set({ purchase }),
    toStep: (step) => set({ step }),
    restart: () => set({ ...initial }),
  }),
);
