import type { OpOutput, OpParsedInput } from '../../src-shared/api/contract';
import type { DocumentFile } from '../../src-shared/api/document';
import { err, ok, type Result } from '../../src-shared/api/result';
import type { RouteCredentials, RouteInput, RouteName, RouteValue } from '../../src-shared/server-api/routes';
import type { ServerDocumentValue } from '../../src-shared/server-api/wallet-api';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { ServerClient } from '../server-link/server-client';
import { walletNotEnrolled, walletOffline } from './wallet-messages';

/**
 * The kiosk's side of the prepaid wallet: each operation goes to the central server with this
 * device's token (the server decides, throttles per device and records the terms' acceptance
 * against it) and the server's Spanish answer comes back as it is. Nothing of the wallet is
 * stored on the device: no identification, no clave, no balance.
 */
export class WalletService {
  constructor(
    private readonly client: ServerClient,
    private readonly meta: DeviceMeta,
    private readonly log: Logger,
  ) {}

  async terms(): Promise<Result<OpOutput<'wallet.terms'>>> {
    const terms = await this.send('wallet.terms', {}, (token) => ({ token }));
    if (!terms.ok) return terms;
    return ok({ version: terms.value.version, title: terms.value.title, text: terms.value.text });
  }

  start(input: OpParsedInput<'wallet.start'>): Promise<Result<OpOutput<'wallet.start'>>> {
    return this.send('wallet.start', input, (token) => ({ token }));
  }

  createLiquidation(
    input: OpParsedInput<'wallet.createLiquidation'>,
  ): Promise<Result<OpOutput<'wallet.createLiquidation'>>> {
    return this.send('wallet.createLiquidation', input, (token) => ({ token }));
  }

  recover(input: OpParsedInput<'wallet.recover'>): Promise<Result<OpOutput<'wallet.recover'>>> {
    return this.send('wallet.recover', input, (token) => ({ token }));
  }

  statement(input: OpParsedInput<'wallet.statement'>): Promise<Result<OpOutput<'wallet.statement'>>> {
    return this.send('wallet.statement', input, (token) => ({ token }));
  }

  async statementPdf(input: OpParsedInput<'wallet.statementPdf'>): Promise<Result<DocumentFile>> {
    return asDocument(await this.send('wallet.statementPdf', input, (token) => ({ token })));
  }

  updateContact(input: OpParsedInput<'wallet.updateContact'>): Promise<Result<OpOutput<'wallet.updateContact'>>> {
    return this.send('wallet.updateContact', input, (token) => ({ token }));
  }

  requestNewClave(input: OpParsedInput<'wallet.requestNewClave'>): Promise<Result<OpOutput<'wallet.requestNewClave'>>> {
    return this.send('wallet.requestNewClave', input, (token) => ({ token }));
  }

  async volante(input: OpParsedInput<'wallet.volante'>): Promise<Result<DocumentFile>> {
    return asDocument(await this.send('wallet.volante', input, (token) => ({ token })));
  }

  /** The volante's facts, for the thermal slip of a receipt-only kiosk. */
  volanteSlip(input: OpParsedInput<'wallet.volante'>): Promise<Result<RouteValue<'wallet.volanteSlip'>>> {
    return this.send('wallet.volanteSlip', input, (token) => ({ token }));
  }

  checkout(input: OpParsedInput<'wallet.checkout'>): Promise<Result<OpOutput<'wallet.checkout'>>> {
    return this.send('wallet.checkout', input, (token) => ({ token }));
  }

  checkoutState(input: OpParsedInput<'wallet.checkoutState'>): Promise<Result<OpOutput<'wallet.checkoutState'>>> {
    return this.send('wallet.checkoutState', input, (token) => ({ token }));
  }

  /** Sends one wallet route with this device's token; without the server, the citizen is told plainly. */
  private async send<K extends RouteName>(
    route: K,
    input: RouteInput<K>,
    credentials: (token: string) => RouteCredentials<K>,
  ): Promise<Result<RouteValue<K>>> {
    const token = this.meta.get('deviceToken');
    if (token === null) return err('not-enrolled', walletNotEnrolled);
    const result = await this.client.call(route, input, credentials(token));
    if (!result.ok && result.error.code === 'offline') {
      this.log.info({ route }, 'wallet call without a server');
      return err('offline', walletOffline);
    }
    return result;
  }
}

/** The server's PDF (base64 inside its JSON answer) as the bytes the screen's viewer takes. */
function asDocument(answer: Result<ServerDocumentValue>): Result<DocumentFile> {
  if (!answer.ok) return answer;
  return ok({
    fileName: answer.value.fileName,
    contentType: answer.value.contentType,
    bytes: new Uint8Array(Buffer.from(answer.value.base64, 'base64')),
  });
}
