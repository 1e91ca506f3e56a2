import pino from 'pino';
import type { Logger } from '../../logger';
import type { GatewayConfig } from '../wallet-config';
import { demoGatewayAdapter } from './demo/demo-adapter';
import type { PaymentGateway } from './gateway-adapter';
import { wompiGateway } from './wompi-gateway';

export interface GatewayPlace {
  /** Where a citizen's phone reaches this server (the demo's checkout link). */
  readonly publicBaseUrl: string;
  /** This server on loopback (the demo's lookups). */
  readonly selfUrl?: string;
  /** This server's own certificate, when it serves HTTPS (the demo's lookups on loopback). */
  readonly pinnedCertificate?: string | Buffer;
}

/** The configured gateway: Wompi with its keys, or the demo this server serves itself. */
export function paymentGateway(config: GatewayConfig, place: GatewayPlace, log?: Logger): PaymentGateway {
  const logger = log ?? pino({ level: 'silent' });
  if (config.kind === 'wompi') return wompiGateway(config, logger);
  return demoGatewayAdapter(
    {
      integritySecret: config.integritySecret,
      publicBaseUrl: place.publicBaseUrl,
      selfUrl: place.selfUrl,
      pinnedCertificate: place.pinnedCertificate,
    },
    logger,
  );
}
