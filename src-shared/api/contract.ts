import type { z } from 'zod';
import { accountsOps } from './ops/accounts';
import { appOps } from './ops/app';
import { billsOps } from './ops/bills';
import { cashierOps } from './ops/cashier';
import { fieldOps } from './ops/field';
import { fieldHandoverOps } from './ops/field-handover';
import { certificatesOps } from './ops/certificates';
import { counterRechargeOps } from './ops/counter-recharge';
import { deviceOps } from './ops/device';
import { diagnosticsOps } from './ops/diagnostics';
import { deviceLockOps } from './ops/device-lock';
import { kioskOps } from './ops/kiosk';
import { kioskStaffOps } from './ops/kiosk-staff';
import { printOps, receiptPrintOps } from './ops/print';
import { staffOps } from './ops/staff';
import { statusOps } from './ops/status';
import { syncOps } from './ops/sync';
import { ticketsOps } from './ops/tickets';
import { walletOps } from './ops/wallet';
import { defineContract } from './operation';

/**
 * The one API contract. The renderer's client, the Electron bridge and the web host are all
 * derived from this object: an operation's name is written here and nowhere else (a name in
 * two groups stops start-up: defineContract).
 */
export const contract = defineContract(
  appOps,
  statusOps,
  deviceOps,
  deviceLockOps,
  kioskOps,
  kioskStaffOps,
  billsOps,
  printOps,
  receiptPrintOps,
  syncOps,
  staffOps,
  cashierOps,
  fieldOps,
  fieldHandoverOps,
  counterRechargeOps,
  accountsOps,
  walletOps,
  certificatesOps,
  ticketsOps,
  diagnosticsOps,
);

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpParsedInput<K extends OpName> = z.output<Contract[K]['input']>;
export type OpOutput<K extends OpName> = z.output<Contract[K]['output']>;

export const opNames = Object.keys(contract) as OpName[];

export const isOpName = (name: string): name is OpName => Object.hasOwn(contract, name);

/** The Electron IPC channel of an operation; used by preload and main alike. */
export const ipcChannel = (op: OpName): string => `ventanilla:${op}`;
