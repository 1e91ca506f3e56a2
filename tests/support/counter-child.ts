import type { Result } from '../../src-shared/api/result';
import { childLines, type ChildLines } from './child-lines';
import { startChild } from './child-process';
import type { Child, SpawnOptions } from './child-spawn';

/** A payment the counter child reported once `cashier.takePayment` had returned it. */
export interface ReportedPayment {
  readonly id: string;
  readonly receiptNumber: string;
  readonly jobId: string | null;
}

/** The counter of tests/support/processes/counter-process.ts, driven from a test. */
export interface CounterChild {
  readonly child: Child;
  readonly lines: ChildLines;
  /** A contract operation through the child's dispatcher. */
  call(op: string, input: unknown): Promise<Result<unknown>>;
  /** Sets the child's wall clock to the real time plus `ms`. */
  setClock(ms: number): Promise<void>;
  /** Starts taking payments one after another (signed in as `staff`) until killed. */
  takePaymentsUntilKilled(staff: { username: string; password: string }): void;
  /** The payments reported so far, and any refusal (which stops the loop). */
  reported(): { paid: ReportedPayment[]; refused: unknown[] };
}

export async function startCounter(
  dataDir: string,
  serverUrl: string,
  clockOffsetMs = 0,
  options?: SpawnOptions,
): Promise<CounterChild> {
  const child = startChild('counter-process', [dataDir, serverUrl, String(clockOffsetMs)], options);
  const lines = childLines(child);
  await child.firstLine;
  let next = 0;
  const send = (command: Record<string, unknown>): number => {
    next += 1;
    child.process.stdin?.write(`${JSON.stringify({ ...command, id: next })}\n`);
    return next;
  };
  const answer = async (id: number): Promise<Record<string, unknown>> => {
    const line = await lines.wait((l) => l.startsWith(`{"id":${id},`), 60_000);
    return JSON.parse(line) as Record<string, unknown>;
  };
  const parsed = () =>
    lines.seen
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { paid?: ReportedPayment; refused?: unknown });
  return {
    child,
    lines,
    async call(op, input) {
      return (await answer(send({ op, input }))).result as Result<unknown>;
    },
    async setClock(ms) {
      await answer(send({ clock: ms }));
    },
    takePaymentsUntilKilled(staff) {
      send({ loop: staff });
    },
    reported() {
      const all = parsed();
      return {
        paid: all.flatMap((l) => (l.paid === undefined ? [] : [l.paid])),
        refused: all.flatMap((l) => (l.refused === undefined ? [] : [l.refused])),
      };
    },
  };
}
