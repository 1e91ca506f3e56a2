import type { OpOutput } from '../../src-shared/api/contract';
import type { registrationDocumentTypes } from '../../src-shared/domain/identity-document';
import type {
  LiquidationValue,
  NewHolderInput,
  StatementValue,
  WalletStartValue,
} from '../../src-shared/server-api/wallet-api';
import { createSessionStore } from '../session/create-session-store';

/** Where the citizen is in «Prepago de servicios». */
export type WalletView = 'menu' | 'recharge' | 'recover' | 'statement' | 'new-clave';

/** The steps of «Recargar prepago» (guide 001 §7–11), in order. */
export type RechargeStep = 'terms' | 'identify' | 'holder' | 'amount' | 'liquidation';

/** The documents a wallet is identified by: an adult's or a company's. */
export type WalletDocumentType = (typeof registrationDocumentTypes)[number];

/** Who recharges, consults or recovers: the document as typed. */
export interface WalletIdentification {
  readonly docType: WalletDocumentType;
  readonly docNumber: string;
}

/** The holder's identification and clave, held only while the statement is on screen. */
export interface HolderCredentials extends WalletIdentification {
  readonly clave: string;
}

type WalletTerms = OpOutput<'wallet.terms'>;

interface WalletData {
  view: WalletView;
  step: RechargeStep;
  /** The terms the citizen read and accepted in this visit. */
  terms: WalletTerms | null;
  /** The identification typed last; offered again by the next function of the visit. */
  identification: WalletIdentification | null;
  /** `wallet.start`'s answer: the acceptance, whether the wallet exists, the amounts allowed. */
  start: WalletStartValue | null;
  /** A new holder's data as typed, kept while the citizen goes back and forth. */
  holder: NewHolderInput | null;
  /** «Cargar ($)» as typed: digits only. */
  amount: string;
  /** The liquidación on screen (made by «Recargar prepago» or found by «Recuperar transacción»). */
  liquidation: LiquidationValue | null;
  /** The statement and the clave that opened it; dropped when the citizen leaves it. */
  statement: { readonly credentials: HolderCredentials; readonly value: StatementValue } | null;
  /** A line to show once on the next screen. */
  notice: string | null;
}

interface WalletActions {
  open(view: WalletView, notice?: string | null): void;
  toStep(step: RechargeStep): void;
  accepted(terms: WalletTerms): void;
  identified(identification: WalletIdentification, start: WalletStartValue): void;
  holderTyped(holder: NewHolderInput): void;
  amountTyped(amount: string): void;
  showLiquidation(liquidation: LiquidationValue): void;
  /** The liquidación on screen was paid while the citizen watched. */
  liquidationPaid(): void;
  statementOpened(credentials: HolderCredentials, value: StatementValue): void;
  statementChanged(value: StatementValue): void;
  /** A pending liquidación of the statement, to pay: the statement (and its clave) is let go. */
  showPending(liquidation: LiquidationValue): void;
  /** Back to the menu: the liquidación and the statement (and its clave) are let go; the identification stays. */
  toMenu(notice?: string | null): void;
}

const initial: WalletData = {
  view: 'menu',
  step: 'terms',
  terms: null,
  identification: null,
  start: null,
  holder: null,
  amount: '',
  liquidation: null,
  statement: null,
  notice: null,
};

/**
 * The prepaid wallet of this kiosk visit: identification, holder data, the liquidación, the
 * statement and the clave that opened it. A session store: the idle timeout and «Terminar»
 * forget all of it.
 */
export const useWalletStore = createSessionStore<WalletData, WalletActions>('wallet', initial, (set) => ({
  open: (view, notice = null) =>
    set({
      view,
      notice,
      // Each function starts afresh; the identification typed and the terms read stay for the visit.
      step: 'terms',
      start: null,
      holder: null,
      amount: '',
      liquidation: null,
      statement: null,
    }),
  toStep: (step) => set({ step, notice: null }),
  accepted: (terms) => set({ terms, step: 'identify', notice: null }),
  identified: (identification, start) => set({ identification, start, step: 'holder', notice: null }),
  holderTyped: (holder) => set({ holder, step: 'amount', notice: null }),
  amountTyped: (amount) => set({ amount }),
  showLiquidation: (liquidation) => set({ liquidation, step: 'liquidation', notice: null }),
  liquidationPaid: () =>
    set((state) =>
      state.liquidation === null ? {} : { liquidation: { ...state.liquidation, state: 'pagada', payWays: [] } },
    ),
  statementOpened: (credentials, value) =>
    set({
      statement: { credentials, value },
      identification: { docType: credentials.docType, docNumber: credentials.docNumber },
    }),
  statementChanged: (value) =>
    set((state) => (state.statement === null ? {} : { statement: { ...state.statement, value } })),
  showPending: (liquidation) => set({ view: 'recover', liquidation, statement: null, notice: null }),
  toMenu: (notice = null) =>
    set((state) => ({ ...initial, terms: state.terms, identification: state.identification, notice })),
}));
