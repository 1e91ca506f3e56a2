import { randomBytes } from 'node:crypto';
import type { OpOutput, OpParsedInput } from '../../src-shared/api/contract';
import { err, ok, type Result } from '../../src-shared/api/result';
import type { Logger } from '../logger';
import type { Store } from '../store/open-store';
import { AccessGrants } from './access-grants';
import { AccessLockout } from './access-lockout';
import { billMessages } from './bill-messages';
import type { BillQueries } from './bill-queries';
import { subscriberSummary } from './bill-views';
import { ChallengeBook, type Challenge } from './challenges';
import { cryptoRandom, keyedRandom, type RandomSource } from './random-source';
import { buildQuestions } from './validation-questions';

export interface BillAccessOptions {
  readonly store: Store;
  readonly queries: BillQueries;
  readonly log: Logger;
  readonly now?: () => Date;
  /** Option order and choice of questions; unpredictable by default. */
  readonly random?: RandomSource;
  /** Keys the wrong options; a fresh random one per process by default. */
  readonly distractorSecret?: Buffer;
}

/**
 * Who may see a código interno's bills at this kiosk (guide 000 §4, docs/user-guides.md): three
 * questions from the subscriber's last bill, all three right → an access id for the session;
 * three failures in a row → the code is locked on this device for 15 minutes. A wrong answer
 * is reported only as "not all right": never which one.
 */
export class BillAccess {
  private readonly now: () => Date;
  private readonly random: RandomSource;
  private readonly secret: Buffer;
  private readonly lockout: AccessLockout;
  private readonly challenges: ChallengeBook;
  private readonly grants: AccessGrants;

  constructor(private readonly options: BillAccessOptions) {
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? cryptoRandom;
    this.secret = options.distractorSecret ?? randomBytes(32);
    this.lockout = new AccessLockout(options.store, this.now);
    const millis = () => this.now().getTime();
    this.challenges = new ChallengeBook(millis);
    this.grants = new AccessGrants(millis);
  }

  startValidation(input: OpParsedInput<'bills.startValidation'>): Result<OpOutput<'bills.startValidation'>> {
    const code = input.codigoInterno;
    const { queries } = this.options;
    if (queries.subscriber(code) === undefined) return err('not-found', billMessages.unknownCode(code));
    const lockedUntil = this.lockout.lockedUntil(code);
    if (lockedUntil !== null) {
      this.lockout.recordRefused(code, lockedUntil);
      return err('locked', billMessages.locked(code, lockedUntil, this.now()));
    }
    const bill = queries.latestValidBills(code)[0];
    if (bill === undefined) return err('not-found', billMessages.noBills(code));
    const built = buildQuestions(bill, {
      order: this.random,
      distractors: (kind) => keyedRandom(this.secret, `${code}:${bill.billNumber}:${kind}`),
    });
    const challengeId = this.challenges.add(code, built);
    return ok({ challengeId, questions: built.map((q) => q.question) });
  }

  answerValidation(input: OpParsedInput<'bills.answerValidation'>): Result<OpOutput<'bills.answerValidation'>> {
    const challenge = this.challenges.take(input.challengeId);
    if (challenge === null) return err('not-found', billMessages.staleChallenge);
    const code = challenge.codigoInterno;
    const locked = this.lockout.lockedUntil(code);
    if (locked !== null) {
      // Locked meanwhile by answers from another challenge for the same code.
      this.lockout.recordRefused(code, locked);
      return ok({ passed: false, attemptsLeft: 0, lockedUntil: locked.toISOString() });
    }
    if (!allRight(challenge, input.answers)) {
      const failure = this.lockout.recordFailure(code);
      if (failure.lockedUntil !== null) this.options.log.info('a código interno was locked after three failed validations');
      return ok({ passed: false, attemptsLeft: failure.attemptsLeft, lockedUntil: failure.lockedUntil?.toISOString() ?? null });
    }
    const subscriber = this.options.queries.subscriber(code);
    if (subscriber === undefined) return err('not-found', billMessages.unknownCode(code));
    this.lockout.recordSuccess(code);
    return ok({ passed: true, accessId: this.grants.grant(code), subscriber: subscriberSummary(subscriber) });
  }

  /**
   * Access to a código interno linked to the logged-in citizen's account (the central server
   * confirmed the link, made after these questions were answered once): no questions again.
   */
  grantLinked(code: number): Result<OpOutput<'accounts.openCode'>> {
    const subscriber = this.options.queries.subscriber(code);
    if (subscriber === undefined) return err('not-found', billMessages.unknownCode(code));
    return ok({ accessId: this.grants.grant(code), subscriber: subscriberSummary(subscriber) });
  }

  /** The código interno an access id unlocks for this session, or null. */
  codeFor(accessId: string): number | null {
    return this.grants.codeFor(accessId);
  }

  /** The citizen left (idle timeout or "Terminar"): forget every grant and open challenge. */
  endSession(): void {
    this.grants.clear();
    this.challenges.clear();
  }
}

/** Every question answered exactly once, each with its right option. */
function allRight(challenge: Challenge, answers: readonly { questionId: string; optionId: string }[]): boolean {
  if (new Set(answers.map((a) => a.questionId)).size !== challenge.questions.length) return false;
  return challenge.questions.every((q) => answers.some((a) => a.questionId === q.question.id && a.optionId === q.correctOptionId));
}
