import { z } from 'zod';
import { gatewayStatuses, type GatewayStatus } from '../../../src-shared/wallet/liquidation';

/**
 * A transaction as the gateway describes it, in an event or a `GET /transactions/{id}`
 * answer: the fields we check against the liquidación. Other fields are ignored.
 */
export const GatewayTransaction = z.object({
  id: z.string().min(1).max(100),
  reference: z.string().min(1).max(100),
  amount_in_cents: z.number().int().nonnegative(),
  currency: z.string().min(1).max(10),
  status: z.enum(gatewayStatuses),
});
export type GatewayTransaction = z.output<typeof GatewayTransaction>;

/**
 * Wompi's event envelope (docs/payment-gateway.md). The envelope is parsed loosely (the
 * checksum covers only what `signature.properties` lists, read from the raw `data`); the
 * transaction inside is parsed strictly once the checksum has held.
 */
export const GatewayEventEnvelope = z.object({
  event: z.string().max(100),
  data: z.record(z.string(), z.unknown()),
  environment: z.string().max(20).optional(),
  signature: z.object({
    properties: z.array(z.string().min(1).max(100)).min(1).max(20),
    checksum: z.string().min(1).max(128),
  }),
  timestamp: z.number().int(),
  sent_at: z.string().max(40).optional(),
});
export type GatewayEventEnvelope = z.output<typeof GatewayEventEnvelope>;

/** The properties Wompi signs for `transaction.updated`; the demo gateway signs the same ones. */
export const transactionEventProperties = [
  'transaction.id',
  'transaction.status',
  'transaction.amount_in_cents',
] as const;

/** `CREATED` (our checkout opened, nothing heard yet) and the gateway's statuses. */
export type CheckoutStatus = 'CREATED' | GatewayStatus;

/** A final status is never replaced by PENDING or CREATED; only an approval outranks another final one. */
export const isFinalStatus = (status: CheckoutStatus): boolean => status !== 'CREATED' && status !== 'PENDING';
