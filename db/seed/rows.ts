/**
 * The rows the generator produces, one interface per server table. They are plain data (dates
 * as ISO strings, amounts as integer pesos) so the loader can turn them into SQL arrays without
 * conversions, and tests can compare them byte for byte.
 */
import type { BillLineItem, bills, payments, staffUsers, subscribers } from '../server/schema';
import type { IsoDate, Period } from './calendar';
import type { Estrato } from './places';

export type Uso = 'residencial' | 'comercial' | 'industrial' | 'oficial';
import type { BillState, PaymentChannel as AnyPaymentChannel } from '../../src-shared/domain/bill-state';

export type { BillState };
/** Demo payments come from every channel but field collection (no field device took them). */
export type PaymentChannel = Exclude<AnyPaymentChannel, 'campo'>;
export type StaffRole = 'cajero' | 'supervisor' | 'soporte' | 'admin';

export interface SubscriberRow {
  readonly codigoInterno: number;
  readonly codigoRuta: string;
  readonly holderName: string;
  readonly estrato: Estrato;
  readonly uso: Uso;
  readonly address: string;
  readonly neighborhood: string;
  readonly municipality: string;
  readonly meterSerial: string;
}

export interface BillRow {
  readonly billNumber: number;
  readonly codigoInterno: number;
  readonly period: Period;
  readonly issuedOn: IsoDate;
  readonly dueOn: IsoDate;
  readonly suspensionOn: IsoDate;
  readonly previousReading: number;
  readonly currentReading: number;
  readonly consumptionM3: number;
  readonly lineItems: readonly BillLineItem[];
  readonly previousBalance: number;
  readonly total: number;
  readonly state: BillState;
  /** Bogotá timestamp of the payment that settled the bill; null unless `pagada`. */
  readonly paidAt: string | null;
}

export interface PaymentRow {
  /** UUIDv7 whose time part is `paidAt`. */
  readonly id: string;
  readonly codigoInterno: number;
  readonly billNumber: number;
  readonly period: Period;
  readonly amount: number;
  readonly paidAt: string;
  readonly channel: PaymentChannel;
  readonly reference: string;
}

export interface StaffUserRow {
  readonly id: string;
  readonly username: string;
  readonly fullName: string;
  readonly role: StaffRole;
  readonly passwordHash: string;
  readonly pinHash: string | null;
  readonly active: boolean;
  readonly createdAt: string;
}

/** What one step of the generator yields: whole subscribers with all their bills and payments. */
export interface SeedBatch {
  readonly subscribers: SubscriberRow[];
  readonly bills: BillRow[];
  readonly payments: PaymentRow[];
}

/** Compile-time guard: a row type has exactly the columns of its table. */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
type Assert<T extends true> = T;
export type RowsMatchSchema = Assert<
  [
    SameKeys<SubscriberRow, typeof subscribers.$inferSelect>,
    SameKeys<BillRow, typeof bills.$inferSelect>,
    // Demo payments come from banks and other channels, never from a device: the columns of a
    // device-taken payment and of a void keep their defaults (null, `valid`).
    SameKeys<
      PaymentRow,
      Omit<typeof payments.$inferSelect, 'deviceId' | 'cashSessionId' | 'cashier' | 'state' | 'voidedAt'>
    >,
    SameKeys<StaffUserRow, typeof staffUsers.$inferSelect>,
  ] extends [true, true, true, true]
    ? true
    : false
>;
