import type { z } from 'zod';
import type { SubscriberSummary, ValidationQuestion } from '../../src-shared/api/ops/bills';
import { createSessionStore } from '../session/create-session-store';

/** Where the citizen is before the bills are open to them. */
export type ValidationStep = 'code' | 'questions' | 'rejected' | 'locked';

export interface Challenge {
  readonly challengeId: string;
  readonly questions: readonly ValidationQuestion[];
}

/** Granted by the questions for one código interno, until the visit ends. */
export interface BillsAccess {
  readonly accessId: string;
  readonly subscriber: z.infer<typeof SubscriberSummary>;
}

interface BillsFlowData {
  /** Raised when a request starts; an answer that arrives after the visit ended finds it changed and is dropped. */
  visit: number;
  step: ValidationStep;
  digits: string;
  /** Why the código interno was not accepted (empty, not found…), or null. */
  codeMessage: string | null;
  /** A request to the service is under way: its button shows progress and cannot be pressed twice. */
  busy: boolean;
  challenge: Challenge | null;
  /** Option chosen per question id. */
  answers: Readonly<Record<string, string>>;
  questionIndex: number;
  /** After answers that did not match: how many tries are left before the code locks. */
  attemptsLeft: number | null;
  /** Until when the code is locked on this kiosk (ISO instant), when the service said so. */
  lockedUntil: string | null;
  /** The service's own explanation of a lock, when it gave no instant. */
  lockMessage: string | null;
  access: BillsAccess | null;
  /** "Ver facturas anteriores": the bill whose period the citizen chose. */
  chosenBillNumber: number | null;
}

interface BillsFlowActions {
  setDigits(digits: string): void;
  /** Marks the start of a request and returns the visit it belongs to. */
  beginRequest(): number;
  /** Applies a request's outcome unless the visit it belonged to has ended meanwhile. */
  finishRequest(visit: number, outcome: Partial<Omit<BillsFlowData, 'visit' | 'busy'>>): void;
  chooseAnswer(questionId: string, optionId: string): void;
  showQuestion(index: number): void;
  /** Back to the código interno, keeping the digits so a typo is easy to fix. */
  backToCode(): void;
  chooseBill(billNumber: number | null): void;
  /** "Consultar otro código interno": forget this code's access and start over. */
  startOver(): void;
}

export const noAnswers: Readonly<Record<string, string>> = {};

const initial: BillsFlowData = {
  visit: 0,
  step: 'code',
  digits: '',
  codeMessage: null,
  busy: false,
  challenge: null,
  answers: noAnswers,
  questionIndex: 0,
  attemptsLeft: null,
  lockedUntil: null,
  lockMessage: null,
  access: null,
  chosenBillNumber: null,
};

let visitCounter = 0;

/**
 * The bills flow's UI and session state (STYLE §14). It is a session store, so the idle
 * timeout and "Terminar" put it back to `initial`: no code, answer, access or name survives
 * the visit. The bills themselves are not kept here; screens load them from the service.
 */
export const useBillsStore = createSessionStore<BillsFlowData, BillsFlowActions>('bills', initial, (set, get) => ({
  setDigits: (digits) => set({ digits, codeMessage: null }),
  beginRequest: () => {
    const current = get().visit;
    const visit = current === 0 ? (visitCounter += 1) : current;
    set({ visit, busy: true });
    return visit;
  },
  finishRequest: (visit, outcome) => {
    if (get().visit !== visit) return;
    set({ ...outcome, busy: false });
  },
  chooseAnswer: (questionId, optionId) => set((state) => ({ answers: { ...state.answers, [questionId]: optionId } })),
  showQuestion: (questionIndex) => set({ questionIndex }),
  backToCode: () =>
    set({ step: 'code', challenge: null, answers: noAnswers, questionIndex: 0, attemptsLeft: null, codeMessage: null }),
  chooseBill: (chosenBillNumber) => set({ chosenBillNumber }),
  startOver: () => set((state) => ({ ...initial, visit: state.visit })),
}));
