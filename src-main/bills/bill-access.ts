import type { OpOutput, OpParsedInput } from '../../src-shared/api/contract';
import { err, ok, type Result } from '../../src-shared/api/result';
import type { KioskVisit } from '../api/callers';
import type { Logger } from '../logger';
import type { Store } from '../store/open-store';
import { AccessGrants } from './access-grants';
import { AccessLockout } from './access-lockout';
import { billMessages } from './bill-messages';
import type { BillQueries } from './bill-queries';
import { subscriberSummary } from './bill-views';
import { ChallengeBook, type Challenge } from './challenges';
import { defaultBillDeliveryDays, deliveredCutoff } from './held-bill';
import { PeerDirectory } from './peer-directory';
import { QuestionRows } from './question-rows';
import { cryptoRandom, type RandomSource } from './random-source';
import { buildQuestions } from './validation-questions';

export interface BillAccessOptions {
  readonly store: Store;
  readonly queries: BillQueries;
  readonly log: Logger;
  readonly now?: () => Date;
  /** Order of the questions and of their options; unpredictable by default. */
  readonly random?: RandomSource;
  /** Days from a bill's issue to the citizen's door (config `kiosk.billDeliveryDays`). */
  readonly billDeliveryDays?: number;
}

/**
 * Who may see a código interno's bills at this kiosk (guide 000 §4, docs/user-guides.md): three
 * questions about the last bill delivered to the subscriber (held-bill.ts), its wrong options
 * other subscribers' real figures (peer-blocks.ts), all three right → an access id for the session;
 * three failures in a row → the code is locked on this device for 15 minutes. A wrong answer
 * is reported only as "not all right": never which one.
 */
export class BillAccess {
  private readonly now: () => Date;
  private readonly random: RandomSource;
  private readonly deliveryDays: number;
  private readonly directory: PeerDirectory;
  private readonly questionRows: QuestionRows;
  private readonly lockout: AccessLockout;
  private readonly challenges: ChallengeBook;
  private readonly grants: AccessGrants;

  constructor(private readonly options: BillAccessOptions) {
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? cryptoRandom;
    this.deliveryDays = options.billDeliveryDays ?? defaultBillDeliveryDays;
    this.lockout = new AccessLockout(options.store, this.now);
    const millis = () => this.now().getTime();
    const { queries } = options;
    const peers = {
      page: (after: number, limit: number) => queries.peerPage(after, limit),
      signature: () => queries.subscribersSignature(),
    };
    this.directory = new PeerDirectory(peers, millis, options.log);
    this.questionRows = new QuestionRows(queries, this.directory);
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
    const heldPeriod = queries.deliveredPeriod(code, deliveredCutoff(this.now(), this.deliveryDays));
    if (heldPeriod === undefined) {
      if (queries.latestValidBills(code).length === 0) return err('not-found', billMessages.noBills(code));
      return err('not-found', billMessages.noDeliveredBill(code));
    }
    const rows = this.questionRows.forCode(code, heldPeriod);
    const built = rows === null ? null : buildQuestions(rows.rows, rows.right, heldPeriod, this.random);
    if (built === null) {
      this.options.log.warn('the replica could not make validation questions for a código interno');
      return err('not-found', billMessages.noQuestions(code));
    }
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
      if (failure.lockedUntil !== null)
        this.options.log.info('a código interno was locked after three failed validations');
      return ok({
        passed: false,
        attemptsLeft: failure.attemptsLeft,
        lockedUntil: failure.lockedUntil?.toISOString() ?? null,
      });
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

  /** Reads the replica's subscribers into the peer directory in the background (start-up). */
  warmUp(): Promise<void> {
    return this.directory.warmUp();
  }

  /** The código interno an access id unlocks for this session, or null. */
  codeFor(accessId: string): number | null {
    return this.grants.codeFor(accessId);
  }

  /** The visit an access id belongs to, or `session-ended`; the dispatcher asks, for operations whose auth is a kiosk visit. */
  resolveVisit(accessId: string): Result<KioskVisit> {
    const codigoInterno = this.grants.codeFor(accessId);
    return codigoInterno === null ? err('session-ended', billMessages.accessEnded) : ok({ codigoInterno });
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
  return challenge.questions.every((q) =>
    answers.some((a) => a.questionId === q.question.id && a.optionId === q.correctOptionId),
  );
}
